import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadEnv } from '@app/config';
import { embeddedPortFor, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/database';
import { startupCause } from '@app/common';
import { createApiApp } from './bootstrap';
import { DemoSeedService } from '@app/demo';

async function main() {
  const env = loadEnv();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = env.databaseUrl;
  if (!databaseUrl) {
    process.stdout.write(`Starting embedded PostgreSQL (data in ${path.join(env.dataDir, 'pg')}) …\n`);
    embedded = await startEmbeddedPostgres(path.join(env.dataDir, 'pg'), { port: await embeddedPortFor(env.dataDir, env.embeddedPgPort) });
    databaseUrl = embedded.url;
  }
  const app = await createApiApp(env, databaseUrl);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: shutting down …\n`);
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const seeded = await app.get(DemoSeedService).seedIfEmpty();
  await app.listen({ port: env.port, host: env.host });
  const base = env.publicUrl;
  const lines = [
    '',
    `Kompetisi Inovasi Daerah is running (${env.nodeEnv}, ${embedded ? 'embedded PostgreSQL' : 'PostgreSQL at DATABASE_URL'}${env.redisUrl ? ', Redis queue' : ', in-process notifications'})`,
    `  Web     ${base}/`,
    `  API     ${base}/api`,
    `  Docs    ${base}/docs  (OpenAPI JSON: ${base}/docs-json)`,
    `  Health  ${base}/health`,
    ...(embedded ? [`  Database ${embedded.url}  (DATA_DIR/pg; give it to the worker as DATABASE_URL)`] : []),
  ];
  if (seeded) {
    lines.push('', `Demo edition IGA 2024 (demo), judged and published: ${base}/kompetisi/iga-2024-demo`);
    lines.push(
      '',
      `Demo accounts (password: ${env.demoPassword}):`,
      ...seeded.accounts.map((a) => `  ${a.email.padEnd(30)} ${a.role}${a.note ? ` — ${a.note}` : ''}`),
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Start-up failed: ${startupCause(err)}`}\n`);
  process.exit(1);
});
