import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppConfigModule, type AppEnv } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { RolesGuard } from '@app/common';
import { AuditModule } from '@app/audit';
import { DirectoryModule } from '@app/directory';
import { IdentityModule, JwtAuthGuard } from '@app/identity';
import { CompetitionsModule } from '@app/competitions';
import { SubmissionsModule } from '@app/submissions';
import { ENTITIES } from './persistence';
import { ErrorFilter } from './http/error.filter';
import { HealthController } from './health/health.controller';
import { DemoSeedService } from './demo/demo-seed.service';

export interface ApiModuleOptions {
  env: AppEnv;
  databaseUrl: string;
}

@Module({})
export class ApiModule {
  static forRoot({ env, databaseUrl }: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: env.logLevel === 'debug' || env.logLevel === 'trace',
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, ENTITIES), migrationsRun: true }),
        TerminusModule,
        AuditModule,
        DirectoryModule,
        IdentityModule,
        CompetitionsModule,
        SubmissionsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        DemoSeedService,
      ],
    };
  }
}
