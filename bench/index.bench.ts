// The national regional innovation index (issue 16, item 9): 552 regions, 36,742 innovations × 20 indicators
// (≈ 743k answers) in a database of its own. Two benchmarks, each against a baseline measured in the same run:
// - publication end to end (POST /api/index-editions/:id/publish through the running API: read every answer,
//   compute DESIGN §4b, hash and store the snapshot) against ONE SQL statement computing the same IIDs over
//   the same rows; both must agree on every region's self and verified IID. Target ≤ 1.5×.
// - the public region ranking JSON (GET /api/public/index-editions/:slug/rankings, compressed as browsers ask: brotli)
//   against hello-world req/s on the same API process. Target ≥ 50 %.
// Run alone with `npm run bench -- --only index`.
import { Client } from 'pg';
import { createBenchDatabase, dropBenchDatabase, markKept, migrate } from './lib/database';
import type { BenchFigure, BenchPluginContext, BenchPluginResult } from './lib/plugins';
import { int, median, ms, ratio as fmtRatio, table } from './lib/stats';
import { cannon, startApi } from './http.bench';
import { generateIndexEdition, NATIONAL_INDEX } from './index-generate';

/**
 * The baseline: every region's IID under both bases in one statement, from the framework's options (scores
 * read from the edition's framework JSON) and the answers, as DESIGN §4b defines them.
 */
export const INDEX_BASELINE_SQL = `
WITH ind AS (
  SELECT i->>'key' AS key, i->>'scope' AS scope, i
    FROM index_editions e, jsonb_array_elements(e.framework->'aspects') a, jsonb_array_elements(a->'variables') v, jsonb_array_elements(v->'indicators') i
   WHERE e.id = $1),
opt AS (SELECT ind.key, o->>'key' AS opt, (o->>'score')::float8 AS score FROM ind, jsonb_array_elements(ind.i->'options') o WHERE ind.scope <> 'count'),
step AS (SELECT (s->>'min')::int AS min, (s->>'score')::float8 AS score FROM ind, jsonb_array_elements(ind.i->'steps') s WHERE ind.scope = 'count'),
mx AS (SELECT sum(m) AS max FROM (SELECT max(score) AS m FROM opt GROUP BY key UNION ALL SELECT max(score) FROM step) t),
n AS (
  SELECT p.region_id, count(ii.id) AS n_self, count(ii.id) FILTER (WHERE ii.eligible IS DISTINCT FROM false) AS n_verified
    FROM index_participants p LEFT JOIN index_innovations ii ON ii.edition_id = p.edition_id AND ii.region_id = p.region_id
   WHERE p.edition_id = $1 AND p.submitted_at IS NOT NULL GROUP BY p.region_id),
s AS (
  SELECT a.region_id,
         coalesce(sum(os.score) FILTER (WHERE a.index_innovation_id IS NULL), 0) AS spd_self,
         coalesce(sum(ov.score) FILTER (WHERE a.index_innovation_id IS NULL), 0) AS spd_verified,
         coalesce(sum(os.score) FILTER (WHERE a.index_innovation_id IS NOT NULL), 0) AS inn_self,
         coalesce(sum(ov.score) FILTER (WHERE a.index_innovation_id IS NOT NULL AND ii.eligible IS DISTINCT FROM false), 0) AS inn_verified
    FROM index_answers a
    JOIN opt os ON os.key = a.indicator AND os.opt = a.self_option
    LEFT JOIN opt ov ON ov.key = a.indicator AND ov.opt = a.verified_option
    LEFT JOIN index_innovations ii ON ii.id = a.index_innovation_id
   WHERE a.edition_id = $1 GROUP BY a.region_id)
SELECT n.region_id AS region,
       round((100 * (coalesce(s.spd_self, 0) + coalesce(s.inn_self, 0) / greatest(10, n.n_self) + coalesce((SELECT score FROM step WHERE min <= n.n_self ORDER BY min DESC LIMIT 1), 0)) / mx.max)::numeric, 2)::float8 AS self,
       round((100 * (coalesce(s.spd_verified, 0) + coalesce(s.inn_verified, 0) / greatest(10, n.n_verified) + coalesce((SELECT score FROM step WHERE min <= n.n_verified ORDER BY min DESC LIMIT 1), 0)) / mx.max)::numeric, 2)::float8 AS verified
  FROM n LEFT JOIN s ON s.region_id = n.region_id CROSS JOIN mx`;

/**
 * Not the target's baseline, a scale for it: what the publication does beyond the IIDs — every answer read
 * out, written as JSON and stored (the snapshot embeds its whole input) — done by PostgreSQL alone in one
 * statement: the answers' JSON array built and inserted into a `json` column of a temporary table.
 */
export const INDEX_STORE_SQL = `
INSERT INTO pg_temp.bench_index_input (input)
SELECT json_agg(json_build_object('indicator', indicator, 'owner', owner, 'self', self_option, 'verified', verified_option))::text::json
  FROM index_answers WHERE edition_id = $1`;

export interface IndexBenchOptions {
  adminUrl: string;
  quick: boolean;
  log: (line: string) => void;
  runs?: number;
  durationSec?: number;
  connections?: number;
  /** Keep the generated database (marked kept, its URL logged) instead of dropping it. */
  keep?: boolean;
}

export interface IndexBenchResult {
  figures: BenchFigure[];
  heading: string;
  markdown: string;
}

type Rows = { region: string; self: number; verified: number }[];

/** Generates the national index into a fresh database, runs both benchmarks, drops the database. */
export async function indexBench(o: IndexBenchOptions): Promise<IndexBenchResult> {
  const runs = o.runs ?? 3;
  const durationSec = o.durationSec ?? (o.quick ? 2 : 10);
  const connections = o.connections ?? 64;
  const { name, url } = await createBenchDatabase(o.adminUrl);
  try {
    await migrate(url);
    const edition = await generateIndexEdition(url, { innovations: o.quick ? 5_000 : NATIONAL_INDEX.innovations, log: o.log });
    const api = await startApi(url, o.log);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const login = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: edition.organizerEmail, password: edition.password }),
      });
      if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
      const token = ((await login.json()) as { accessToken: string }).accessToken;

      // Baseline and publication alternate, so that both see the same machine state.
      const sqlMs: number[] = [];
      const publishMs: number[] = [];
      const storeMs: number[] = [];
      await db.query(`CREATE TEMP TABLE bench_index_input (input json)`);
      let sqlRows: Rows = [];
      for (let run = 0; run < runs; run++) {
        let t = performance.now();
        sqlRows = (await db.query(INDEX_BASELINE_SQL, [edition.editionId])).rows as Rows;
        sqlMs.push(performance.now() - t);
        t = performance.now();
        const res = await fetch(`${api.baseUrl}/api/index-editions/${edition.editionId}/publish`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(run === 0 ? {} : { reason: `bench run ${run + 1}` }),
        });
        publishMs.push(performance.now() - t);
        if (res.status !== 201) throw new Error(`publish: ${res.status} ${(await res.text()).slice(0, 300)}`);
        t = performance.now();
        await db.query(INDEX_STORE_SQL, [edition.editionId]);
        storeMs.push(performance.now() - t);
        await db.query(`TRUNCATE bench_index_input`);
        o.log(
          `index: run ${run + 1}: one SQL statement ${ms(sqlMs[run])}, publish end to end ${ms(publishMs[run])}, answers as JSON stored by SQL ${ms(storeMs[run])}`,
        );
      }
      // Both agree: every region's self and verified IID of the last snapshot equals the statement's.
      const [snapshot] = (
        await db.query(`SELECT output FROM index_snapshots WHERE edition_id = $1 ORDER BY version DESC LIMIT 1`, [edition.editionId])
      ).rows as { output: { categories: Record<string, { region: string; self: { iid: number }; verified: { iid: number } }[]> } }[];
      const published = new Map(
        Object.values(snapshot.output.categories)
          .flat()
          .map((r) => [r.region, r]),
      );
      const disagree = sqlRows.filter(
        (r) => published.get(r.region)?.self.iid !== r.self || published.get(r.region)?.verified.iid !== r.verified,
      );
      if (disagree.length || published.size !== sqlRows.length)
        throw new Error(
          `the SQL baseline and the published snapshot disagree on ${disagree.length} of ${sqlRows.length} regions (snapshot ${published.size}), e.g. ${JSON.stringify(disagree.slice(0, 3))} vs ${JSON.stringify(disagree.slice(0, 3).map((d) => published.get(d.region)))}`,
        );
      const [{ bytes }] = (
        await db.query(
          `SELECT pg_column_size(input_gzip) + pg_column_size(output) + pg_column_size(labels) AS bytes FROM index_snapshots WHERE edition_id = $1 ORDER BY version DESC LIMIT 1`,
          [edition.editionId],
        )
      ).rows;
      o.log(`index: baseline and snapshot agree on all ${sqlRows.length} regions; snapshot ${(bytes / 1e6).toFixed(1)} MB stored`);

      // HTTP: hello-world and the public ranking JSON, alternating.
      const rankingsPath = `/api/public/index-editions/${edition.slug}/rankings`;
      // fetch decodes the body: this is the JSON's own size; content-length is what was sent.
      const sent: Record<string, number> = {};
      let probeBytes = 0;
      for (const encoding of ['gzip', 'br']) {
        const probe = await fetch(api.baseUrl + rankingsPath, { headers: { 'accept-encoding': encoding } });
        probeBytes = (await probe.arrayBuffer()).byteLength;
        if (probe.status !== 200) throw new Error(`${rankingsPath}: ${probe.status}`);
        sent[probe.headers.get('content-encoding') ?? 'identity'] = Number(probe.headers.get('content-length'));
      }
      const sentText = Object.entries(sent)
        .map(([encoding, bytes]) => `${(bytes / 1024).toFixed(0)} KiB ${encoding}`)
        .join(', ');
      await cannon(api.baseUrl, { path: '/api/bench/hello' }, connections, Math.min(3, durationSec), api.pid);
      const hello: number[] = [];
      const rankings: number[] = [];
      const p99: number[] = [];
      for (let run = 0; run < runs; run++) {
        hello.push((await cannon(api.baseUrl, { path: '/api/bench/hello' }, connections, durationSec, api.pid)).rps);
        const r = await cannon(
          api.baseUrl,
          { path: rankingsPath, headers: { 'accept-encoding': 'gzip, deflate, br' } },
          connections,
          durationSec,
          api.pid,
        );
        if (r.non2xx || r.errors) throw new Error(`${rankingsPath}: ${r.non2xx} non-2xx, ${r.errors} errors (${r.sample ?? ''})`);
        rankings.push(r.rps);
        p99.push(r.p99);
        o.log(`index: http run ${run + 1}: hello ${int(hello[run])} req/s, rankings ${int(rankings[run])} req/s`);
      }

      const sql = median(sqlMs);
      const publish = median(publishMs);
      const helloRps = median(hello);
      const rankingsRps = median(rankings);
      const figures: BenchFigure[] = [
        {
          benchmark: `national index: compute + publish end to end (${int(edition.counts.regions)} regions, ${int(edition.counts.innovations)} innovations, ${int(edition.counts.answers)} answers)`,
          figure: `${ms(publish)} (median of ${runs})`,
          baseline: `one SQL statement ${ms(sql)}`,
          ratio: publish / sql,
          target: '≤ 1.5× the SQL statement',
          met: publish / sql <= 1.5,
        },
        {
          benchmark: 'national index: public region ranking JSON (accept-encoding gzip, deflate, br)',
          figure: `${int(rankingsRps)} req/s, p99 ${median(p99)} ms`,
          baseline: `hello ${int(helloRps)} req/s`,
          ratio: rankingsRps / helloRps,
          target: '≥ 50 % of hello req/s',
          met: rankingsRps / helloRps >= 0.5,
        },
      ];
      const markdown = [
        `A database of its own: ${int(edition.counts.regions)} regions (idn-area-data's official list), ${int(edition.counts.innovations)} innovations, ${int(edition.counts.answers)} answers (15 region indicators per region, 20 per innovation), generated in ${ms(edition.totalMs)} (${edition.phases.map((p) => `${p.name} ${ms(p.ms)}`).join(', ')}). The published snapshot (input, output, labels) takes ${(bytes / 1e6).toFixed(1)} MB in PostgreSQL.`,
        '',
        `Publication = \`POST /api/index-editions/:id/publish\` on the running API (NODE_ENV=production), timed by the client: read the answers, compute DESIGN §4b, canonical JSON + sha256, insert the snapshot, notify. Baseline = one SQL statement computing every region's self and verified IID from the same rows (bench/index.bench.ts, INDEX_BASELINE_SQL); the two agree on all ${sqlRows.length} regions (checked in this run). ${runs} alternating runs, medians.`,
        '',
        table(
          ['run', 'one SQL statement', 'publish end to end', 'ratio', 'for scale: the answers as JSON, stored, by SQL alone'],
          sqlMs.map((s, i) => [String(i + 1), ms(s), ms(publishMs[i]), fmtRatio(publishMs[i] / s), ms(storeMs[i])]),
        ),
        '',
        `The target's baseline computes the IIDs only. The publication also reads every answer out of PostgreSQL, writes the input (every answer) as canonical JSON, hashes it twice (inputsDigest and the snapshot hash) and stores it, since the snapshot must embed its whole input for \`cli verify\`; the last column is that storage done by PostgreSQL alone (INDEX_STORE_SQL: the answers' JSON built and inserted into a json column), for scale: one SQL statement + it = ${ms(median(sqlMs) + median(storeMs))} (medians); the publication takes ${fmtRatio(median(publishMs) / (median(sqlMs) + median(storeMs)))} that.`,
        '',
        `Public ranking JSON: \`GET ${rankingsPath}\` (${(probeBytes / 1024).toFixed(0)} KiB of JSON; ${sentText}; autocannon asks for \`gzip, deflate, br\` as browsers do), autocannon ${connections} connections, ${runs} × ${durationSec} s alternating with hello-world on the same API process: ${hello.map((h, i) => `hello ${int(h)} / rankings ${int(rankings[i])}`).join('; ')} req/s.`,
      ].join('\n');
      return { figures, heading: '## National index', markdown };
    } finally {
      await db.end();
      await api.stop();
    }
  } finally {
    if (o.keep) {
      await markKept(o.adminUrl, name);
      o.log(`index: kept ${url} (drop it by hand)`);
    } else await dropBenchDatabase(o.adminUrl, name).catch(() => undefined);
  }
}

/** The `npm run bench` plugin. */
export async function runIndexBench(ctx: BenchPluginContext): Promise<BenchPluginResult> {
  return indexBench({
    adminUrl: ctx.adminUrl,
    quick: ctx.quick,
    log: ctx.log,
    runs: ctx.runs,
    durationSec: ctx.durationSec,
    connections: ctx.connections,
    keep: ctx.keep,
  });
}
