import type { LocalizedText } from '@app/kernel';

export const INNOVATION_PHASES = ['inisiatif', 'uji_coba', 'penerapan'] as const;
export type InnovationPhase = (typeof INNOVATION_PHASES)[number];

/** The OPD-written content of an innovation; anything may still be missing while it is a draft. */
export interface InnovationProfile {
  title?: string | null;
  summary?: string | null;
  /** Category key of the competition plan. */
  category?: string | null;
  phase?: InnovationPhase | null;
  digital?: boolean | null;
  /** Urusan pemerintahan, e.g. "kesehatan". */
  governmentAffair?: string | null;
  /** When the innovation was first put in use (YYYY-MM-DD). */
  startDate?: string | null;
  problem?: string | null;
  approach?: string | null;
  results?: string | null;
  replicability?: string | null;
  sustainability?: string | null;
  /** Proposal section texts by section key. */
  sections?: Record<string, string | null | undefined>;
}

export type ProfileField = Exclude<keyof InnovationProfile, 'sections'>;

/** The proposal form as the competition plan defines it (structurally the competitions context's `ProposalForm`). */
export interface ProposalFormView {
  sections: readonly { key: string; label: LocalizedText; required: boolean; maxWords: number }[];
}

/** Required profile fields, in form order, with their labels. */
export const PROFILE_FIELDS: readonly { key: ProfileField; label: LocalizedText }[] = [
  { key: 'title', label: { id: 'Judul inovasi', en: 'Innovation title' } },
  { key: 'summary', label: { id: 'Ringkasan', en: 'Summary' } },
  { key: 'category', label: { id: 'Kategori', en: 'Category' } },
  { key: 'phase', label: { id: 'Tahapan inovasi', en: 'Innovation phase' } },
  { key: 'digital', label: { id: 'Jenis inovasi (digital/non-digital)', en: 'Digital or non-digital' } },
  { key: 'governmentAffair', label: { id: 'Urusan pemerintahan', en: 'Government affair' } },
  { key: 'startDate', label: { id: 'Tanggal mulai diterapkan', en: 'Implementation start date' } },
  { key: 'problem', label: { id: 'Permasalahan', en: 'Problem' } },
  { key: 'approach', label: { id: 'Pendekatan', en: 'Approach' } },
  { key: 'results', label: { id: 'Hasil dan dampak', en: 'Results and impact' } },
  { key: 'replicability', label: { id: 'Kemampuan replikasi', en: 'Replicability' } },
  { key: 'sustainability', label: { id: 'Keberlanjutan', en: 'Sustainability' } },
];

export function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}
