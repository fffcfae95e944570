// @app/platform — the provider lists the composition roots are built from (immich's ApiModule /
// MicroservicesModule pattern): apps/api (ApiModule), apps/cli (CliModule) and apps/worker (WorkerModule) each
// assemble their own root module from these, so a CLI command never starts the API's background loops.

import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { OperationsModule, OperationsSweepModule } from '@app/operations';
import { AwardsModule } from '@app/awards';
import type { AppEnv } from '@app/config';
import { CompetitionsModule } from '@app/competitions';
import { DataSource } from 'typeorm';
import { ChangeBusModule, dataSourceOptions, openMigrated, PreparedStatementsModule, warnOnConnectionBudget } from '@app/database';
import { ENTITIES } from '@app/database/entities';
import { DirectoryModule } from '@app/directory';
import { IdentityModule } from '@app/identity';
import { IndexEditionsModule, IndexSurveyAnswersModule } from '@app/index-editions';
import { JudgingModule } from '@app/judging';
import { NotificationsModule, OutboxPumpModule } from '@app/notifications';
import { ResultsModule } from '@app/results';
import { StorageSweepModule, SubmissionsModule } from '@app/submissions';
import { SurveysModule } from '@app/surveys';

/**
 * Every bounded context's module: what the API serves and the CLI's commands use. With them the change bus
 * (PostgreSQL LISTEN/NOTIFY) their repositories announce cache invalidations on to every API instance, and the
 * prepared statements (their own pool) the hottest repository queries run as.
 */
export const CONTEXT_MODULES: readonly Type[] = [
  ChangeBusModule,
  PreparedStatementsModule,
  AuditModule,
  OperationsModule,
  DirectoryModule,
  IdentityModule,
  CompetitionsModule,
  SubmissionsModule,
  NotificationsModule,
  JudgingModule,
  ResultsModule,
  SurveysModule,
  IndexEditionsModule,
  IndexSurveyAnswersModule,
  AwardsModule,
];

/** Loops that run in the background of a serving process (outbox relay and digests, storage sweep, operations sweep). */
export const BACKGROUND_MODULES: readonly Type[] = [OutboxPumpModule, StorageSweepModule, OperationsSweepModule];

/**
 * The data source of a process that owns the schema: migrations run on start, without the pool's statement timeout.
 * Its pools hold DB_POOL_SIZE connections together; start-up warns when DB_PROCESSES of them cannot fit in the
 * server's max_connections (docs/ARCHITECTURE.md, "Connections").
 */
export function migratedDatabase(env: AppEnv, databaseUrl: string): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => dataSourceOptions(databaseUrl, ENTITIES, { poolSize: env.dbPoolSize, statementTimeoutMs: env.dbStatementTimeoutMs }),
    dataSourceFactory: async (options) => checked(env, await openMigrated(options!)),
  });
}

/** The data source of a process that only reads and writes rows (the worker): no migrations, the same pools and check. */
export function unmigratedDatabase(env: AppEnv, databaseUrl: string): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({
      ...dataSourceOptions(databaseUrl, ENTITIES, { poolSize: env.dbPoolSize, statementTimeoutMs: env.dbStatementTimeoutMs }),
      migrationsRun: false,
    }),
    dataSourceFactory: async (options) => checked(env, await new DataSource(options!).initialize()),
  });
}

async function checked(env: AppEnv, ds: DataSource): Promise<DataSource> {
  await warnOnConnectionBudget(ds, env.dbPoolSize, env.dbProcesses);
  return ds;
}
