import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, type AppEnv } from '@app/config';
import { DemoSeedService } from '@app/demo';
import { CONTEXT_MODULES, migratedDatabase } from '@app/platform';

/**
 * The CLI's composition root: every context (migrations run as on start) for the commands that need services,
 * and none of the API's HTTP layer or background loops (no outbox relay, no storage sweep).
 */
@Module({})
export class CliModule {
  static forRoot(env: AppEnv, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggerModule.forRoot({ pinoHttp: { level: env.logLevel, autoLogging: false } }),
        migratedDatabase(env, databaseUrl),
        ...CONTEXT_MODULES,
      ],
      providers: [DemoSeedService],
    };
  }
}
