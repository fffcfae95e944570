import 'reflect-metadata';
import { startupCause } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadEnv } from '@app/config';
import { WorkerModule } from './worker.module';

/** apps/worker: consumes the notification queue. Needs DATABASE_URL and REDIS_URL; reports /health on WORKER_PORT. */
async function main() {
  const env = loadEnv();
  if (!env.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required by the worker (it shares the API’s database)');
  if (!env.redisUrl)
    throw new ConfigError('REDIS_URL', 'is required by the worker (without Redis the API delivers notifications in process)');
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(env, env.databaseUrl), new FastifyAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen({ port: env.workerPort, host: env.host });
  process.stdout.write(`worker running; health at http://${env.host}:${env.workerPort}/health\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `Worker start-up failed: ${startupCause(err)}\n`);
  process.exit(1);
});
