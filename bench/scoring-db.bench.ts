// Scoring the generated edition from the database (issue #9, benchmark 1): the scoring library end to end —
// load the submitted sheets with COPY … TO STDOUT (never through ORM entities), build the DESIGN §4 input
// the way results.service does (scoringInputFor) and rank() it — against one hand-written SQL statement that
// computes every sheet score, the mean per stage, the weighted final and the rank per category with GROUP BY
// and a window function over the same sheets (the baseline). Also timed: loading the same rows with a plain
// pg query (what JudgingRepository.submittedSheets does today). Medians of several runs after a warm-up.
// Run by `npm run bench` through bench/lib/plugins.ts; alone: node dist/bench/scoring-db.bench.js DATABASE_URL COMPETITION_ID
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { rank, type ScoringInput, type SheetInput } from '@app/scoring';
import { scoringInputFor, type PlanForScoring } from '../libs/judging/src/domain';
import type { BenchPluginContext, BenchPluginResult } from './lib/plugins';
import { median, ms, ratio, table } from './lib/stats';

export interface ScoringDbBenchResult {
  sheets: number;
  submissions: number;
  ranked: number;
  runs: number;
  /** COPY out + parse, scoringInputFor, rank(): medians. */
  loadMs: number;
  computeMs: number;
  libraryMs: number;
  /** The same rows through a plain pg query (jsonb parsed by pg), once. */
  queryLoadMs: number;
  /** The one SQL statement, median. */
  sqlMs: number;
  ratio: number;
  /** Whether the SQL ranks the same innovations with the same finals (to 3 decimals) as the library. */
  agree: boolean;
  disagreements: number;
}

const SHEETS_SQL = `SELECT a.stage_key, a.juror_id, a.innovation_id, s.scores
  FROM assignments a JOIN score_sheets s ON s.assignment_id = a.id
 WHERE a.competition_id = '%ID%' AND a.removed_at IS NULL AND s.status = 'submitted'
 ORDER BY a.id`;

/** The baseline: every sheet score, stage means, weighted finals and per-category ranks in one statement. */
export const BASELINE_SQL = `
WITH crit AS (
  SELECT st->>'key' AS stage, (st->>'weight')::float8 AS stage_weight, c->>'key' AS key,
         (c->>'weight')::float8 AS w, (c->>'min')::float8 AS lo, (c->>'max')::float8 AS hi
    FROM competitions, jsonb_array_elements(plan->'stages') st, jsonb_array_elements(st->'rubric') c
   WHERE id = $1
), sheet AS (
  SELECT a.innovation_id, a.stage_key,
         100 * sum(k.w * ((s.scores->>k.key)::float8 - k.lo) / (k.hi - k.lo)) / sum(k.w) AS r
    FROM assignments a
    JOIN score_sheets s ON s.assignment_id = a.id
    JOIN crit k ON k.stage = a.stage_key
   WHERE a.competition_id = $1 AND a.removed_at IS NULL AND s.status = 'submitted'
   GROUP BY s.id, a.innovation_id, a.stage_key
), stage AS (
  SELECT innovation_id, stage_key, round(avg(r)::numeric, 4) AS score FROM sheet GROUP BY innovation_id, stage_key
), weighted AS (
  SELECT DISTINCT stage, stage_weight FROM crit WHERE stage_weight > 0
), final AS (
  SELECT st.innovation_id, round((sum(w.stage_weight * st.score::float8) / sum(w.stage_weight))::numeric, 4) AS f, count(*) AS n
    FROM stage st JOIN weighted w ON w.stage = st.stage_key
   GROUP BY st.innovation_id
)
SELECT i.category, f.innovation_id, f.f::float8 AS final, rank() OVER (PARTITION BY i.category ORDER BY f.f DESC) AS rank
  FROM final f JOIN innovations i ON i.id = f.innovation_id
 WHERE f.n = (SELECT count(*) FROM weighted) AND i.status IN ('submitted', 'eliminated')
 ORDER BY i.category, rank, f.innovation_id`;

function unescapeCopy(field: string): string {
  return field.includes('\\')
    ? field.replace(/\\(.)/g, (_m, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c))
    : field;
}

/** Streams the submitted sheets out with COPY (text format) and parses them. */
async function copySheets(client: Client, competitionId: string): Promise<SheetInput[]> {
  const sql = `COPY (${SHEETS_SQL.replace('%ID%', competitionId.replace(/[^0-9a-f-]/gi, ''))}) TO STDOUT`;
  const stream = client.query(copyTo(sql));
  const sheets: SheetInput[] = [];
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const [stage, juror, submission, scores] = line.split('\t');
      sheets.push({ stage, juror, submission, scores: JSON.parse(unescapeCopy(scores)) });
    }
  }
  return sheets;
}

async function querySheets(client: Client, competitionId: string): Promise<SheetInput[]> {
  const { rows } = await client.query<{ stage_key: string; juror_id: string; innovation_id: string; scores: Record<string, number> }>(
    SHEETS_SQL.replace('%ID%', competitionId.replace(/[^0-9a-f-]/gi, '')),
  );
  return rows.map((r) => ({ stage: r.stage_key, juror: r.juror_id, submission: r.innovation_id, scores: r.scores }));
}

async function inputFor(client: Client, competitionId: string, sheets: SheetInput[]): Promise<ScoringInput> {
  const plan = (await client.query<{ plan: PlanForScoring }>(`SELECT plan FROM competitions WHERE id = $1`, [competitionId])).rows[0].plan;
  const subs = await client.query<{ id: string; category: string; submittedAt: Date }>(
    `SELECT id, category, submitted_at AS "submittedAt" FROM innovations WHERE competition_id = $1 AND status IN ('submitted', 'eliminated') AND submitted_at IS NOT NULL ORDER BY id`,
    [competitionId],
  );
  const ids = new Set(subs.rows.map((s) => s.id));
  return scoringInputFor(
    plan,
    subs.rows,
    sheets.filter((s) => ids.has(s.submission)),
  );
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
};

export async function scoringDbBench(
  databaseUrl: string,
  competitionId: string,
  runs = 5,
  log: (line: string) => void = () => undefined,
): Promise<ScoringDbBenchResult> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const library = async () => {
      const [sheets, loadMs] = await time(() => copySheets(client, competitionId));
      const [out, computeMs] = await time(async () => rank(await inputFor(client, competitionId, sheets)));
      return { sheets, out, loadMs, computeMs };
    };
    const sql = () =>
      time(() => client.query<{ category: string; innovation_id: string; final: number; rank: string }>(BASELINE_SQL, [competitionId]));
    // Warm-up (and the results compared below).
    const first = await library();
    const [baseline] = await sql();
    // The plain-query load once (for comparison with COPY, not part of either side).
    const [, queryMs] = await time(() => querySheets(client, competitionId));
    const lib: { loadMs: number; computeMs: number }[] = [];
    const sqlMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const run = await library();
      lib.push({ loadMs: run.loadMs, computeMs: run.computeMs });
      sqlMs.push((await sql())[1]);
      log(
        `scoring (db): run ${r + 1}: library ${ms(run.loadMs + run.computeMs)} (COPY ${ms(run.loadMs)} + rank ${ms(run.computeMs)}), SQL ${ms(sqlMs[r])}`,
      );
    }
    const finals = new Map<string, number>();
    for (const rows of Object.values(first.out.categories)) for (const row of rows) finals.set(row.submission, row.final);
    let disagreements = 0;
    for (const row of baseline.rows)
      if (!finals.has(row.innovation_id) || Math.abs(finals.get(row.innovation_id)! - row.final) > 1e-3) disagreements++;
    disagreements += Math.abs(finals.size - baseline.rows.length);
    const libraryMs = median(lib.map((x) => x.loadMs + x.computeMs));
    const sqlMedian = median(sqlMs);
    return {
      sheets: first.sheets.length,
      submissions: Object.values(first.out.categories).reduce((n, rows) => n + rows.length, 0) + first.out.unranked.length,
      ranked: finals.size,
      runs,
      loadMs: median(lib.map((x) => x.loadMs)),
      computeMs: median(lib.map((x) => x.computeMs)),
      libraryMs,
      queryLoadMs: queryMs,
      sqlMs: sqlMedian,
      ratio: libraryMs / sqlMedian,
      agree: disagreements === 0,
      disagreements,
    };
  } finally {
    await client.end();
  }
}

/** The `npm run bench` plugin (bench/lib/plugins.ts). */
export async function runScoringDbBench(ctx: BenchPluginContext): Promise<BenchPluginResult> {
  const runs = ctx.quick ? 1 : 3;
  const r = await scoringDbBench(ctx.databaseUrl, ctx.edition.competitionId, runs, ctx.log);
  ctx.log(
    `scoring (db): library ${ms(r.libraryMs)} vs SQL ${ms(r.sqlMs)}: ${ratio(r.ratio)} (target ≤ 1.5×); results ${r.agree ? 'agree' : `differ for ${r.disagreements}`}`,
  );
  const met = r.ratio <= 1.5;
  return {
    figures: [
      {
        benchmark: `scoring from the database: rank ${r.submissions.toLocaleString('en-US')} innovations, ${r.sheets.toLocaleString('en-US')} sheets`,
        figure: `${ms(r.libraryMs)} (COPY ${ms(r.loadMs)} + rank ${ms(r.computeMs)})`,
        baseline: `one SQL GROUP BY ${ms(r.sqlMs)}`,
        ratio: r.ratio,
        target: '≤ 1.5× the SQL',
        met,
      },
    ],
    heading: '## Scoring (from the database)',
    markdown: [
      `The generated edition's ${r.sheets.toLocaleString('en-US')} submitted sheets, ${r.submissions.toLocaleString('en-US')} innovations (${r.ranked.toLocaleString('en-US')} ranked, the rest reached fewer weighted stages). Medians of ${r.runs} runs after a warm-up. Library: \`COPY (SELECT … FROM assignments JOIN score_sheets …) TO STDOUT\`, parsed, \`scoringInputFor\` + \`rank()\` (validation, rounding, ranking, tie-break, bands, inputs digest). Baseline: one SQL statement (bench/scoring-db.bench.ts \`BASELINE_SQL\`): sheet scores from the rubric in \`competitions.plan\`, mean per stage, weighted final, \`rank() OVER (PARTITION BY category …)\`.`,
      '',
      table(
        ['', 'median'],
        [
          ['library end to end', ms(r.libraryMs)],
          ['— COPY out + parse', ms(r.loadMs)],
          ['— input + rank()', ms(r.computeMs)],
          ['for comparison: the same rows through a plain pg query (as JudgingRepository.submittedSheets), once', ms(r.queryLoadMs)],
          ['SQL baseline', ms(r.sqlMs)],
          ['ratio library / SQL', `${ratio(r.ratio)} (target ≤ 1.5×: ${met ? 'met' : '**not met**'})`],
          ['library and SQL agree on the ranked innovations and finals', r.agree ? 'yes' : `no (${r.disagreements} differ)`],
        ],
      ),
    ].join('\n'),
  };
}

if (require.main === module) {
  const [url, competitionId] = process.argv.slice(2);
  if (!url || !competitionId) {
    process.stderr.write('usage: node dist/bench/scoring-db.bench.js DATABASE_URL COMPETITION_ID\n');
    process.exitCode = 2;
  } else {
    scoringDbBench(url, competitionId, 3, (l) => process.stdout.write(l + '\n')).then(
      (r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'),
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
