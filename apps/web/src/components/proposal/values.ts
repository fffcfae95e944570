import type { Innovation, InnovationUpdate } from '../../api/types';
import type { MessageKey } from '../../i18n/dictionary';

export const PHASES = ['inisiatif', 'uji_coba', 'penerapan'] as const satisfies readonly NonNullable<InnovationUpdate['phase']>[];
type Phase = (typeof PHASES)[number];

/** What the form edits, as strings for controlled inputs ('' = not filled in). */
export interface ProposalValues {
  title: string;
  summary: string;
  phase: Phase | '';
  digital: 'yes' | 'no' | '';
  governmentAffair: string;
  startDate: string;
  problem: string;
  approach: string;
  results: string;
  replicability: string;
  sustainability: string;
  sections: Record<string, string>;
}

type TextKey = 'title' | 'summary' | 'governmentAffair' | 'problem' | 'approach' | 'results' | 'replicability' | 'sustainability';

/**
 * The profile fields in form order. The API requires all of them before submit (its completeness check);
 * the form only marks them — the rule itself stays in the API.
 */
export const PROFILE_FIELDS: readonly {
  key: keyof Omit<ProposalValues, 'sections'>;
  label: MessageKey;
  kind: 'line' | 'text' | 'date' | 'phase' | 'digital';
  hint?: MessageKey;
}[] = [
  { key: 'title', label: 'form.title', kind: 'line' },
  { key: 'summary', label: 'form.summary', kind: 'text' },
  { key: 'phase', label: 'form.phase', kind: 'phase' },
  { key: 'digital', label: 'form.digital', kind: 'digital' },
  { key: 'governmentAffair', label: 'form.governmentAffair', kind: 'line', hint: 'form.governmentAffair.hint' },
  { key: 'startDate', label: 'form.startDate', kind: 'date' },
  { key: 'problem', label: 'form.problem', kind: 'text' },
  { key: 'approach', label: 'form.approach', kind: 'text' },
  { key: 'results', label: 'form.results', kind: 'text' },
  { key: 'replicability', label: 'form.replicability', kind: 'text' },
  { key: 'sustainability', label: 'form.sustainability', kind: 'text' },
];

/** What toValues reads: an innovation, or a public catalogue page (which has no proposal sections). */
export type ProfileSource = Pick<Innovation, 'title' | TextKey | 'phase' | 'digital' | 'startDate'> & { sections?: Innovation['sections'] };

export function toValues(i: ProfileSource): ProposalValues {
  const text = (k: TextKey) => i[k] ?? '';
  return {
    title: i.title,
    summary: text('summary'),
    phase: i.phase ?? '',
    digital: i.digital === true ? 'yes' : i.digital === false ? 'no' : '',
    governmentAffair: text('governmentAffair'),
    startDate: i.startDate ?? '',
    problem: text('problem'),
    approach: text('approach'),
    results: text('results'),
    replicability: text('replicability'),
    sustainability: text('sustainability'),
    sections: { ...i.sections },
  };
}

/** The PATCH body: every field as typed, except choices not made yet (the API has no "unset" for those). */
export function toUpdate(v: ProposalValues, version: number): InnovationUpdate {
  return {
    title: v.title,
    summary: v.summary,
    governmentAffair: v.governmentAffair,
    problem: v.problem,
    approach: v.approach,
    results: v.results,
    replicability: v.replicability,
    sustainability: v.sustainability,
    sections: v.sections,
    ...(v.phase ? { phase: v.phase } : {}),
    ...(v.digital ? { digital: v.digital === 'yes' } : {}),
    ...(v.startDate ? { startDate: v.startDate } : {}),
    version,
  };
}

/** Words as the API counts them: whitespace-separated tokens with a letter or digit (display only). */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
