// Smoke test of the national index bench on a small edition: the generator fills a fresh bench_* database
// with the 552 real regions, the API publishes the index, and the SQL baseline agrees with the snapshot on
// every region. No timing assertions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApiApp } from '../apps/api/src/bootstrap';
import { resolveDevSecrets, validateEnv } from '../libs/config/src/env';
import { INDEX_BASELINE_SQL, INDEX_STORE_SQL } from './index.bench';
import { generateIndexEdition } from './index-generate';
import { createBenchDatabase, dropBenchDatabase, migrate } from './lib/database';

const adminUrl = process.env.DATABASE_URL;
const withDatabase = adminUrl ? describe : describe.skip;

withDatabase('national index bench on a small edition', () => {
  it('generates 552 regions and their answers; the published snapshot and the one SQL statement agree', async () => {
    const { name, url } = await createBenchDatabase(adminUrl!);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-index-smoke-'));
    const db = new Client({ connectionString: url });
    try {
      await migrate(url);
      const edition = await generateIndexEdition(url, { innovations: 400, seed: 11 });
      expect(edition.counts).toEqual({ regions: 552, innovations: 400, answers: 552 * 15 + 400 * 20 });
      const env = resolveDevSecrets(
        validateEnv({
          NODE_ENV: 'test',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          REDIS_URL: '',
          LOGIN_RATE_LIMIT: '1000',
          JWT_ACCESS_SECRET: 'bench-smoke-access-secret-0123456789abcdef',
          JWT_REFRESH_SECRET: 'bench-smoke-refresh-secret-0123456789abcdef',
        }),
      );
      const app = await createApiApp(env, url);
      try {
        await app.getHttpAdapter().getInstance().ready();
        const inject = (opts: object) => app.getHttpAdapter().getInstance().inject(opts);
        const login = await inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: edition.organizerEmail, password: edition.password },
        });
        const published = await inject({
          method: 'POST',
          url: `/api/index-editions/${edition.editionId}/publish`,
          headers: { authorization: `Bearer ${login.json().accessToken}` },
          payload: {},
        });
        expect(published.statusCode).toBe(201);
        const rankings = await inject({ method: 'GET', url: `/api/public/index-editions/${edition.slug}/rankings` });
        expect(Object.keys(rankings.json().groups)).toEqual(expect.arrayContaining(['daerah_tertinggal', 'perbatasan']));
        await db.connect();
        const sql = (await db.query(INDEX_BASELINE_SQL, [edition.editionId])).rows as { region: string; self: number; verified: number }[];
        const rows = Object.values(
          rankings.json().categories as Record<string, { region: string; self: { iid: number }; verified: { iid: number } }[]>,
        ).flat();
        expect(rows).toHaveLength(552);
        const byRegion = new Map(rows.map((r) => [r.region, { region: r.region, self: r.self.iid, verified: r.verified.iid }]));
        expect(sql.map((r) => byRegion.get(r.region))).toEqual(sql);
        expect(sql.some((r) => r.verified < r.self)).toBe(true);
        // The storage the bench shows for scale: every answer, as JSON, in one row.
        await db.query(`CREATE TEMP TABLE bench_index_input (input json)`);
        await db.query(INDEX_STORE_SQL, [edition.editionId]);
        const [{ n }] = (await db.query(`SELECT json_array_length(input) AS n FROM bench_index_input`)).rows;
        expect(n).toBe(edition.counts.answers);
      } finally {
        await app.close();
      }
    } finally {
      await db.end().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      await dropBenchDatabase(adminUrl!, name);
    }
  }, 300_000);
});
