import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppConfigModule, type AppEnv } from '@app/config';
import { redactLinkSecrets, RolesGuard } from '@app/common';
import { JwtAuthGuard } from '@app/identity';
import { BACKGROUND_MODULES, CONTEXT_MODULES, migratedDatabase } from '@app/platform';
import { JobQueue } from '@app/jobs';
import { ErrorFilter } from './http/error.filter';
import { HEALTH_PROBES, HealthController } from './health/health.controller';
import { DemoSeedService } from '@app/demo';
import { BenchModule } from './bench/bench.controller';
import { OperationsController } from './operations/operations.controller';

export interface ApiModuleOptions {
  env: AppEnv;
  databaseUrl: string;
}

/** The API's composition root: HTTP guards, the error filter, health, every context and the background loops. */
@Module({})
export class ApiModule {
  static forRoot({ env, databaseUrl }: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggerModule.forRoot({
          // Every route, in path-to-regexp 8 syntax (nestjs-pino 4's default `*` draws Nest 12's legacy-route warning).
          forRoutes: [{ path: '{/*splat}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: env.logLevel,
            // Fastify named the request already (bootstrap: the caller's x-request-id or a UUID, sent back).
            genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
            // A request is logged as its id, method, URL and client address: no headers at all, so no token or
            // cookie can reach the logs (and no per-request redaction pass: it was ≈6 % of the API's CPU on a
            // cached public route). A one-time link in the URL (/v/{token}, ?token=) is logged without its secret.
            serializers: {
              req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
                id: req.id,
                method: req.method,
                url: redactLinkSecrets(req.url),
                remoteAddress: req.remoteAddress,
              }),
            },
            autoLogging: env.logLevel === 'debug' || env.logLevel === 'trace',
          },
        }),
        migratedDatabase(env, databaseUrl),
        TerminusModule,
        ...CONTEXT_MODULES,
        ...BACKGROUND_MODULES,
        // Baseline routes for `npm run bench` (hello-world and one SELECT 1), only when BENCH_ROUTES=true.
        ...(env.benchRoutes ? [BenchModule] : []),
      ],
      controllers: [HealthController, OperationsController],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // /health gains `redis` and `queue` when REDIS_URL is set.
        { provide: HEALTH_PROBES, inject: [JobQueue], useFactory: (jobs: JobQueue) => jobs.healthProbes() },
        DemoSeedService,
      ],
    };
  }
}
