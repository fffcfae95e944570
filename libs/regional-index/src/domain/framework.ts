// An index edition's framework as data (DOMAIN.md "The regional innovation index"; "Other self-assessment
// indexes"): aspects → variables → indicators, each option with its score, guidance and required evidence.
// The IID specifics live in the default template (iid-2023.ts), never in this engine.

import type { LocalizedText } from '@app/kernel';
import { compareIds } from '@app/scoring';
import type { IndexInputHead } from '../answer-table';
import { type AnswerRow, type IndexSnapshotText, answerOfRow, createIndexSnapshotFromRows } from '../snapshot';
import type { Basis, IndexInput, IndexTieBreak, IndicatorInput, Scope } from '../types';

/** Kinds of evidence document (bukti dukung) an option may ask for. */
export const DOCUMENT_KINDS = [
  'regulation', // perda, perkada
  'decree', // surat keputusan (SK)
  'budget', // DPA, APBD excerpt
  'plan', // RPJMD, RKPD, Renstra
  'guideline', // pedoman, SOP
  'agreement', // MoU, perjanjian kerja sama
  'study', // kajian, penelitian
  'report', // laporan kegiatan, monev
  'minutes', // berita acara, notulen
  'survey', // SKM/IKM results
  'certificate', // piagam, sertifikat
  'photo',
  'screenshot',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const EVIDENCE_TYPES = ['none', 'document', 'link'] as const;

/** What an answer choosing an option must carry: nothing, a document of one of `kinds`, or a web link. */
export type EvidenceRequirement =
  { readonly type: 'none' } | { readonly type: 'document'; readonly kinds: readonly DocumentKind[] } | { readonly type: 'link' };

export interface FrameworkOption {
  readonly key: string;
  readonly score: number;
  /** What the option means, shown to the region and the validator. */
  readonly guidance: LocalizedText;
  readonly evidence: EvidenceRequirement;
}

export interface FrameworkStep {
  /** Applies from this many counted innovations. */
  readonly min: number;
  readonly score: number;
  readonly guidance: LocalizedText;
}

export interface FrameworkIndicator {
  /** Unique across the framework: it is the §4b indicator key. */
  readonly key: string;
  readonly scope: Scope;
  readonly label: LocalizedText;
  /** `region` and `innovation` indicators. */
  readonly options?: readonly FrameworkOption[];
  /** `count` indicators. */
  readonly steps?: readonly FrameworkStep[];
}

export interface FrameworkVariable {
  readonly key: string;
  readonly label: LocalizedText;
  readonly indicators: readonly FrameworkIndicator[];
}

export interface FrameworkAspect {
  readonly key: string;
  readonly label: LocalizedText;
  readonly variables: readonly FrameworkVariable[];
}

export interface FrameworkBand {
  /** `label.id` is the band label in the §4b input and output (e.g. "Sangat Inovatif"). */
  readonly label: LocalizedText;
  readonly min: number;
}

export interface IndexFramework {
  readonly key: string;
  readonly label: LocalizedText;
  readonly method: { readonly decimals: number; readonly minInnovations: number };
  readonly bands: readonly FrameworkBand[];
  readonly aspects: readonly FrameworkAspect[];
}

/** Every indicator in framework order (aspect, variable, indicator): the order of the §4b running sums. */
export function frameworkIndicators(framework: IndexFramework): FrameworkIndicator[] {
  return framework.aspects.flatMap((aspect) => aspect.variables.flatMap((variable) => variable.indicators));
}

// ─── Collected answers → the §4b input ───────────────────────────────────────────────────────────────────

export interface CollectedRegion {
  readonly id: string;
  /** The edition's category, e.g. `kota`. */
  readonly category: string;
  readonly groups?: readonly string[];
}

export interface CollectedInnovation {
  readonly id: string;
  readonly region: string;
  /** `false` when validators found it ineligible (not counted under `verified`). */
  readonly eligible?: boolean;
}

/**
 * An answer as collected (a database row): the owner is `region`, else `innovation`; null counts as absent. `note`:
 * the validator's public note (only where the verified option differs from `self`).
 */
export type CollectedAnswer = AnswerRow;

export interface CollectedEdition {
  readonly regions: readonly CollectedRegion[];
  readonly innovations: readonly CollectedInnovation[];
  readonly answers: readonly CollectedAnswer[];
}

export interface IndexInputOptions {
  readonly basis?: Basis;
  readonly tieBreak?: readonly IndexTieBreak[];
}

/**
 * The DESIGN §4b input for a framework and what an edition collected. Regions and innovations are ordered by
 * id and answers by owner (regions first, then innovations, by id) and indicator order, so the same data
 * always gives the same input and digest whatever order the database returned it in. Options drop their
 * guidance and evidence (not part of the contract); bands take their Indonesian label; an answer's public
 * validator note rides along as `note` (an unknown field to §4b: hashed, never scored). The result is not
 * validated here: {@link computeIndex} does that.
 */
export function indexInputFrom(framework: IndexFramework, collected: CollectedEdition, options: IndexInputOptions = {}): IndexInput {
  const indicators = frameworkIndicators(framework);
  const byId = <T extends { readonly id: string }>(items: readonly T[]) => [...items].sort((a, b) => compareIds(a.id, b.id));
  const answers = answersInOrder(collected.answers, indicators);
  return {
    method: {
      decimals: framework.method.decimals,
      minInnovations: framework.method.minInnovations,
      basis: options.basis ?? 'verified',
      tieBreak: [...(options.tieBreak ?? ['sid', 'spd', 'innovations'])],
    },
    indicators: indicators.map((indicator): IndicatorInput =>
      indicator.scope === 'count'
        ? { key: indicator.key, scope: indicator.scope, steps: (indicator.steps ?? []).map(({ min, score }) => ({ min, score })) }
        : { key: indicator.key, scope: indicator.scope, options: (indicator.options ?? []).map(({ key, score }) => ({ key, score })) },
    ),
    bands: framework.bands.map((band) => ({ label: band.label.id, min: band.min })),
    regions: byId(collected.regions).map(({ id, category, groups }) =>
      groups === undefined ? { id, category } : { id, category, groups: [...groups] },
    ),
    innovations: byId(collected.innovations).map(({ id, region, eligible }) =>
      eligible === undefined ? { id, region } : { id, region, eligible },
    ),
    answers: answers.map(answerOfRow),
  };
}

/**
 * The published snapshot of what an edition collected: `createIndexSnapshot(indexInputFrom(...))` through the
 * fast path of {@link createIndexSnapshotFromRows} (no answer object per answer), its input as canonical text.
 */
export function indexSnapshotOf(
  framework: IndexFramework,
  collected: CollectedEdition,
  options: IndexInputOptions = {},
): IndexSnapshotText {
  return createIndexSnapshotFromRows(
    indexInputHead(framework, collected, options),
    answersInOrder(collected.answers, frameworkIndicators(framework)),
  );
}

/** {@link indexInputFrom} but the answers: what an IndexAnswerTable of the edition's answers is made for. */
export function indexInputHead(
  framework: IndexFramework,
  collected: Omit<CollectedEdition, 'answers'>,
  options: IndexInputOptions = {},
): IndexInputHead {
  const { answers: _none, ...head } = indexInputFrom(framework, { ...collected, answers: [] }, options);
  return head;
}

/**
 * The answers ordered as {@link compareAnswers} orders them (regions' first, then innovations', by owner id,
 * then indicator order), without comparing ~750k answers pairwise: grouped by owner, owners sorted, each
 * owner's few answers sorted. Same order as a stable sort with compareAnswers (the spec checks it).
 */
export function answersInOrder<T extends CollectedAnswer>(answers: readonly T[], indicators: readonly { readonly key: string }[]): T[] {
  const compare = compareAnswers(indicators);
  const position = new Map(indicators.map((indicator, i) => [indicator.key, i]));
  const regions = new Map<string, T[]>();
  const innovations = new Map<string, T[]>();
  let lastKey: string | undefined;
  let lastOwners: Map<string, T[]> | undefined;
  let lastList: T[] = [];
  for (const answer of answers) {
    const [owners, key] = answer.region != null ? [regions, answer.region] : [innovations, answer.innovation ?? ''];
    // Rows often come grouped by owner: the same owner as the last answer needs no lookup.
    if (key === lastKey && owners === lastOwners) {
      lastList.push(answer);
      continue;
    }
    let list = owners.get(key);
    if (!list) owners.set(key, (list = []));
    list.push(answer);
    [lastKey, lastOwners, lastList] = [key, owners, list];
  }
  const slots: (T | undefined)[] = new Array(indicators.length);
  const ordered: T[] = [];
  for (const owners of [regions, innovations])
    for (const key of [...owners.keys()].sort(compareIds)) {
      const list = owners.get(key)!;
      if (list.length > 1 && !placeByPosition(list, position, slots)) list.sort(compare);
      for (const answer of list) ordered.push(answer);
    }
  return ordered;
}

/**
 * Orders one owner's answers by their indicator's position, one lookup each, when every indicator is known
 * and answered once (what compareAnswers then does too); false, `list` untouched, otherwise.
 */
function placeByPosition<T extends CollectedAnswer>(list: T[], position: ReadonlyMap<string, number>, slots: (T | undefined)[]): boolean {
  let placed = 0;
  for (const answer of list) {
    const at = position.get(answer.indicator);
    if (at === undefined || slots[at] !== undefined) break;
    slots[at] = answer;
    placed++;
  }
  if (placed < list.length) {
    slots.fill(undefined);
    return false;
  }
  let k = 0;
  for (let at = 0; at < slots.length; at++) {
    const answer = slots[at];
    if (answer !== undefined) {
      list[k++] = answer;
      slots[at] = undefined;
    }
  }
  return true;
}

/** The answers' order in an index input: regions' first, then innovations', by owner id, then indicator order. */
export function compareAnswers(indicators: readonly { readonly key: string }[]): (a: CollectedAnswer, b: CollectedAnswer) => number {
  const position = new Map(indicators.map((indicator, i) => [indicator.key, i]));
  return (a, b) =>
    Number(a.region == null) - Number(b.region == null) ||
    compareIds(a.region ?? a.innovation ?? '', b.region ?? b.innovation ?? '') ||
    (position.get(a.indicator) ?? Infinity) - (position.get(b.indicator) ?? Infinity) ||
    compareIds(a.indicator, b.indicator);
}
