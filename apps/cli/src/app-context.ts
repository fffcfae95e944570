import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadEnv, type AppEnv } from '@app/config';
import { CliModule } from './cli.module';
import { openDatabase } from './database';

/** Boots the CLI's root module (every context, migrations as on start, no HTTP, no background loops), runs `fn`, and shuts everything down. */
export async function withApp(fn: (app: INestApplicationContext, env: AppEnv) => Promise<number>): Promise<number> {
  let env: AppEnv;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { url, embedded } = await openDatabase({ ...env, logLevel: 'warn' });
  const app = await NestFactory.createApplicationContext(CliModule.forRoot({ ...env, logLevel: 'warn', seedDemo: false }, url), {
    logger: ['error', 'warn'],
  });
  try {
    return await fn(app, env);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}
