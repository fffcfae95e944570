import type { IndexBand, IndexFramework, IndexGap, IndexIndicator, IndexOption, RegionAnswer } from '../../api/indexes';

/** The form logic of the index pages: which indicators a form shows, what is still missing, what a verification needs. */

export type AnswerScope = 'region' | 'innovation';

export interface VariableSection {
  aspect: IndexFramework['aspects'][number];
  variable: IndexFramework['aspects'][number]['variables'][number];
  indicators: IndexIndicator[];
}

/** The framework's variables holding indicators of `scope`, in framework order, each with only those indicators. */
export function sectionsOf(framework: IndexFramework, scope: AnswerScope): VariableSection[] {
  return framework.aspects.flatMap((aspect) =>
    aspect.variables.flatMap((variable) => {
      const indicators = variable.indicators.filter((i) => i.scope === scope);
      return indicators.length ? [{ aspect, variable, indicators }] : [];
    }),
  );
}

/** The API's field for an indicator's answer: `region.KEY` or `innovations.ID.KEY` (the completeness gaps use it). */
export const answerField = (indicator: string, innovationId: string | null) =>
  innovationId ? `innovations.${innovationId}.${indicator}` : `region.${indicator}`;

/** The answer to an indicator (of an innovation, or of the region when `innovationId` is null). */
export function answerOf(answers: readonly RegionAnswer[], indicator: string, innovationId: string | null): RegionAnswer | undefined {
  return answers.find((a) => a.indicator === indicator && (a.innovationId ?? null) === innovationId);
}

export interface Completeness {
  /** Indicators without an answer (or with an option the framework no longer has). */
  unanswered: IndexGap[];
  /** Answers lacking the document or link their option requires. */
  evidence: IndexGap[];
}

/** The completeness gaps split the way the coordinator reads them; `prefix` keeps one innovation's (`innovations.ID.`). */
export function completeness(gaps: readonly IndexGap[], prefix?: string): Completeness {
  const mine = prefix ? gaps.filter((g) => g.field.startsWith(prefix)) : gaps;
  return {
    unanswered: mine.filter((g) => g.code === 'unanswered' || g.code === 'unknown_option'),
    evidence: mine.filter((g) => g.code === 'evidence_document' || g.code === 'evidence_link'),
  };
}

/** The gaps of one answer field. */
export const gapsOf = (gaps: readonly IndexGap[], field: string) => gaps.filter((g) => g.field === field);

/** The option of a key, or undefined. */
export const optionOf = (indicator: IndexIndicator, key: string | null | undefined): IndexOption | undefined =>
  indicator.options?.find((o) => o.key === key);

/**
 * True when `verified` scores lower than the region's `self` option: the validator must then write a note
 * (the API refuses without one). Unknown keys are never "lower".
 */
export function isLowerOption(indicator: IndexIndicator, self: string | null | undefined, verified: string | null | undefined): boolean {
  const a = optionOf(indicator, self);
  const b = optionOf(indicator, verified);
  return a !== undefined && b !== undefined && b.score < a.score;
}

/** The region's verification progress as a whole percentage (0 when there is nothing to verify). */
export const progressPercent = (verified: number, answers: number) => (answers > 0 ? Math.floor((verified / answers) * 100) : 0);

/** A band label of the §4b output (its Indonesian text) in the reader's language, from the framework's bands. */
export function bandLabel(bands: readonly IndexBand[], band: string | null, lang: 'id' | 'en'): string | null {
  if (band === null) return null;
  return bands.find((b) => b.label.id === band)?.label[lang] ?? band;
}

/** A band's place, best first (0 = the highest minimum), for its colour. */
export function bandTier(bands: readonly IndexBand[], band: string | null): number {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const i = sorted.findIndex((b) => b.label.id === band);
  return i < 0 ? sorted.length : i;
}
