import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, type AppEnv } from '@app/config';
import { PreparedStatementsModule } from '@app/database';
import { unmigratedDatabase } from '@app/platform';
import { NotificationDeliveryModule } from '@app/notifications';
import { JudgingGuardsModule } from '@app/judging';
import { WorkerHealthController } from './worker-health.controller';
import { NotificationsProcessor } from './notifications.processor';

/** The queue consumers' process. The API owns migrations; the worker only reads and writes rows. */
@Module({})
export class WorkerModule {
  static forRoot(env: AppEnv, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggerModule.forRoot({ pinoHttp: { level: env.logLevel, autoLogging: false } }),
        unmigratedDatabase(env, databaseUrl),
        PreparedStatementsModule,
        TerminusModule,
        NotificationDeliveryModule,
        // Delivery-time guards (e.g. a reminder whose sheet was submitted meanwhile is dropped).
        JudgingGuardsModule,
      ],
      controllers: [WorkerHealthController],
      providers: [NotificationsProcessor],
    };
  }
}
