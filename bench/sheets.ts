// Jury data of the generated edition: 3 jurors per innovation per scored stage, full sheets for desk review
// (every screened-in innovation), presentation (top N per category) and field verification (top M).
// The plan is computed in memory from the seed (it also decides which innovations advanced, so the
// innovations' statuses match it); writing it needs the jury tables, which `writeSheets` looks for first.
import type { Client } from 'pg';
import type { Rng } from './lib/random';
import { loadRows, tableExists, type ColumnType, type LoadMethod, type TableSpec } from './lib/rows';

/** The table whose presence means "the jury tables have landed". */
export const SHEET_TABLE = 'score_sheets';

export interface PlanCriterion {
  key: string;
  weight: number;
  min: number;
  max: number;
}

export interface ScoredStage {
  key: string;
  rubric: readonly PlanCriterion[];
  jurorsPerInnovation: number;
  /** Top n per category advance to the next scored stage; null: the last stage. */
  advanceTop: number | null;
}

export interface SheetInnovation {
  id: string;
  category: string;
  provinceId: string | null;
  /** Latent quality 0..100 the jurors' values scatter around. */
  quality: number;
}

export interface SheetJuror {
  id: string;
  /** The juror's own province (affiliation): never assigned an innovation of it. */
  provinceId: string | null;
  /** Leniency (+) or severity (−) in points. */
  bias: number;
}

export interface PlannedSheet {
  stage: string;
  innovation: number;
  juror: number;
  values: Record<string, number>;
  /** DESIGN §4 sheet score r (0..100), unrounded. */
  score: number;
}

export interface PlannedResult {
  stage: string;
  innovation: number;
  /** Mean sheet score rounded to 4 places (null while the stage is open). */
  score: number | null;
  /** Rank within the category (competition ranking), null while the stage is open. */
  rank: number | null;
  status: 'passed' | 'eliminated' | 'pending';
}

export interface SheetPlan {
  stages: readonly ScoredStage[];
  sheets: PlannedSheet[];
  /** One per innovation and scored stage it entered. */
  results: PlannedResult[];
  /** Per innovation (index into the input): index into `stages` of the last stage it was scored at, or -1. */
  reached: Int8Array;
  /** Per innovation: whether it is still in the running after the stage it reached. */
  advanced: Uint8Array;
  byStage: Record<string, { innovations: number; sheets: number }>;
}

export function sheetScore(rubric: readonly PlanCriterion[], values: Record<string, number>): number {
  let num = 0;
  let den = 0;
  for (const c of rubric) {
    num += (c.weight * (values[c.key] - c.min)) / (c.max - c.min);
    den += c.weight;
  }
  return (100 * num) / den;
}

/**
 * Assigns `jurorsPerInnovation` distinct, conflict-free jurors per innovation per stage (round-robin over a
 * shuffled pool, so loads stay even), scores every criterion around the innovation's quality plus the
 * juror's bias, and advances the top n per category by mean sheet score (ties: innovation id).
 */
export function planSheets(
  rng: Rng,
  innovations: readonly SheetInnovation[],
  participants: readonly number[],
  jurors: readonly SheetJuror[],
  stages: readonly ScoredStage[],
): SheetPlan {
  const sheets: PlannedSheet[] = [];
  const reached = new Int8Array(innovations.length).fill(-1);
  const advanced = new Uint8Array(innovations.length);
  const byStage: SheetPlan['byStage'] = {};
  const results: PlannedResult[] = [];
  const order = rng.shuffle(jurors.map((_, i) => i));
  let cursor = 0;
  let current = [...participants];
  for (const [s, stage] of stages.entries()) {
    const sheetsBefore = sheets.length;
    const means = new Map<number, number>();
    for (const inv of current) {
      reached[inv] = s;
      const chosen: number[] = [];
      const k = Math.min(stage.jurorsPerInnovation, jurors.length);
      for (let tries = 0; chosen.length < k && tries < jurors.length * 2; tries++) {
        const j = order[cursor++ % order.length];
        if (chosen.includes(j)) continue;
        if (jurors[j].provinceId && jurors[j].provinceId === innovations[inv].provinceId) continue;
        chosen.push(j);
      }
      // Only in tiny editions (one province) can conflicts leave too few jurors: then they are ignored.
      for (let tries = 0; chosen.length < k && tries < jurors.length; tries++) {
        const j = order[cursor++ % order.length];
        if (!chosen.includes(j)) chosen.push(j);
      }
      let sum = 0;
      for (const j of chosen) {
        const values: Record<string, number> = {};
        for (const c of stage.rubric) {
          const span = c.max - c.min;
          const x = c.min + (span * (innovations[inv].quality + jurors[j].bias + rng.normal() * 8)) / 100;
          values[c.key] = Math.max(c.min, Math.min(c.max, Math.round(x)));
        }
        const score = sheetScore(stage.rubric, values);
        sum += score;
        sheets.push({ stage: stage.key, innovation: inv, juror: j, values, score });
      }
      means.set(inv, chosen.length ? sum / chosen.length : 0);
    }
    byStage[stage.key] = { innovations: current.length, sheets: sheets.length - sheetsBefore };
    if (stage.advanceTop === null) {
      // The last stage is still open: its entrants are pending, in the running.
      for (const inv of current) {
        advanced[inv] = 1;
        results.push({ stage: stage.key, innovation: inv, score: null, rank: null, status: 'pending' });
      }
      break;
    }
    const perCategory = new Map<string, number[]>();
    for (const inv of current) {
      const list = perCategory.get(innovations[inv].category) ?? [];
      list.push(inv);
      perCategory.set(innovations[inv].category, list);
    }
    const next: number[] = [];
    for (const list of perCategory.values()) {
      const rounded = (inv: number) => Math.round(means.get(inv)! * 1e4) / 1e4;
      list.sort((a, b) => rounded(b) - rounded(a) || (innovations[a].id < innovations[b].id ? -1 : 1));
      let rank = 0;
      list.forEach((inv, n) => {
        if (n === 0 || rounded(inv) !== rounded(list[n - 1])) rank = n + 1;
        const passed = rank <= stage.advanceTop!; // ties at the cut-off all advance
        if (passed) next.push(inv);
        results.push({ stage: stage.key, innovation: inv, score: rounded(inv), rank, status: passed ? 'passed' : 'eliminated' });
      });
    }
    current = next.sort((a, b) => a - b);
  }
  return { stages, sheets, results, reached, advanced, byStage };
}

/** A result of an unscored stage (submission, screening), decided by the generator. */
export interface UnscoredResult {
  stage: string;
  innovation: number;
  status: 'passed' | 'eliminated';
  reason: string;
  details: object | null;
  decidedAt: Date;
}

export interface SheetContext {
  rng: Rng;
  competitionId: string;
  organizerId: string;
  innovations: readonly SheetInnovation[];
  jurors: readonly SheetJuror[];
  /** Scored stages whose sheets stay drafts (full values, not submitted yet). */
  draftStages: readonly string[];
  /** When each scored stage ran. */
  stageTimes: Record<string, { opensAt: Date; closesAt: Date }>;
  unscoredResults: readonly UnscoredResult[];
  method: LoadMethod;
}

export interface SheetWriteResult {
  written: boolean;
  message: string;
  rows: number;
}

/** The jury tables and the columns this generator fills. */
export const JURY_COLUMNS: Record<string, readonly string[]> = {
  assignments: ['id', 'competition_id', 'stage_key', 'innovation_id', 'juror_id', 'source', 'created_by', 'created_at'],
  score_sheets: [
    'id',
    'assignment_id',
    'status',
    'scores',
    'comment',
    'version',
    'no_conflict_confirmed_at',
    'submitted_at',
    'created_at',
    'updated_at',
  ],
  score_sheet_versions: ['sheet_id', 'version', 'status', 'scores', 'comment', 'saved_by', 'saved_at'],
  stage_results: [
    'competition_id',
    'innovation_id',
    'stage_key',
    'status',
    'score',
    'rank',
    'reason',
    'details',
    'decided_by',
    'decided_at',
    'created_at',
  ],
};

/**
 * Writes the planned assignments, sheets (with their version history) and stage results, or reports why
 * not. Without the jury tables it is a no-op: "sheets: skipped (no score_sheets table yet)".
 */
export async function writeSheets(client: Client, plan: SheetPlan, ctx: SheetContext): Promise<SheetWriteResult> {
  if (!(await tableExists(client, SHEET_TABLE)))
    return { written: false, message: `sheets: skipped (no ${SHEET_TABLE} table yet)`, rows: 0 };
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
    [Object.keys(JURY_COLUMNS)],
  );
  const have = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const missing = Object.entries(JURY_COLUMNS)
    .flatMap(([t, cols]) => cols.map((c) => `${t}.${c}`))
    .filter((c) => !have.has(c));
  if (missing.length)
    return {
      written: false,
      message: `sheets: the jury tables differ from what bench/sheets.ts writes (missing ${missing.join(', ')}); none written`,
      rows: 0,
    };
  return writeJuryTables(client, plan, ctx);
}

const COMMENTS = [
  'Inovasi relevan dengan kebutuhan warga dan datanya cukup meyakinkan.',
  'Dampak sudah terukur, namun keberlanjutan anggaran perlu diperjelas.',
  'Paparan jelas; bukti dukung lengkap dan sesuai kondisi lapangan.',
  'Gagasan baik tetapi replikasi ke daerah lain belum teruji.',
  'Kolaborasi lintas OPD kuat, dokumentasi hasil masih bisa diperbaiki.',
];

async function writeJuryTables(client: Client, plan: SheetPlan, ctx: SheetContext): Promise<SheetWriteResult> {
  const { rng } = ctx;
  const drafts = new Set(ctx.draftStages);
  const at = (stage: string, fraction: number) => {
    const t = ctx.stageTimes[stage];
    return new Date(t.opensAt.getTime() + fraction * (t.closesAt.getTime() - t.opensAt.getTime()));
  };
  const assignments: unknown[][] = [];
  const sheets: unknown[][] = [];
  const versions: unknown[][] = [];
  for (const s of plan.sheets) {
    const assignmentId = rng.uuid();
    const sheetId = rng.uuid();
    const jurorId = ctx.jurors[s.juror].id;
    const created = at(s.stage, 0.01 + rng.float() * 0.05);
    const saved = at(s.stage, 0.1 + rng.float() * 0.5);
    const comment = rng.pick(COMMENTS);
    assignments.push([
      assignmentId,
      ctx.competitionId,
      s.stage,
      ctx.innovations[s.innovation].id,
      jurorId,
      'auto',
      ctx.organizerId,
      created,
    ]);
    versions.push([sheetId, 1, 'draft', s.values, comment, jurorId, saved]);
    if (drafts.has(s.stage)) {
      sheets.push([sheetId, assignmentId, 'draft', s.values, comment, 1, saved, null, saved, saved]);
    } else {
      const submitted = at(s.stage, 0.65 + rng.float() * 0.3);
      sheets.push([sheetId, assignmentId, 'submitted', s.values, comment, 2, saved, submitted, saved, submitted]);
      versions.push([sheetId, 2, 'submitted', s.values, comment, jurorId, submitted]);
    }
  }
  const results: unknown[][] = [
    ...ctx.unscoredResults.map((r) => [
      ctx.competitionId,
      ctx.innovations[r.innovation].id,
      r.stage,
      r.status,
      null,
      null,
      r.reason,
      r.details,
      ctx.organizerId,
      r.decidedAt,
      r.decidedAt,
    ]),
    ...plan.results.map((r) => {
      const decided = r.status === 'pending' ? null : ctx.stageTimes[r.stage].closesAt;
      const reason =
        r.status === 'pending'
          ? null
          : r.status === 'passed'
            ? `rank ${r.rank} in ${ctx.innovations[r.innovation].category}, score ${r.score}`
            : `rank ${r.rank}: below the cut-off`;
      return [
        ctx.competitionId,
        ctx.innovations[r.innovation].id,
        r.stage,
        r.status,
        r.score,
        r.rank,
        reason,
        null,
        decided ? ctx.organizerId : null,
        decided,
        ctx.stageTimes[r.stage].opensAt,
      ];
    }),
  ];
  const spec = (table: string, types: ColumnType[]): TableSpec => ({
    table,
    columns: JURY_COLUMNS[table].map((c, i) => [c, types[i]] as const),
  });
  let n = 0;
  n += await loadRows(
    client,
    spec('assignments', ['uuid', 'uuid', 'text', 'uuid', 'uuid', 'text', 'uuid', 'timestamptz']),
    assignments,
    ctx.method,
  );
  n += await loadRows(
    client,
    spec('score_sheets', ['uuid', 'uuid', 'text', 'jsonb', 'text', 'int', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz']),
    sheets,
    ctx.method,
  );
  n += await loadRows(
    client,
    spec('score_sheet_versions', ['uuid', 'int', 'text', 'jsonb', 'text', 'uuid', 'timestamptz']),
    versions,
    ctx.method,
  );
  n += await loadRows(
    client,
    spec('stage_results', ['uuid', 'uuid', 'text', 'text', 'float8', 'int', 'text', 'jsonb', 'uuid', 'timestamptz', 'timestamptz']),
    results,
    ctx.method,
  );
  return {
    written: true,
    message: `sheets: ${assignments.length} assignments, ${sheets.length} sheets (${versions.length - sheets.length} submitted), ${versions.length} sheet versions, ${results.length} stage results`,
    rows: n,
  };
}
