import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Clock, SystemClock } from '@app/kernel';
import type { AppEnv } from './env';

/** Typed access: `inject ConfigService<AppEnv, true>` and call `config.get('jwt', { infer: true })`. */
export type AppConfig = ConfigService<AppEnv, true>;

@Global()
@Module({})
export class AppConfigModule {
  /**
   * `env` comes validated from {@link loadEnv}; the module only exposes it through @nestjs/config. It also
   * provides the one {@link Clock} of the process (tests move it: `app.get(Clock)`).
   */
  static forRoot(env: AppEnv): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, skipProcessEnv: true, load: [() => env] })],
      providers: [{ provide: Clock, useClass: SystemClock }],
      exports: [ConfigModule, Clock],
    };
  }
}
