import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateEnv, resolveDevSecrets, type AppEnv } from '../../libs/config/src/env';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { dropQueueKeys, runTag } from './redis-keys';

export interface TestApp {
  app: NestFastifyApplication;
  env: AppEnv;
  databaseUrl: string;
  /** A pg client on this file's own database, for asserting rows. */
  db: Client;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, and the API on it. */
export async function createTestDatabase(): Promise<string> {
  const base = process.env.DATABASE_URL!;
  const template = process.env.E2E_TEMPLATE_DB!;
  const name = `test_e2e_run_${template.slice('test_e2e_tpl_'.length)}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty database (no schema), dropped by the global teardown with the others: what a first start finds. */
export async function createEmptyDatabase(): Promise<string> {
  const template = process.env.E2E_TEMPLATE_DB!;
  const name = `test_e2e_run_${template.slice('test_e2e_tpl_'.length)}_empty_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `opts.databaseUrl`: run on that (empty or migrated) database instead of a fresh clone of the template. */
export async function createTestApp(overrides: Record<string, string> = {}, opts: { databaseUrl?: string } = {}): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inovasi-e2e-'));
  const env = resolveDevSecrets(
    validateEnv({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      JWT_ACCESS_SECRET: 'test-access-secret-0123456789-0123456789',
      JWT_REFRESH_SECRET: 'test-refresh-secret-0123456789-0123456789',
      LOGIN_RATE_LIMIT: '1000',
      // The suites sign in (and fail on purpose) many times from 127.0.0.1; the per-address limit is tested with its own value.
      LOGIN_ADDRESS_FAILURE_LIMIT: '1000',
      LOG_LEVEL: 'error',
      REDIS_URL: process.env.REDIS_URL ?? '',
      // Parallel jest workers and test apps must not share BullMQ queues; the run's tag lets the global teardown
      // find what a test app failed to remove.
      QUEUE_PREFIX: `e2e-${runTag()}-${randomBytes(4).toString('hex')}`,
      ...overrides,
    }),
  );
  const app = await createApiApp(env, databaseUrl);
  await app.getHttpAdapter().getInstance().ready();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    app,
    env,
    databaseUrl,
    db,
    http: () => request(app.getHttpServer()),
    async close() {
      await db.end();
      await app.close();
      // BullMQ leaves its queue's keys (jobs, events, meta) behind: this app's prefix is its own, so all of them go.
      if (env.redisUrl) await dropQueueKeys(env.redisUrl, env.queue.prefix);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Two API instances on one database, as production runs several (the second made with the same settings). */
export async function createTestAppPair(overrides: Record<string, string> = {}): Promise<[TestApp, TestApp]> {
  const a = await createTestApp(overrides);
  return [a, await createTestApp(overrides, { databaseUrl: a.databaseUrl })];
}

/** Closes the apps a suite made (those it made before a failure), the last made first. */
export async function closeTestApps(...apps: (TestApp | undefined)[]): Promise<void> {
  for (const app of apps.reverse()) await app?.close();
}
