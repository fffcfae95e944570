// Smoke test of the bench harness on a tiny edition: the generator fills a fresh bench_* database (row counts
// checked), one HTTP definition and the two baselines run for a second each against the API in process, and
// RESULTS.md merging keeps the sections it does not own. No timing assertions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../apps/api/src/bootstrap';
import { resolveDevSecrets, validateEnv } from '../libs/config/src/env';
import { TINY, generateBenchDatabase, type Edition } from './generate';
import { HTTP_BENCHMARKS } from './http-benchmarks';
import { runHttpSuite } from './http.bench';
import { dropBenchDatabase } from './lib/database';
import { scoringDbBench } from './scoring-db.bench';
import { mergeResults, type Section } from './lib/results-file';
import { PLUGINS_AFTER_HTTP, type BenchFigure } from './lib/plugins';
import { BENCH_PARTS, benchPlan, collectPlugin, loadPlugin, selectedParts, selectedPlugins, settings, summarySection } from './run';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) console.warn('bench smoke test skipped: DATABASE_URL is not set (npm test sets it)');
const withDatabase = adminUrl ? describe : describe.skip;

withDatabase('bench harness on a tiny edition', () => {
  let name: string;
  let edition: Edition;
  let db: Client;

  beforeAll(async () => {
    ({ name, edition } = await generateBenchDatabase(adminUrl!, { scale: TINY, seed: 7 }));
    db = new Client({ connectionString: edition.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    if (name) await dropBenchDatabase(adminUrl!, name);
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0].n);

  it('generates the edition it reports', async () => {
    expect(await count('SELECT count(*) AS n FROM regions')).toBe(TINY.regions);
    expect(await count(`SELECT count(*) AS n FROM regions WHERE kind = 'provinsi'`)).toBe(edition.counts.provinces);
    expect(await count(`SELECT count(*) AS n FROM regions WHERE kind <> 'provinsi' AND parent_id IS NULL`)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM organizations')).toBe(TINY.organizations);
    expect(await count('SELECT count(*) AS n FROM users')).toBe(2 + TINY.jurors + TINY.organizations);
    expect(await count('SELECT count(*) AS n FROM innovations WHERE competition_id = $1', [edition.competitionId])).toBe(TINY.innovations);
    expect(await count('SELECT count(*) AS n FROM competition_stages WHERE competition_id = $1', [edition.competitionId])).toBe(5);
    expect(await count('SELECT count(*) AS n FROM innovation_status_history')).toBe(edition.counts.statusHistory);
    const byStatus = Object.fromEntries(
      (await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM innovations GROUP BY status')).rows.map((r) => [
        r.status,
        Number(r.n),
      ]),
    );
    expect(byStatus).toEqual(edition.counts.byStatus);
    expect(edition.phases.map((p) => p.name)).toEqual(expect.arrayContaining(['migrate', 'regions', 'innovations', 'sheets']));
  });

  it('plans 3 jurors per innovation and scored stage, and writes them when the jury tables exist', async () => {
    for (const [stage, { innovations, sheets }] of Object.entries(edition.counts.sheetsByStage)) {
      expect(sheets).toBe(innovations * 3);
      if (edition.counts.writtenSheetRows > 0) {
        expect(
          await count(`SELECT count(*) AS n FROM assignments a JOIN score_sheets s ON s.assignment_id = a.id WHERE a.stage_key = $1`, [
            stage,
          ]),
        ).toBe(sheets);
      }
    }
    if (edition.counts.writtenSheetRows === 0) expect(edition.sheetsMessage).toMatch(/^sheets: /);
  });

  it('ranks the edition from the database with the library and the SQL baseline alike', async () => {
    if (edition.counts.writtenSheetRows === 0) return; // no jury tables: nothing to rank
    const r = await scoringDbBench(edition.databaseUrl, edition.competitionId, 1);
    expect(r.sheets).toBeGreaterThan(0);
    expect(r.ranked).toBeGreaterThan(0);
    expect(r.agree).toBe(true);
  }, 30_000);

  it('runs an HTTP benchmark definition and the baselines against the API', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
    const env = resolveDevSecrets(
      validateEnv({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        BENCH_ROUTES: 'true',
        LOGIN_RATE_LIMIT: '1000',
        REDIS_URL: '',
        JWT_ACCESS_SECRET: 'bench-smoke-access-secret-0123456789abcdef',
        JWT_REFRESH_SECRET: 'bench-smoke-refresh-secret-0123456789abcdef',
      }),
    );
    let app: NestFastifyApplication | null = null;
    try {
      app = await createApiApp(env, edition.databaseUrl);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.getHttpServer().address() as AddressInfo;
      const list = HTTP_BENCHMARKS.find((d) => d.key === 'organizer-list-heavy')!;
      const suite = await runHttpSuite(`http://127.0.0.1:${port}`, edition, {
        connections: 4,
        durationSec: 1,
        runs: 1,
        warmupSec: 0,
        driftCheck: false,
        definitions: [list],
      });
      expect(suite.results.map((r) => [r.key, r.status])).toEqual([
        ['hello', 'ok'],
        ['select1', 'ok'],
        ['organizer-list-heavy', 'ok'],
      ]);
      for (const r of suite.results) {
        expect(r.runs).toHaveLength(1);
        expect(r.runs[0].requests).toBeGreaterThan(0);
        expect(r.non2xx).toBe(0);
      }
      expect(suite.results[2].ratios.hello).toBeGreaterThan(0);
      expect(suite.results[2].note).toMatch(/matching rows/);
    } finally {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('bench RESULTS.md merging', () => {
  it('rewrites its own sections and keeps the others', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-results-'));
    const file = path.join(dir, 'RESULTS.md');
    try {
      writeFileSync(
        file,
        '# Benchmarks\n\nintro\n\n## HTTP\n\nold figures\n\n## Scoring (in process, from a generated file)\n\nkept\n```\n## not a heading\n```\n\n## Findings\n\nby hand\n',
      );
      mergeResults(
        file,
        '# default',
        [
          { heading: '## Run', body: 'run' },
          { heading: '## HTTP', body: 'new figures' },
        ],
        [{ heading: '## Notifications', body: 'from a plugin' }],
      );
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('# Benchmarks\n\nintro');
      expect(text).toContain('## HTTP\n\nnew figures');
      expect(text).not.toContain('old figures');
      expect(text).toContain('## Scoring (in process, from a generated file)\n\nkept\n```\n## not a heading\n```');
      expect(text).toContain('## Findings\n\nby hand');
      expect(text).toContain('## Notifications\n\nfrom a plugin');
      expect(text.indexOf('## Run')).toBeLessThan(text.indexOf('## Findings'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bench parts and plugins (what `npm run bench` runs; `--dry-run` prints the same plan)', () => {
  const all = selectedParts([], {});

  it('selects every part, the national index included, without --only', () => {
    expect([...all]).toEqual([...BENCH_PARTS]);
    expect(all.has('index')).toBe(true);
  });

  it.each([
    [['--only', 'index'], {}],
    [['--only=index'], {}],
    [[], { BENCH_ONLY: 'index' }],
  ])('reads %j %j as the index part alone', (argv, env) => {
    expect([...settings(env as NodeJS.ProcessEnv, argv).parts]).toEqual(['index']);
  });

  it('refuses an unknown part, naming it', () => {
    expect(() => selectedParts(['--only', 'indx'], {})).toThrow(/unknown part indx/);
  });

  it('runs the national index plugin after the HTTP benchmarks in a full run, and only then with --only index,http', () => {
    expect(selectedPlugins(all).after.map((p) => p.module)).toContain('index.bench');
    expect(selectedPlugins(new Set(['http'])).after.map((p) => p.module)).not.toContain('index.bench');
    expect(selectedPlugins(selectedParts(['--only', 'index,http'], {})).after.map((p) => p.module)).toEqual(['index.bench']);
    const plan = benchPlan(all);
    expect(plan.findIndex((l) => l.startsWith('National index'))).toBeGreaterThan(plan.indexOf('HTTP benchmarks'));
    expect(plan.at(-1)).toMatch(/written to the results file/);
    expect(benchPlan(new Set(['index']))).toEqual([expect.stringMatching(/^National index .*section "## National index" only/)]);
  });

  it('finds the run function of every plugin module', async () => {
    for (const spec of PLUGINS_AFTER_HTTP) expect(typeof (await loadPlugin(spec))).toBe('function');
  });

  it("puts the index plugin's figures in the summary table and its section among the sections written", () => {
    const spec = PLUGINS_AFTER_HTTP.find((p) => p.module === 'index.bench')!;
    const figure: BenchFigure = {
      benchmark: 'national index: compute + publish end to end',
      figure: '5000 ms',
      baseline: 'one SQL statement 4000 ms',
      ratio: 1.25,
      target: '≤ 1.5× the SQL statement',
      met: true,
    };
    const figures: BenchFigure[] = [];
    const sections: Section[] = [];
    expect(
      collectPlugin(
        { spec, status: 'ok', ms: 1, result: { figures: [figure], heading: '## National index', markdown: 'body' } },
        figures,
        sections,
      ),
    ).toBe(false);
    expect(summarySection(figures).body).toContain(
      '| national index: compute + publish end to end | 5000 ms | one SQL statement 4000 ms | 1.25× |',
    );
    expect(sections).toEqual([{ heading: '## National index', body: 'body' }]);
    expect(collectPlugin({ spec, status: 'failed', ms: 1, error: 'boom\nstack' }, figures, sections)).toBe(true);
    expect(figures.at(-1)).toEqual({ benchmark: 'National index', figure: 'failed: boom' });
  });
});
