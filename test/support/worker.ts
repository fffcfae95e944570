import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppEnv } from '../../libs/config/src/env';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** apps/worker's module in this process, on the test app's database and queue prefix. */
export async function startWorker(env: AppEnv, databaseUrl: string): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, databaseUrl), { logger: false });
  await app.init();
  return app;
}
