// What a region still has to do before its self-assessment goes to the validators (DOMAIN.md: "check
// completeness before submit, not after"): indicators left unanswered, answers naming no option of their
// indicator, and answers lacking the evidence their chosen option requires.

import { ValidationFailed } from '@app/kernel';
import { type DocumentKind, type FrameworkIndicator, type IndexFramework, frameworkIndicators } from './framework';
import { type IndexFieldError, RegionalIndexErrorCode, fieldError } from './regional-index.errors';

/** A region's answer as collected, with the evidence attached to it. */
export interface SelfAssessmentAnswer {
  readonly indicator: string;
  /** Set for a `region` indicator's answer. */
  readonly region?: string;
  /** Set for an `innovation` indicator's answer. */
  readonly innovation?: string;
  /** The chosen option; null or absent while unanswered. */
  readonly self?: string | null;
  readonly documents?: readonly { readonly kind: DocumentKind }[];
  readonly link?: string | null;
}

export interface SelfAssessment {
  readonly region: string;
  /** The region's innovations in this edition (each answers every `innovation` indicator). */
  readonly innovations: readonly string[];
  readonly answers: readonly SelfAssessmentAnswer[];
}

/**
 * Every gap, in framework order (region indicators first, then each innovation in the given order): field
 * `region.INDICATOR` or `innovations.ID.INDICATOR`; codes `unanswered`, `unknown_option`,
 * `evidence_document` (params `kinds`), `evidence_link`. Answers for other regions, other innovations or
 * unknown indicators are not this region's self-assessment and are ignored.
 */
export function selfAssessmentGaps(framework: IndexFramework, assessment: SelfAssessment): IndexFieldError[] {
  const indicators = frameworkIndicators(framework);
  const answers = new Map<string, SelfAssessmentAnswer>();
  for (const answer of assessment.answers) {
    const owner = answer.region !== undefined ? `region\u0000${answer.region}` : `innovation\u0000${answer.innovation}`;
    answers.set(`${owner}\u0000${answer.indicator}`, answer);
  }
  const gaps: IndexFieldError[] = [];
  for (const indicator of indicators.filter((x) => x.scope === 'region')) {
    gaps.push(...answerGaps(indicator, answers.get(`region\u0000${assessment.region}\u0000${indicator.key}`), `region.${indicator.key}`));
  }
  for (const innovation of assessment.innovations) {
    for (const indicator of indicators.filter((x) => x.scope === 'innovation')) {
      gaps.push(
        ...answerGaps(
          indicator,
          answers.get(`innovation\u0000${innovation}\u0000${indicator.key}`),
          `innovations.${innovation}.${indicator.key}`,
          innovation,
        ),
      );
    }
  }
  return gaps;
}

/** Throws 400 INDEX_SELF_ASSESSMENT_INCOMPLETE listing every gap. */
export function assertSelfAssessmentComplete(framework: IndexFramework, assessment: SelfAssessment): void {
  const gaps = selfAssessmentGaps(framework, assessment);
  if (gaps.length) throw new ValidationFailed(gaps, RegionalIndexErrorCode.SelfAssessmentIncomplete, 'The self-assessment is not complete');
}

function answerGaps(
  indicator: FrameworkIndicator,
  answer: SelfAssessmentAnswer | undefined,
  field: string,
  innovation?: string,
): IndexFieldError[] {
  const label = indicator.label;
  const params: Record<string, string> = innovation === undefined ? { indicator: indicator.key } : { indicator: indicator.key, innovation };
  const self = answer?.self;
  if (self === undefined || self === null || self === '') {
    return [
      fieldError(field, 'unanswered', params, {
        id: `Indikator "${label.id}" belum dijawab.`,
        en: `Indicator "${label.en}" is not answered.`,
      }),
    ];
  }
  const option = indicator.options?.find((o) => o.key === self);
  if (!option) {
    return [
      fieldError(
        field,
        'unknown_option',
        { ...params, option: self },
        { id: `"${self}" bukan pilihan indikator "${label.id}".`, en: `"${self}" is not an option of indicator "${label.en}".` },
      ),
    ];
  }
  const evidence = option.evidence;
  if (evidence.type === 'document' && !answer!.documents?.some((d) => evidence.kinds.includes(d.kind))) {
    const kinds = evidence.kinds.join(', ');
    return [
      fieldError(
        field,
        'evidence_document',
        { ...params, option: option.key, kinds },
        {
          id: `Pilihan "${option.guidance.id}" pada indikator "${label.id}" memerlukan bukti dukung berupa dokumen (${kinds}).`,
          en: `Option "${option.guidance.en}" of indicator "${label.en}" needs an evidence document (${kinds}).`,
        },
      ),
    ];
  }
  if (evidence.type === 'link' && !isWebLink(answer!.link)) {
    return [
      fieldError(
        field,
        'evidence_link',
        { ...params, option: option.key },
        {
          id: `Pilihan "${option.guidance.id}" pada indikator "${label.id}" memerlukan tautan (http/https) sebagai bukti dukung.`,
          en: `Option "${option.guidance.en}" of indicator "${label.en}" needs a web link (http/https) as evidence.`,
        },
      ),
    ];
  }
  return [];
}

/** An absolute http(s) URL with a host. */
export function isWebLink(link: unknown): boolean {
  if (typeof link !== 'string') return false;
  try {
    const url = new URL(link.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
