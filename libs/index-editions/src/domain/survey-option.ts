// The index's survey indicator answered from a linked satisfaction-survey period (issue 22): the option follows
// from the data (the period's IKM and quality grade, and a period before the innovation), not from a claim.

/** What a linked survey period says (grades A–D of Permenpan RB 14/2017, as libs/surveys computes them). */
export interface SurveyFacts {
  /** Counted responses of the period. */
  responses: number;
  /** IKM 25–100, null without responses. */
  ikm: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
  /** The IKM of a period before the innovation, when one is linked. */
  beforeIkm?: number | null;
}

/**
 * When each option of the default framework's `survei_kepuasan` indicator holds. An indicator is answerable
 * from survey data when every one of its options is named here (an organizer's own framework may keep or drop
 * options; one with an option not named here is answered by hand).
 */
export const SURVEY_OPTION_RULES: Readonly<Record<string, (f: SurveyFacts) => boolean>> = {
  tidak_ada: () => true,
  survei: (f) => f.responses > 0,
  ikm_baik: (f) => f.grade === 'A' || f.grade === 'B',
  ikm_meningkat: (f) => f.grade === 'A' || (f.ikm !== null && f.beforeIkm !== undefined && f.beforeIkm !== null && f.ikm > f.beforeIkm),
};

interface ScoredOption {
  readonly key: string;
  readonly score: number;
}

export function isSurveyIndicator(indicator: { scope: string; options?: readonly ScoredOption[] }): boolean {
  return (
    indicator.scope === 'innovation' &&
    !!indicator.options?.length &&
    indicator.options.every((o) => Object.hasOwn(SURVEY_OPTION_RULES, o.key))
  );
}

/** The highest-scoring option whose rule the facts meet; null when none does (or the indicator is not a survey one). */
export function surveyOption(options: readonly ScoredOption[], facts: SurveyFacts): string | null {
  let best: ScoredOption | null = null;
  for (const o of options) {
    const holds = SURVEY_OPTION_RULES[o.key];
    if (!holds) return null;
    if (holds(facts) && (!best || o.score > best.score)) best = o;
  }
  return best?.key ?? null;
}
