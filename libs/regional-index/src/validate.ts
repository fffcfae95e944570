// DESIGN §4b rule 7: validation of a regional index input, which also resolves the defaults (rule 6) and
// turns the answers into per-owner score tables for the computation. The input itself is never modified.

import {
  MAX_DECIMALS,
  type PreparedBand,
  ScoringInputError,
  arrayOf,
  describeValue as describe,
  isRecord,
  nonEmptyString,
  optionalRecord,
  prepareBands,
} from '@app/scoring';
import { BASES, type Basis, INDEX_TIE_BREAKS, type IndexInput, type IndexTieBreak, SCOPES, type Scope } from './types';

export const DEFAULT_INDEX_DECIMALS = 2;
export const DEFAULT_MIN_INNOVATIONS = 10;
export const DEFAULT_BASIS: Basis = 'verified';
export const DEFAULT_INDEX_TIE_BREAK: readonly IndexTieBreak[] = ['sid', 'spd', 'innovations'];

export interface PreparedChoice {
  readonly key: string;
  readonly score: number;
}

export interface PreparedStep {
  readonly min: number;
  readonly score: number;
}

export interface PreparedIndicator {
  readonly key: string;
  readonly scope: Scope;
  /** `region` and `innovation` indicators; empty for `count`. */
  readonly options: readonly PreparedChoice[];
  /** `count` indicators; empty otherwise. */
  readonly steps: readonly PreparedStep[];
  /** The highest option or step score. */
  readonly maximum: number;
  /** Index among the indicators of the same scope, in `indicators` order. */
  readonly slot: number;
}

export interface PreparedRegion {
  readonly id: string;
  readonly category: string;
  readonly groups: readonly string[];
}

export interface PreparedInnovation {
  readonly id: string;
  /** Index into `regions`. */
  readonly region: number;
  readonly eligible: boolean;
}

/** Answer scores by owner and indicator slot: `scores[owner · slots + slot]`, 0 where nothing scores. */
export interface ScoreTables {
  readonly self: Float64Array;
  readonly verified: Float64Array;
}

/** A validated input with its defaults resolved and its answers turned into scores. */
export interface PreparedIndex {
  readonly input: IndexInput;
  readonly decimals: number;
  readonly minInnovations: number;
  readonly basis: Basis;
  readonly tieBreak: readonly IndexTieBreak[];
  /** Sorted by `min` descending; equal `min` keeps the input order. */
  readonly bands: readonly PreparedBand[];
  readonly indicators: readonly PreparedIndicator[];
  /** The indicators of each scope, in `indicators` order. */
  readonly byScope: Readonly<Record<Scope, readonly PreparedIndicator[]>>;
  /** Σ of the indicators' maxima, one running total in `indicators` order (> 0); not rounded. */
  readonly max: number;
  readonly regions: readonly PreparedRegion[];
  readonly innovations: readonly PreparedInnovation[];
  /** Per region × `region` indicator slot. */
  readonly regionScores: ScoreTables;
  /** Per innovation × `innovation` indicator slot. */
  readonly innovationScores: ScoreTables;
}

/** Validates a regional index input (DESIGN §4b.7) and prepares it; throws {@link ScoringInputError} naming the fault. */
export function prepareIndex(raw: unknown): PreparedIndex {
  if (!isRecord(raw)) fail('input must be a JSON object');
  const method = optionalRecord(raw.method, 'method') ?? {};
  const decimals =
    integerIn(method.decimals, 'method.decimals', 0, MAX_DECIMALS, `an integer from 0 to ${MAX_DECIMALS}`) ?? DEFAULT_INDEX_DECIMALS;
  const minInnovations =
    integerIn(method.minInnovations, 'method.minInnovations', 1, Infinity, 'a positive integer') ?? DEFAULT_MIN_INNOVATIONS;
  const basis = oneOf(method.basis, 'method.basis', BASES) ?? DEFAULT_BASIS;
  const tieBreak = tieBreakOf(method.tieBreak);

  const indicators = prepareIndicators(raw.indicators);
  const byScope: Record<Scope, PreparedIndicator[]> = { region: [], innovation: [], count: [] };
  for (const indicator of indicators) byScope[indicator.scope].push(indicator);
  let max = 0;
  for (const indicator of indicators) max += indicator.maximum;
  if (!(max > 0)) fail("max, the sum of the indicators' highest scores, is 0: at least one option or step must score above 0");

  const bands = prepareBands(raw.bands);
  const regions = prepareRegions(raw.regions);
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  const innovations = prepareInnovations(raw.innovations, regionIndex);
  const innovationIndex = new Map(innovations.map((x, i) => [x.id, i]));
  const answers = prepareAnswers(raw.answers, indicators, byScope, regionIndex, innovationIndex);

  return {
    input: raw as unknown as IndexInput,
    decimals,
    minInnovations,
    basis,
    tieBreak,
    bands,
    indicators,
    byScope,
    max,
    regions,
    innovations,
    ...answers,
  };
}

function tieBreakOf(raw: unknown): IndexTieBreak[] {
  if (raw === undefined || raw === null) return [...DEFAULT_INDEX_TIE_BREAK];
  return arrayOf(raw, 'method.tieBreak').map((entry, i) => {
    if (!(INDEX_TIE_BREAKS as readonly unknown[]).includes(entry)) {
      fail(`method.tieBreak[${i}] ${describe(entry)} is unknown (expected one of ${INDEX_TIE_BREAKS.map(quote).join(', ')})`);
    }
    return entry as IndexTieBreak;
  });
}

function prepareIndicators(raw: unknown): PreparedIndicator[] {
  const slots: Record<Scope, number> = { region: 0, innovation: 0, count: 0 };
  return keyedRecords(arrayOf(raw, 'indicators'), 'indicators', 'key', 'indicator', (indicator, key, named) => {
    const scope = oneOf(indicator.scope, `${named}.scope`, SCOPES);
    if (scope === undefined) fail(`${named}.scope is missing (expected one of ${SCOPES.map(quote).join(', ')})`);
    const [wanted, unwanted] = scope === 'count' ? (['steps', 'options'] as const) : (['options', 'steps'] as const);
    if (present(indicator, unwanted)) fail(`${named}: ${article(scope)} ${scope} indicator has ${wanted}, not ${unwanted}`);
    const list = arrayOf(indicator[wanted], `${named}.${wanted}`);
    if (list.length === 0) fail(`${named}.${wanted} must be a non-empty array`);
    const options = scope === 'count' ? [] : prepareOptions(list, `${named}.options`);
    const steps = scope === 'count' ? prepareSteps(list, `${named}.steps`) : [];
    const maximum = Math.max(...[...options, ...steps].map((c) => c.score));
    return { key, scope, options, steps, maximum, slot: slots[scope]++ };
  });
}

function prepareOptions(list: readonly unknown[], at: string): PreparedChoice[] {
  return keyedRecords(list, at, 'key', 'option', (option, key, named) => ({ key, score: score(option.score, `${named}.score`) }));
}

function prepareSteps(list: readonly unknown[], at: string): PreparedStep[] {
  const seen = new Set<number>();
  return list.map((step, i) => {
    if (!isRecord(step)) fail(`${at}[${i}] must be an object, got ${describe(step)}`);
    const min = integerIn(step.min, `${at}[${i}].min`, 0, Infinity, 'a non-negative integer');
    if (min === undefined) fail(`${at}[${i}].min must be a non-negative integer, got ${describe(step.min)}`);
    if (seen.has(min)) fail(`${at}[${i}].min ${min} is a duplicate step min`);
    seen.add(min);
    return { min, score: score(step.score, `${at}[${i}] (min ${min}).score`) };
  });
}

function prepareRegions(raw: unknown): PreparedRegion[] {
  return keyedRecords(arrayOf(raw, 'regions'), 'regions', 'id', 'region', (region, id, named) => {
    if (typeof region.category !== 'string') fail(`${named}.category must be a string, got ${describe(region.category)}`);
    let groups: string[] = [];
    if (present(region, 'groups')) {
      const list = region.groups;
      if (!Array.isArray(list) || list.some((g) => typeof g !== 'string') || new Set(list).size !== list.length) {
        fail(`${named}.groups must be a list of distinct strings, got ${describe(list)}`);
      }
      groups = list as string[];
    }
    return { id, category: region.category, groups };
  });
}

function prepareInnovations(raw: unknown, regionIndex: ReadonlyMap<string, number>): PreparedInnovation[] {
  return keyedRecords(arrayOf(raw, 'innovations'), 'innovations', 'id', 'innovation', (innovation, id, named) => {
    const region = typeof innovation.region === 'string' ? regionIndex.get(innovation.region) : undefined;
    if (region === undefined) fail(`${named}.region ${describe(innovation.region)} is not a known region id`);
    let eligible = true;
    if (present(innovation, 'eligible')) {
      if (typeof innovation.eligible !== 'boolean') fail(`${named}.eligible must be true or false, got ${describe(innovation.eligible)}`);
      eligible = innovation.eligible;
    }
    return { id, region, eligible };
  });
}

type PreparedAnswers = Pick<PreparedIndex, 'regionScores' | 'innovationScores'>;

function prepareAnswers(
  raw: unknown,
  indicators: readonly PreparedIndicator[],
  byScope: Readonly<Record<Scope, readonly PreparedIndicator[]>>,
  regionIndex: ReadonlyMap<string, number>,
  innovationIndex: ReadonlyMap<string, number>,
): PreparedAnswers {
  const indicatorIndex = new Map(indicators.map((x, i) => [x.key, i]));
  const owners = {
    region: { index: regionIndex, slots: byScope.region.length },
    innovation: { index: innovationIndex, slots: byScope.innovation.length },
  };
  const tables = {
    region: newTables(regionIndex.size * owners.region.slots),
    innovation: newTables(innovationIndex.size * owners.innovation.slots),
  };
  /** Which answer filled each (owner, slot), for duplicates; -1 when none yet. */
  const answeredBy = {
    region: new Int32Array(tables.region.self.length).fill(-1),
    innovation: new Int32Array(tables.innovation.self.length).fill(-1),
  };

  arrayOf(raw, 'answers').forEach((answer, i) => {
    if (!isRecord(answer)) fail(`answers[${i}] must be an object, got ${describe(answer)}`);
    const problem: (text: string) => never = (text) => fail(`answers[${i}] (${answerLabel(answer)}): ${text}`);
    const at = typeof answer.indicator === 'string' ? indicatorIndex.get(answer.indicator) : undefined;
    if (at === undefined) problem(`unknown indicator ${describe(answer.indicator)}`);
    const indicator = indicators[at];
    if (indicator.scope === 'count')
      problem(`indicator ${quote(indicator.key)} is a count indicator, scored from the number of innovations, and is not answered`);
    const scope = indicator.scope as 'region' | 'innovation';
    const other = scope === 'region' ? 'innovation' : 'region';
    if (!present(answer, scope) || present(answer, other)) {
      problem(`${article(scope)} ${scope} indicator's answer names exactly one owner, its ${scope} (and no ${other})`);
    }
    const ownerId = answer[scope];
    const owner = typeof ownerId === 'string' ? owners[scope].index.get(ownerId) : undefined;
    if (owner === undefined) problem(`unknown ${scope} ${describe(ownerId)}`);
    if (!present(answer, 'self')) problem('self is missing');
    const self = optionScore(indicator, answer.self);
    if (self === undefined) problem(`self ${describe(answer.self)} is not an option of indicator ${quote(indicator.key)}`);
    let verified = 0;
    if (present(answer, 'verified')) {
      const score = optionScore(indicator, answer.verified);
      if (score === undefined) problem(`verified ${describe(answer.verified)} is not an option of indicator ${quote(indicator.key)}`);
      verified = score;
    }
    const cell = owner * owners[scope].slots + indicator.slot;
    const first = answeredBy[scope][cell];
    if (first >= 0) problem(`a second answer for this ${scope} and indicator (the first is answers[${first}])`);
    answeredBy[scope][cell] = i;
    tables[scope].self[cell] = self;
    tables[scope].verified[cell] = verified;
  });
  return { regionScores: tables.region, innovationScores: tables.innovation };
}

function newTables(size: number): ScoreTables {
  return { self: new Float64Array(size), verified: new Float64Array(size) };
}

function optionScore(indicator: PreparedIndicator, key: unknown): number | undefined {
  return typeof key === 'string' ? indicator.options.find((o) => o.key === key)?.score : undefined;
}

/** `region "kota-bekasi", indicator "regulasi"`: what the answer names, for messages. */
function answerLabel(answer: Record<string, unknown>): string {
  return (['region', 'innovation', 'indicator'] as const)
    .filter((field) => present(answer, field))
    .map((field) => `${field} ${describe(answer[field])}`)
    .join(', ');
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Each element of the list at `at` must be an object with a unique non-empty string `field` (its key or id);
 * `prepare` gets it with that key and its name for messages, e.g. `regions[2] ("kota-bekasi")`.
 */
function keyedRecords<T>(
  list: readonly unknown[],
  at: string,
  field: 'key' | 'id',
  kind: string,
  prepare: (record: Record<string, unknown>, key: string, named: string) => T,
): T[] {
  const seen = new Set<string>();
  return list.map((record, i) => {
    if (!isRecord(record)) fail(`${at}[${i}] must be an object, got ${describe(record)}`);
    const key = nonEmptyString(record[field], `${at}[${i}].${field}`);
    if (seen.has(key)) fail(`${at}[${i}].${field} ${quote(key)} is a duplicate ${kind} ${field}`);
    seen.add(key);
    return prepare(record, key, `${at}[${i}] (${quote(key)})`);
  });
}

/** A field is present when the object has it (null included) with a value other than undefined. */
function present(record: Record<string, unknown>, field: string): boolean {
  return Object.hasOwn(record, field) && record[field] !== undefined;
}

function score(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${at} must be a finite number ≥ 0, got ${describe(value)}`);
  return value;
}

/** undefined when absent or null (the default applies). */
function integerIn(value: unknown, at: string, min: number, max: number, expected: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    fail(`${at} must be ${expected}, got ${describe(value)}`);
  return value as number;
}

/** undefined when absent or null (the default applies). */
function oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (!(allowed as readonly unknown[]).includes(value))
    fail(`${at} ${describe(value)} is unknown (expected one of ${allowed.map(quote).join(', ')})`);
  return value as T;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function fail(message: string): never {
  throw new ScoringInputError(message);
}
