// DESIGN §4.9–4.11: validation of a scoring input, which also resolves the defaults (§4.8) and indexes the
// sheets and given scores for the computation. The input itself is never modified.

import { type Instant, parseRfc3339 } from './instant';
import { DEFAULT_DECIMALS, MAX_DECIMALS } from './rounding';
import { ScoringInputError } from './scoring.errors';
import { AGGREGATIONS, type Aggregation, type ScoringInput } from './types';

export const DEFAULT_AGGREGATION: Aggregation = 'mean';
export const DEFAULT_TRIM = 1;

export interface PreparedCriterion {
  readonly key: string;
  readonly weight: number;
  readonly min: number;
  readonly max: number;
}

export interface PreparedStage {
  readonly key: string;
  readonly weight: number;
  /** DESIGN §4.10: scored from the input's `given` list, not from sheets (no criteria; aggregation and trim unused). */
  readonly given: boolean;
  /** Empty for a given stage. */
  readonly criteria: readonly PreparedCriterion[];
  /** Σ of the criterion weights (> 0; 0 for a given stage). */
  readonly weightSum: number;
  /** Resolved: stage.aggregation ?? method.aggregation ?? 'mean' ('mean', unused, for a given stage). */
  readonly aggregation: Aggregation;
  /** Resolved: stage.trim ?? method.trim ?? 1. */
  readonly trim: number;
}

export interface PreparedSubmission {
  readonly id: string;
  readonly category: string;
  /** Parsed only when the tie-break uses `submittedAt`. */
  readonly submittedAt: Instant | null;
  /** DESIGN §4.11: its sheets count in every statistic, but it is neither ranked nor listed. */
  readonly excluded: boolean;
}

export interface PreparedBand {
  readonly label: string;
  readonly min: number;
}

export type TieBreak = { readonly kind: 'stage'; readonly stage: number } | { readonly kind: 'submittedAt' };

/** A validated input with its defaults resolved and its sheets indexed. */
export interface PreparedInput {
  readonly input: ScoringInput;
  readonly decimals: number;
  readonly stages: readonly PreparedStage[];
  readonly stageIndex: ReadonlyMap<string, number>;
  readonly submissions: readonly PreparedSubmission[];
  /** Sorted by `min` descending; equal `min` keeps the input order. */
  readonly bands: readonly PreparedBand[];
  readonly tieBreak: readonly TieBreak[];
  readonly jurors: readonly string[];
  /** Per sheet (input order): stage index, submission index and juror index. */
  readonly sheetStage: Int32Array;
  readonly sheetSubmission: Int32Array;
  readonly sheetJuror: Int32Array;
  /**
   * The sheets grouped by (stage, submission): group `g = stage · submissions.length + submission` holds the
   * sheet indices `groupSheets[groupStart[g] .. groupStart[g + 1])`, in input order. The groups of one stage
   * are contiguous, so a stage's sheets are `groupSheets[groupStart[s·N] .. groupStart[(s+1)·N])`.
   */
  readonly groupStart: Int32Array;
  readonly groupSheets: Int32Array;
  /** Per `given` entry (input order): its group `stage · submissions.length + submission` and its unrounded score. */
  readonly givenGroup: Int32Array;
  readonly givenScore: Float64Array;
}

/** Validates a scoring input (DESIGN §4.9–4.11) and prepares it; throws {@link ScoringInputError} naming the fault. */
export function prepare(raw: unknown): PreparedInput {
  if (!isRecord(raw)) fail('input must be a JSON object');
  const input = raw as unknown as ScoringInput;
  const method = optionalRecord(raw.method, 'method') ?? {};
  const methodAggregation = aggregationOf(method.aggregation, 'method.aggregation');
  const methodTrim = trimOf(method.trim, 'method.trim');
  const decimals = decimalsOf(method.decimals);

  const stages = prepareStages(raw.stages, methodAggregation, methodTrim);
  const stageIndex = new Map(stages.map((s, i) => [s.key, i]));
  const tieBreak = tieBreakOf(method.tieBreak, stages, stageIndex);
  const bands = prepareBands(raw.bands);
  const submissions = prepareSubmissions(
    raw.submissions,
    tieBreak.some((t) => t.kind === 'submittedAt'),
  );
  const submissionIndex = new Map(submissions.map((s, i) => [s.id, i]));
  const sheets = prepareSheets(raw.sheets, stages, stageIndex, submissionIndex);
  const given = prepareGiven(raw.given, stages, stageIndex, submissionIndex);

  return { input, decimals, stages, stageIndex, submissions, bands, tieBreak, ...sheets, ...given };
}

function prepareStages(raw: unknown, methodAggregation: Aggregation | undefined, methodTrim: number | undefined): PreparedStage[] {
  const list = arrayOf(raw, 'stages');
  const seen = new Set<string>();
  const stages = list.map((stage, i): PreparedStage => {
    const at = `stages[${i}]`;
    if (!isRecord(stage)) fail(`${at} must be an object`);
    const key = nonEmptyString(stage.key, `${at}.key`);
    if (seen.has(key)) fail(`${at}.key ${quote(key)} is a duplicate stage key`);
    seen.add(key);
    const named = `${at} (${quote(key)})`;
    const weight = nonNegativeNumber(stage.weight, `${named}.weight`);
    if (booleanFlag(stage.given, `${named}.given`)) {
      // §4.10: no criteria field at all; aggregation and trim are ignored, not validated.
      if (stage.criteria !== undefined)
        fail(`${named} is a given stage (its scores come from the "given" list), so it must not have a "criteria" field`);
      return { key, weight, given: true, criteria: [], weightSum: 0, aggregation: DEFAULT_AGGREGATION, trim: DEFAULT_TRIM };
    }
    const criteria = prepareCriteria(stage.criteria, named);
    const weightSum = criteria.reduce((sum, c) => sum + c.weight, 0);
    if (!(weightSum > 0)) fail(`${named}: its criterion weights sum to 0`);
    const aggregation = aggregationOf(stage.aggregation, `${named}.aggregation`) ?? methodAggregation ?? DEFAULT_AGGREGATION;
    const trim = trimOf(stage.trim, `${named}.trim`) ?? methodTrim ?? DEFAULT_TRIM;
    return { key, weight, given: false, criteria, weightSum, aggregation, trim };
  });
  if (!stages.some((s) => s.weight > 0)) fail('no stage has weight > 0');
  return stages;
}

function prepareCriteria(raw: unknown, stage: string): PreparedCriterion[] {
  const list = arrayOf(raw, `${stage}.criteria`);
  const seen = new Set<string>();
  return list.map((criterion, i) => {
    const at = `${stage}.criteria[${i}]`;
    if (!isRecord(criterion)) fail(`${at} must be an object`);
    const key = nonEmptyString(criterion.key, `${at}.key`);
    if (seen.has(key)) fail(`${at}.key ${quote(key)} is a duplicate criterion key`);
    seen.add(key);
    const named = `${at} (${quote(key)})`;
    const weight = nonNegativeNumber(criterion.weight, `${named}.weight`);
    const min = finiteNumber(criterion.min, `${named}.min`);
    const max = finiteNumber(criterion.max, `${named}.max`);
    if (!(min < max)) fail(`${named}: min ${min} must be below max ${max}`);
    return { key, weight, min, max };
  });
}

function tieBreakOf(raw: unknown, stages: readonly PreparedStage[], stageIndex: ReadonlyMap<string, number>): TieBreak[] {
  if (raw === undefined || raw === null) {
    // Default: the weighted stages from last to first.
    return stages.flatMap((s, i) => (s.weight > 0 ? [{ kind: 'stage' as const, stage: i }] : [])).reverse();
  }
  return arrayOf(raw, 'method.tieBreak').map((entry, i) => {
    if (entry === 'submittedAt') return { kind: 'submittedAt' as const };
    const stage = typeof entry === 'string' && entry.startsWith('stage:') ? stageIndex.get(entry.slice(6)) : undefined;
    if (stage === undefined) {
      fail(`method.tieBreak[${i}] ${describe(entry)} is unknown (expected "submittedAt" or "stage:KEY" naming an input stage)`);
    }
    return { kind: 'stage' as const, stage };
  });
}

/** `bands` validated (label a string, min a finite number) and sorted by min descending, equal min in input order. */
export function prepareBands(raw: unknown): PreparedBand[] {
  if (raw === undefined || raw === null) return [];
  const bands = arrayOf(raw, 'bands').map((band, i) => {
    const at = `bands[${i}]`;
    if (!isRecord(band)) fail(`${at} must be an object`);
    if (typeof band.label !== 'string') fail(`${at}.label must be a string, got ${describe(band.label)}`);
    return { label: band.label, min: finiteNumber(band.min, `${at}.min`) };
  });
  return bands.sort((a, b) => b.min - a.min); // Array.prototype.sort is stable: equal min keeps input order
}

function prepareSubmissions(raw: unknown, needsSubmittedAt: boolean): PreparedSubmission[] {
  const seen = new Set<string>();
  return arrayOf(raw, 'submissions').map((submission, i) => {
    const at = `submissions[${i}]`;
    if (!isRecord(submission)) fail(`${at} must be an object`);
    const id = nonEmptyString(submission.id, `${at}.id`);
    if (seen.has(id)) fail(`${at}.id ${quote(id)} is a duplicate submission id`);
    seen.add(id);
    const named = `${at} (${quote(id)})`;
    const category = nonEmptyString(submission.category, `${named}.category`);
    const excluded = booleanFlag(submission.excluded, `${named}.excluded`);
    let submittedAt: Instant | null = null;
    if (needsSubmittedAt) {
      submittedAt = parseRfc3339(submission.submittedAt);
      if (!submittedAt) {
        fail(
          `${named}.submittedAt must be an RFC 3339 timestamp because method.tieBreak uses "submittedAt", got ${describe(submission.submittedAt)}`,
        );
      }
    }
    return { id, category, submittedAt, excluded };
  });
}

type PreparedSheets = Pick<PreparedInput, 'jurors' | 'sheetStage' | 'sheetSubmission' | 'sheetJuror' | 'groupStart' | 'groupSheets'>;

function prepareSheets(
  raw: unknown,
  stages: readonly PreparedStage[],
  stageIndex: ReadonlyMap<string, number>,
  submissionIndex: ReadonlyMap<string, number>,
): PreparedSheets {
  const sheets = arrayOf(raw, 'sheets');
  const count = sheets.length;
  const sheetStage = new Int32Array(count);
  const sheetSubmission = new Int32Array(count);
  const sheetJuror = new Int32Array(count);
  const jurorIndex = new Map<string, number>();
  const jurors: string[] = [];

  for (let i = 0; i < count; i++) {
    const sheet = sheets[i];
    if (!isRecord(sheet)) fail(`sheet ${i} must be an object`);
    const stage = typeof sheet.stage === 'string' ? stageIndex.get(sheet.stage) : undefined;
    if (stage === undefined) failSheet(i, sheet, `unknown stage ${describe(sheet.stage)}`);
    if (stages[stage].given)
      failSheet(i, sheet, `stage ${quote(stages[stage].key)} is a given stage: its scores come from the "given" list, not from sheets`);
    const submission = typeof sheet.submission === 'string' ? submissionIndex.get(sheet.submission) : undefined;
    if (submission === undefined) failSheet(i, sheet, `unknown submission ${describe(sheet.submission)}`);
    if (typeof sheet.juror !== 'string' || sheet.juror === '') failSheet(i, sheet, `juror must be a non-empty string`);
    let juror = jurorIndex.get(sheet.juror);
    if (juror === undefined) {
      juror = jurors.push(sheet.juror) - 1;
      jurorIndex.set(sheet.juror, juror);
    }
    checkScores(i, sheet, stages[stage]);
    sheetStage[i] = stage;
    sheetSubmission[i] = submission;
    sheetJuror[i] = juror;
  }

  const groups = groupSheets(sheetStage, sheetSubmission, stages.length, submissionIndex.size);
  checkOneSheetPerJuror(sheets, sheetJuror, jurors.length, groups);
  return { jurors, sheetStage, sheetSubmission, sheetJuror, ...groups };
}

/** Every criterion of the stage present, a finite number within [min, max]; no other key. */
function checkScores(i: number, sheet: Record<string, unknown>, stage: PreparedStage): void {
  const scores = sheet.scores;
  if (!isRecord(scores)) failSheet(i, sheet, `scores must be an object, got ${describe(scores)}`);
  for (const c of stage.criteria) {
    const value = Object.hasOwn(scores, c.key) ? scores[c.key] : undefined;
    if (value === undefined) failSheet(i, sheet, `criterion ${quote(c.key)} is missing`);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      failSheet(i, sheet, `criterion ${quote(c.key)} must be a number, got ${describe(value)}`);
    }
    if (value < c.min || value > c.max) {
      failSheet(i, sheet, `criterion ${quote(c.key)} value ${value} is outside [${c.min}, ${c.max}]`);
    }
  }
  const keys = Object.keys(scores);
  if (keys.length !== stage.criteria.length) {
    const unknown = keys.find((k) => !stage.criteria.some((c) => c.key === k));
    failSheet(i, sheet, `unknown criterion ${quote(unknown ?? '')} for stage ${quote(stage.key)}`);
  }
}

/** A counting sort of the sheets by (stage, submission), stable in input order. */
function groupSheets(sheetStage: Int32Array, sheetSubmission: Int32Array, stageCount: number, submissionCount: number) {
  const groupStart = new Int32Array(stageCount * submissionCount + 1);
  for (let i = 0; i < sheetStage.length; i++) groupStart[sheetStage[i] * submissionCount + sheetSubmission[i] + 1]++;
  for (let g = 1; g < groupStart.length; g++) groupStart[g] += groupStart[g - 1];
  const next = groupStart.slice(0, -1);
  const groupSheets = new Int32Array(sheetStage.length);
  for (let i = 0; i < sheetStage.length; i++) groupSheets[next[sheetStage[i] * submissionCount + sheetSubmission[i]]++] = i;
  return { groupStart, groupSheets };
}

/** Two sheets of one juror for the same innovation and stage are invalid; reports the earliest second sheet. */
function checkOneSheetPerJuror(
  sheets: readonly unknown[],
  sheetJuror: Int32Array,
  jurorCount: number,
  { groupStart, groupSheets }: { groupStart: Int32Array; groupSheets: Int32Array },
): void {
  const seenInGroup = new Int32Array(jurorCount).fill(-1);
  const seenSheet = new Int32Array(jurorCount);
  let duplicate = -1;
  let first = -1;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    for (let k = groupStart[g]; k < groupStart[g + 1]; k++) {
      const sheet = groupSheets[k];
      const juror = sheetJuror[sheet];
      if (seenInGroup[juror] === g) {
        if (duplicate < 0 || sheet < duplicate) [duplicate, first] = [sheet, seenSheet[juror]];
      } else {
        seenInGroup[juror] = g;
        seenSheet[juror] = sheet;
      }
    }
  }
  if (duplicate >= 0) {
    failSheet(
      duplicate,
      sheets[duplicate] as Record<string, unknown>,
      `a second sheet of this juror for this submission and stage (the first is sheet ${first})`,
    );
  }
}

type PreparedGiven = Pick<PreparedInput, 'givenGroup' | 'givenScore'>;

/**
 * DESIGN §4.10: the optional `given` list (absent or null = []), each entry `{stage, submission, score}`
 * naming a given stage, a known submission and a number in [0, 100], at most one per stage and submission.
 */
function prepareGiven(
  raw: unknown,
  stages: readonly PreparedStage[],
  stageIndex: ReadonlyMap<string, number>,
  submissionIndex: ReadonlyMap<string, number>,
): PreparedGiven {
  const list = raw === undefined || raw === null ? [] : arrayOf(raw, 'given');
  const count = list.length;
  const givenGroup = new Int32Array(count);
  const givenScore = new Float64Array(count);
  const firstEntry = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const entry = list[i];
    if (!isRecord(entry)) fail(`given[${i}] must be an object {stage, submission, score}, got ${describe(entry)}`);
    const stage = typeof entry.stage === 'string' ? stageIndex.get(entry.stage) : undefined;
    if (stage === undefined) failGiven(i, entry, `unknown stage ${describe(entry.stage)}`);
    if (!stages[stage].given)
      failGiven(
        i,
        entry,
        `stage ${quote(stages[stage].key)} is not a given stage (it has no "given": true), so it takes its scores from sheets`,
      );
    const submission = typeof entry.submission === 'string' ? submissionIndex.get(entry.submission) : undefined;
    if (submission === undefined) failGiven(i, entry, `unknown submission ${describe(entry.submission)}`);
    const score = entry.score;
    if (typeof score !== 'number' || !(score >= 0 && score <= 100))
      failGiven(i, entry, `score must be a number in [0, 100], got ${describe(score)}`);
    const group = stage * submissionIndex.size + submission;
    const first = firstEntry.get(group);
    if (first !== undefined) failGiven(i, entry, `a second entry for this stage and submission (the first is given[${first}])`);
    firstEntry.set(group, i);
    givenGroup[i] = group;
    givenScore[i] = score;
  }
  return { givenGroup, givenScore };
}

/** An optional boolean flag (`given` of a stage, `excluded` of a submission): absent is false; anything but true/false is invalid. */
function booleanFlag(value: unknown, at: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(`${at} must be true or false, got ${describe(value)}`);
  return value;
}

function aggregationOf(value: unknown, at: string): Aggregation | undefined {
  if (value === undefined || value === null) return undefined;
  if (!(AGGREGATIONS as readonly unknown[]).includes(value)) {
    fail(`${at} ${describe(value)} is unknown (expected one of ${AGGREGATIONS.join(', ')})`);
  }
  return value as Aggregation;
}

function trimOf(value: unknown, at: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0) fail(`${at} must be a non-negative integer, got ${describe(value)}`);
  return value as number;
}

function decimalsOf(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_DECIMALS;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_DECIMALS) {
    fail(`method.decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${describe(value)}`);
  }
  return value as number;
}

export function optionalRecord(value: unknown, at: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) fail(`${at} must be an object, got ${describe(value)}`);
  return value;
}

export function arrayOf(value: unknown, at: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(`${at} must be an array, got ${describe(value)}`);
  return value;
}

export function nonEmptyString(value: unknown, at: string): string {
  if (typeof value !== 'string' || value === '') fail(`${at} must be a non-empty string, got ${describe(value)}`);
  return value;
}

function finiteNumber(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${at} must be a number, got ${describe(value)}`);
  return value;
}

function nonNegativeNumber(value: unknown, at: string): number {
  const n = finiteNumber(value, at);
  if (n < 0) fail(`${at} must be ≥ 0, got ${n}`);
  return n;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it appears in JSON, for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function fail(message: string): never {
  throw new ScoringInputError(message);
}

/** Names a `given` entry by its 0-based index, stage and submission (DESIGN §4.10). */
function failGiven(i: number, entry: Record<string, unknown>, problem: string): never {
  fail(`given[${i}] (stage ${describe(entry.stage)}, submission ${describe(entry.submission)}): ${problem}`);
}

/** Names a sheet by its 0-based index, stage, juror and submission (DESIGN §4.9). */
function failSheet(i: number, sheet: Record<string, unknown>, problem: string): never {
  fail(`sheet ${i} (stage ${describe(sheet.stage)}, juror ${describe(sheet.juror)}, submission ${describe(sheet.submission)}): ${problem}`);
}
