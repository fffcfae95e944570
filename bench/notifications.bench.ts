// Notification delivery (issue #7): N outbox rows (default 10,000) e-mailed to an in-process SMTP sink by
// the in-process path (poller → DeliveryService: claim a batch, render, pooled SMTP, record the outcomes), and —
// with REDIS_URL — by the queued path (relay → BullMQ jobs of rows → apps/worker's processor → the same handler);
// in the same run the baselines: the same messages rendered beforehand and sent straight through one pooled
// transport (issue 21), and raw BullMQ add + process of N no-op jobs. Medians of the runs; the section "## Notifications"
// of bench/RESULTS.md is rewritten, the others kept. Also a plugin of `npm run bench`.
// Usage (after `node scripts/build.mjs --api-only`):
//   REDIS_URL=redis://127.0.0.1:6379 node dist/bench/notifications.bench.js [--rows 10000] [--runs 3]
// Database: BENCH_DATABASE_URL or DATABASE_URL (a bench_* database is created and dropped), else embedded.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppConfigModule, resolveDevSecrets, validateEnv, type AppEnv } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { JobQueue, QueueName } from '@app/jobs';
import { DeliveryService, NotificationDeliveryModule, OutboxMessageEntity, type OutboxDraft } from '@app/notifications';
import { ENTITIES } from '@app/database/entities';
import { InProcessDispatch, QueueRelay, type OutboxDispatch } from '../libs/notifications/src/delivery/outbox-dispatch';
import { NotificationsProcessor } from '../apps/worker/src/notifications.processor';
import { OutboxRepository } from '../libs/notifications/src/persistence/outbox.repository';
import { outboxMessageId } from '../libs/notifications/src/delivery/mail-sender';
import { renderMessage } from '../libs/notifications/src/domain/templates';
import { createBenchDatabase, dropBenchDatabase, migrate, openBenchServer } from './lib/database';
import type { BenchPluginContext, BenchPluginResult } from './lib/plugins';
import { mergeResults } from './lib/results-file';
import { int, median, ms, ratio, table } from './lib/stats';

export interface NotificationsBenchOptions {
  rows?: number;
  runs?: number;
  concurrency?: number;
  redisUrl?: string | null;
  log?: (line: string) => void;
}

export interface NotificationsBenchResult {
  rows: number;
  runs: number;
  concurrency: number;
  /** Outbox → SMTP sink in process: every run, and the median (ms). */
  inProcessMs: number[];
  /** Outbox → relay → BullMQ → worker → SMTP sink (null without REDIS_URL). */
  queuedMs: number[] | null;
  /** Raw BullMQ: addBulk + no-op processing of the same number of jobs (null without REDIS_URL). */
  rawBullmqMs: number[] | null;
  /** The fair baseline: the same messages, rendered beforehand, sent straight through one pooled nodemailer transport. */
  directSmtpMs: number[];
  /** 1-minute load average at the start and the end (other work on the machine skews the figures). */
  load: [number, number];
}

const HEADING = '## Notifications';
const PREAMBLE = '# Benchmarks';

/** An SMTP server that only counts what it accepts. */
async function countingSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

@Module({})
class NotificationsBenchModule {
  static forRoot(env: AppEnv, databaseUrl: string): DynamicModule {
    return {
      module: NotificationsBenchModule,
      imports: [
        AppConfigModule.forRoot(env),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, ENTITIES, { poolSize: Math.ceil(((env.notify.concurrency + 4) * 3) / 2) }),
          migrationsRun: false,
        }),
        NotificationDeliveryModule,
      ],
    };
  }
}

async function waitUntil(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function drafts(count: number, run: number): (OutboxDraft & { maxAttempts: number })[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'message' as const,
    recipientId: '00000000-0000-4000-8000-000000000001',
    channel: 'email' as const,
    address: `juri${i % 500}@bench.local`,
    locale: i % 2 ? ('en' as const) : ('id' as const),
    payload: {
      title: `Rapat juri ${i}`,
      body: 'Rapat kalibrasi juri tahap presentasi, Senin pukul 09.00 WIB.',
      link: `/competitions/bench-${i}`,
    },
    dedupeKey: `message:bench-${run}-${i}@00000000-0000-4000-8000-000000000001/email`,
    competitionId: null,
    availableAt: new Date(),
    guard: null,
    held: false,
    maxAttempts: 3,
  }));
}

/** Loads N pending rows (not timed), then times the dispatch until the sink has every mail and every row is sent. */
async function timeOutbox(
  app: INestApplicationContext,
  sink: { received: () => number },
  dispatch: OutboxDispatch,
  rows: number,
  run: number,
): Promise<number> {
  const db = app.get(DataSource);
  const repo = app.get(OutboxRepository);
  await db.query('TRUNCATE outbox_messages');
  const all = drafts(rows, run);
  for (let i = 0; i < all.length; i += 1000) await db.transaction((tx) => repo.insert(tx, all.slice(i, i + 1000)));
  const before = sink.received();
  const t0 = performance.now();
  while ((await dispatch.tick(new Date())) > 0);
  await waitUntil(
    async () => sink.received() - before >= rows && (await db.getRepository(OutboxMessageEntity).countBy({ status: 'sent' })) === rows,
    'the outbox to drain',
  );
  return performance.now() - t0;
}

/**
 * The fair baseline: the same N messages, rendered before the clock starts, sent through one pooled nodemailer
 * transport with the transport options of MailSender (maxConnections = concurrency) by `concurrency` lanes,
 * until the sink has every mail. What an outbox run adds to this is the row's state and its rendering.
 */
async function timeDirectSmtp(
  sink: { url: string; received: () => number },
  rows: number,
  concurrency: number,
  run: number,
): Promise<number> {
  const transport = createTransport(
    { url: sink.url, pool: true, maxConnections: concurrency, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 },
    { from: 'Inovasi Daerah <no-reply@inovasi.local>' },
  );
  const mails = drafts(rows, run).map((d, i) => {
    const m = renderMessage('message', d.payload, d.locale, 'http://localhost:3000');
    return {
      to: d.address!,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: outboxMessageId(`direct-${run}-${i}`, 'localhost'),
    };
  });
  try {
    const before = sink.received();
    const t0 = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < mails.length) await transport.sendMail(mails[next++]);
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    await waitUntil(() => sink.received() - before >= rows, 'the direct mails');
    return performance.now() - t0;
  } finally {
    transport.close();
  }
}

/** Raw BullMQ: N no-op jobs added in bulk and processed by one worker at the same concurrency. */
async function timeRawBullmq(redisUrl: string, prefix: string, rows: number, concurrency: number): Promise<number> {
  const queue = new Queue('raw', { connection: { url: redisUrl }, prefix });
  let completed = 0;
  const worker = new Worker('raw', async () => undefined, {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix,
    concurrency,
  });
  worker.on('completed', () => completed++);
  await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
  try {
    const t0 = performance.now();
    for (let i = 0; i < rows; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({
          name: 'noop',
          data: { i: i + j },
          opts: { jobId: `raw-${i + j}`, removeOnComplete: true },
        })),
      );
    }
    await waitUntil(() => completed >= rows, 'the raw jobs');
    return performance.now() - t0;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

export async function measureNotifications(adminUrl: string, options: NotificationsBenchOptions = {}): Promise<NotificationsBenchResult> {
  const { rows = 10_000, runs = 3, concurrency = 8, redisUrl = null, log = () => undefined } = options;
  const db = await createBenchDatabase(adminUrl);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'notifications-bench-'));
  const sink = await countingSink();
  const prefix = `bench-${process.pid}`;
  let app: INestApplicationContext | null = null;
  try {
    await migrate(db.url);
    const env = resolveDevSecrets(
      validateEnv({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        SMTP_URL: sink.url,
        REDIS_URL: redisUrl ?? '',
        QUEUE_PREFIX: prefix,
        NOTIFY_CONCURRENCY: String(concurrency),
      }),
    );
    app = await NestFactory.createApplicationContext(NotificationsBenchModule.forRoot(env, db.url), { logger: ['error'] });
    const inProcess = new InProcessDispatch(app.get(DeliveryService));
    const result: NotificationsBenchResult = {
      rows,
      runs,
      concurrency,
      inProcessMs: [],
      queuedMs: redisUrl ? [] : null,
      rawBullmqMs: redisUrl ? [] : null,
      directSmtpMs: [],
      load: [loadavg()[0], NaN],
    };
    await timeOutbox(app, sink, inProcess, Math.min(rows, 500), -1); // warm-up: pool, JIT, SMTP connections
    await timeDirectSmtp(sink, Math.min(rows, 500), concurrency, -1);
    for (let run = 0; run < runs; run++) {
      result.directSmtpMs.push(await timeDirectSmtp(sink, rows, concurrency, run));
      log(`notifications: direct SMTP (baseline), run ${run + 1}: ${ms(result.directSmtpMs[run])}`);
      result.inProcessMs.push(await timeOutbox(app, sink, inProcess, rows, run));
      log(`notifications: in process, run ${run + 1}: ${ms(result.inProcessMs[run])}`);
      if (!redisUrl) continue;
      const jobs = app.get(JobQueue);
      // apps/worker's consumer as it runs there (jobs of JOB_BATCH rows, JOBS_AT_ONCE at a time, NOTIFY_CONCURRENCY SMTP lanes).
      const worker = new NotificationsProcessor(jobs, app.get(DeliveryService));
      worker.onApplicationBootstrap();
      try {
        result.queuedMs!.push(
          await timeOutbox(app, sink, new QueueRelay(app.get(DataSource), app.get(OutboxRepository), jobs), rows, runs + run),
        );
      } finally {
        await worker.onModuleDestroy();
      }
      log(`notifications: queued, run ${run + 1}: ${ms(result.queuedMs![run])}`);
      result.rawBullmqMs!.push(await timeRawBullmq(redisUrl, prefix, rows, concurrency));
      log(`notifications: raw BullMQ, run ${run + 1}: ${ms(result.rawBullmqMs![run])}`);
    }
    if (redisUrl) {
      const q = new Queue(QueueName.Notifications, { connection: { url: redisUrl }, prefix });
      await q.obliterate({ force: true });
      await q.close();
    }
    result.load[1] = loadavg()[0];
    return result;
  } finally {
    await app?.close();
    await sink.close();
    rmSync(dataDir, { recursive: true, force: true });
    await dropBenchDatabase(adminUrl, db.name);
  }
}

function perSecond(rows: number, msValue: number): string {
  return `${int((rows / msValue) * 1000)}/s`;
}

export function notificationsMarkdown(r: NotificationsBenchResult): string {
  const inProcess = median(r.inProcessMs);
  const raw = r.rawBullmqMs ? median(r.rawBullmqMs) : NaN;
  const queued = r.queuedMs ? median(r.queuedMs) : NaN;
  const direct = median(r.directSmtpMs);
  const line = (name: string, runs: number[] | null, m: number, vsDirect: boolean, vsRaw: boolean) =>
    runs
      ? [
          name,
          ms(m),
          perSecond(r.rows, m),
          vsDirect ? ratio(m / direct) : '',
          vsRaw ? ratio(m / raw) : '',
          runs.map((x) => ms(x)).join(', '),
        ]
      : [name, 'not run (no REDIS_URL)', '', '', '', ''];
  return [
    `${int(r.rows)} e-mails, ${r.runs} runs (medians), concurrency ${r.concurrency} (NOTIFY_CONCURRENCY), one pooled SMTP transport to an in-process sink (smtp-server) that accepts everything. An outbox run times, from all rows pending to all rows \`sent\` and every mail received: claim a batch of rows in one statement (500 in process, 100 per BullMQ job), render each (id/en) and send it through NOTIFY_CONCURRENCY lanes, record the outcomes as they come, many rows to a statement. The baselines, in the same run: the same messages, rendered before the clock starts, sent straight through one pooled transport (MailSender's options) by as many lanes (direct SMTP, the target's reference), and raw BullMQ \`addBulk\` + processing of the same number of no-op jobs at the same concurrency. ${cpus().length} cores; load average ${r.load[0].toFixed(1)} at the start, ${r.load[1].toFixed(1)} at the end (the sink, PostgreSQL, Redis and the bench share the cores).`,
    '',
    table(
      ['path', 'median', 'throughput', 'vs direct SMTP', 'vs raw BullMQ', 'runs'],
      [
        line('outbox, in process (no REDIS_URL)', r.inProcessMs, inProcess, true, Number.isFinite(raw)),
        line('outbox, relay → BullMQ → worker', r.queuedMs, queued, true, true),
        line('direct SMTP: rendered messages through one pooled transport (baseline)', r.directSmtpMs, direct, false, false),
        line('raw BullMQ add + no-op process (baseline)', r.rawBullmqMs, raw, false, false),
      ],
    ),
  ].join('\n');
}

/** `npm run bench` plugin. */
export async function runNotificationsBench(ctx: BenchPluginContext): Promise<BenchPluginResult> {
  const result = await measureNotifications(ctx.adminUrl, {
    rows: ctx.quick ? 2000 : 10_000,
    runs: ctx.quick ? 1 : 3,
    redisUrl: process.env.REDIS_URL || null,
    log: ctx.log,
  });
  const inProcess = median(result.inProcessMs);
  const direct = median(result.directSmtpMs);
  const figures = [
    {
      benchmark: `notifications: ${int(result.rows)} outbox e-mails in process`,
      figure: ms(inProcess),
      baseline: `direct SMTP ${ms(direct)}`,
      ratio: inProcess / direct,
      target: '≤ 1.5× direct SMTP',
      met: inProcess / direct <= 1.5,
    },
  ];
  if (result.queuedMs) {
    const queued = median(result.queuedMs);
    figures.push({
      benchmark: `notifications: ${int(result.rows)} outbox e-mails through BullMQ`,
      figure: ms(queued),
      baseline: `direct SMTP ${ms(direct)}`,
      ratio: queued / direct,
      target: '≤ 1.5× direct SMTP',
      met: queued / direct <= 1.5,
    });
  }
  return { heading: HEADING, markdown: notificationsMarkdown(result), figures };
}

if (require.main === module) {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : def;
  };
  const log = (line: string) => process.stderr.write(line + '\n');
  (async () => {
    const server = await openBenchServer(process.env, log);
    try {
      const result = await measureNotifications(server.adminUrl, {
        rows: arg('rows', 10_000),
        runs: arg('runs', 3),
        concurrency: arg('concurrency', 8),
        redisUrl: process.env.REDIS_URL || null,
        log,
      });
      const markdown = notificationsMarkdown(result);
      process.stdout.write(`${HEADING}\n\n${markdown}\n`);
      const root = __dirname.split(path.sep).includes('dist') ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');
      mergeResults(path.join(root, 'bench', 'RESULTS.md'), PREAMBLE, [], [{ heading: HEADING, body: markdown }]);
    } finally {
      await server.stop();
    }
  })().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
