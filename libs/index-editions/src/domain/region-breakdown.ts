// What a region's public page shows beside its IID: per variable, self vs verified, and each innovation's
// maturity (kematangan: the sum of its innovation-indicator scores). Computed from a published snapshot's
// §4b input and the edition's framework with the same rules as DESIGN §4b rule 3, so the variables of a
// region add up to its spd + sid.

import type { LocalizedText } from '@app/kernel';
import type { AnswerInput, Basis, IndexFramework, IndexInput, FrameworkIndicator, RegionInnovationInput } from '@app/regional-index';

export interface ScorePair {
  self: number;
  verified: number;
}

export interface VariableBreakdown extends ScorePair {
  key: string;
  aspect: string;
  label: LocalizedText;
  scope: 'region' | 'innovation' | 'count';
  /** The most the variable can contribute. */
  max: number;
}

export interface InnovationMaturity extends ScorePair {
  id: string;
  eligible: boolean;
  /** The most an innovation can score over the innovation indicators. */
  max: number;
}

export interface RegionBreakdown {
  variables: VariableBreakdown[];
  innovations: InnovationMaturity[];
}

const BASES: readonly Basis[] = ['self', 'verified'];

const maximum = (indicator: FrameworkIndicator) => Math.max(0, ...(indicator.options ?? indicator.steps ?? []).map((o) => o.score));

function optionScore(indicator: FrameworkIndicator, key: string | undefined): number {
  return key === undefined ? 0 : (indicator.options?.find((o) => o.key === key)?.score ?? 0);
}

function stepScore(indicator: FrameworkIndicator, n: number): number {
  let best: { min: number; score: number } | null = null;
  for (const step of indicator.steps ?? []) if (step.min <= n && (!best || step.min > best.min)) best = step;
  return best?.score ?? 0;
}

/** A number rounded to `decimals` places for display (half away from zero). */
const round = (x: number, decimals: number) => Math.sign(x) * (Math.round(Math.abs(x) * 10 ** decimals) / 10 ** decimals);

/**
 * Per variable (framework order) the region's contribution under both bases: region variables the sum of the
 * region's answers; innovation variables the sum over the counted innovations divided by
 * max(minInnovations, n); count variables the step for n. Per innovation its maturity under both bases.
 */
export function regionBreakdown(
  framework: IndexFramework,
  input: Pick<IndexInput, 'innovations' | 'answers'>,
  regionId: string,
): RegionBreakdown {
  const decimals = framework.method.decimals;
  const innovations = input.innovations.filter((i) => i.region === regionId);
  const mine = new Set(innovations.map((i) => i.id));
  const answers = new Map<string, AnswerInput>();
  for (const a of input.answers) {
    if (a.region === regionId) answers.set(`r\u0000${a.indicator}`, a);
    else if (a.innovation !== undefined && mine.has(a.innovation)) answers.set(`i\u0000${a.innovation}\u0000${a.indicator}`, a);
  }
  const counted: Record<Basis, typeof innovations> = { self: innovations, verified: innovations.filter((i) => i.eligible !== false) };
  const divisor = (b: Basis) => Math.max(framework.method.minInnovations, counted[b].length);
  const scoreOf = (indicator: FrameworkIndicator, b: Basis, owner: string | null): number => {
    if (indicator.scope === 'count') return stepScore(indicator, counted[b].length);
    const answer = answers.get(owner === null ? `r\u0000${indicator.key}` : `i\u0000${owner}\u0000${indicator.key}`);
    return optionScore(indicator, answer?.[b]);
  };
  const variables = framework.aspects.flatMap((aspect) =>
    aspect.variables.map((variable): VariableBreakdown => {
      const scopes = new Set(variable.indicators.map((i) => i.scope));
      const scope = scopes.has('innovation') ? 'innovation' : scopes.has('region') ? 'region' : 'count';
      const pair = {} as ScorePair;
      for (const b of BASES) {
        let sum = 0;
        for (const indicator of variable.indicators) {
          if (indicator.scope === 'innovation') {
            let inner = 0;
            for (const innovation of counted[b]) inner += scoreOf(indicator, b, innovation.id);
            sum += inner / divisor(b);
          } else sum += scoreOf(indicator, b, null);
        }
        pair[b] = round(sum, decimals);
      }
      return {
        key: variable.key,
        aspect: aspect.key,
        label: variable.label,
        scope,
        max: round(
          variable.indicators.reduce((s, i) => s + maximum(i), 0),
          decimals,
        ),
        ...pair,
      };
    }),
  );
  const innovationIndicators = framework.aspects
    .flatMap((a) => a.variables.flatMap((v) => v.indicators))
    .filter((i) => i.scope === 'innovation');
  const innovationMax = round(
    innovationIndicators.reduce((s, i) => s + maximum(i), 0),
    decimals,
  );
  return {
    variables,
    innovations: innovations.map((innovation) => {
      const pair = {} as ScorePair;
      for (const b of BASES)
        pair[b] = round(
          innovationIndicators.reduce((s, i) => s + scoreOf(i, b, innovation.id), 0),
          decimals,
        );
      return { id: innovation.id, eligible: innovation.eligible !== false, max: innovationMax, ...pair };
    }),
  };
}

/** A region's part of an index input: its innovations and the answers about it and them, in input order. */
export interface RegionSlice {
  innovations: RegionInnovationInput[];
  answers: AnswerInput[];
}

/**
 * Every region's slice of `input` in one pass over its answers (a national input holds ~750,000), so a region's page
 * reads its slice instead of the whole input: an answer belongs to its `region`, else to its innovation's region.
 * Regions without innovations or answers have no slice.
 */
export function regionSlices(input: Pick<IndexInput, 'innovations' | 'answers'>): Map<string, RegionSlice> {
  const slices = new Map<string, RegionSlice>();
  const sliceOf = (region: string): RegionSlice => {
    let slice = slices.get(region);
    if (!slice) slices.set(region, (slice = { innovations: [], answers: [] }));
    return slice;
  };
  const regionOf = new Map<string, string>();
  for (const innovation of input.innovations) {
    regionOf.set(innovation.id, innovation.region);
    sliceOf(innovation.region).innovations.push(innovation);
  }
  for (const answer of input.answers) {
    const region = answer.region ?? (answer.innovation === undefined ? undefined : regionOf.get(answer.innovation));
    if (region !== undefined) sliceOf(region).answers.push(answer);
  }
  return slices;
}
