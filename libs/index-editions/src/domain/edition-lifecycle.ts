// An index edition's life (DOMAIN.md "The regional innovation index"): the organizer edits the framework while
// it is a draft, opens the regions' self-assessment, then the validators' verification, then closes it.
// Publication is a snapshot of a verification or a closed edition, any number of times (v1, v2 …).

import { Conflict, type LocalizedText } from '@app/kernel';

export const EDITION_STATUSES = ['draft', 'self_assessment', 'verification', 'closed'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** The next status from each one: the only moves there are. */
export const NEXT_STATUS: Readonly<Record<EditionStatus, EditionStatus | null>> = {
  draft: 'self_assessment',
  self_assessment: 'verification',
  verification: 'closed',
  closed: null,
};

/** Region kinds an edition may rank as categories. */
export const EDITION_CATEGORIES = ['provinsi', 'kabupaten', 'kota'] as const;
export type EditionCategory = (typeof EDITION_CATEGORIES)[number];

/** Stable error codes of the index editions context. */
export const IndexEditionErrorCode = {
  NotFound: 'INDEX_EDITION_NOT_FOUND',
  SlugTaken: 'INDEX_EDITION_SLUG_TAKEN',
  IllegalTransition: 'INDEX_EDITION_ILLEGAL_TRANSITION',
  FrameworkFrozen: 'INDEX_FRAMEWORK_FROZEN',
  FrameworkAnswered: 'INDEX_FRAMEWORK_ANSWERED',
  SelfAssessmentClosed: 'INDEX_SELF_ASSESSMENT_CLOSED',
  AlreadySubmitted: 'INDEX_SELF_ASSESSMENT_SUBMITTED',
  VerificationClosed: 'INDEX_VERIFICATION_CLOSED',
  NotPublishable: 'INDEX_NOT_PUBLISHABLE',
  RegionNotFound: 'INDEX_REGION_NOT_FOUND',
  InnovationNotFound: 'INDEX_INNOVATION_NOT_FOUND',
  AnswerNotFound: 'INDEX_ANSWER_NOT_FOUND',
  InnovationReported: 'INDEX_INNOVATION_ALREADY_REPORTED',
  NotPublished: 'INDEX_NOT_PUBLISHED',
  Invalid: 'INDEX_INVALID',
} as const;

const STATUS_LABEL: Record<EditionStatus, LocalizedText> = {
  draft: { id: 'draf', en: 'draft' },
  self_assessment: { id: 'penilaian mandiri', en: 'self-assessment' },
  verification: { id: 'verifikasi', en: 'verification' },
  closed: { id: 'ditutup', en: 'closed' },
};

/** A 409 with the message in both languages (`details.messages`) and the statuses as parameters. */
export function editionConflict(code: string, messages: LocalizedText, params: Record<string, unknown> = {}): Conflict {
  return new Conflict(code, messages.en, { ...params, messages });
}

/** Throws 409 INDEX_EDITION_ILLEGAL_TRANSITION unless `to` is the status after `from`. */
export function assertTransition(from: EditionStatus, to: EditionStatus): void {
  if (NEXT_STATUS[from] === to) return;
  throw editionConflict(
    IndexEditionErrorCode.IllegalTransition,
    {
      id: `Edisi berstatus ${STATUS_LABEL[from].id} tidak dapat berpindah ke ${STATUS_LABEL[to].id}.`,
      en: `An edition in ${STATUS_LABEL[from].en} cannot move to ${STATUS_LABEL[to].en}.`,
    },
    { from, to, allowed: NEXT_STATUS[from] },
  );
}

/** The framework is configuration until the regions start answering it: 409 INDEX_FRAMEWORK_FROZEN after draft. */
export function assertFrameworkEditable(status: EditionStatus): void {
  if (status !== 'draft')
    throw editionConflict(
      IndexEditionErrorCode.FrameworkFrozen,
      {
        id: 'Kerangka indeks tidak dapat diubah setelah penilaian mandiri dibuka.',
        en: 'The framework cannot change once the self-assessment has opened.',
      },
      { status },
    );
}

/**
 * Regions and OPDs write answers only while the self-assessment is open: the status is `self_assessment` and
 * its window (when set) has not closed. 409 INDEX_SELF_ASSESSMENT_CLOSED otherwise.
 */
export function assertSelfAssessmentOpen(status: EditionStatus, closesAt: Date | null, now: Date): void {
  if (status === 'self_assessment' && (!closesAt || closesAt > now)) return;
  throw editionConflict(
    IndexEditionErrorCode.SelfAssessmentClosed,
    { id: 'Penilaian mandiri tidak sedang dibuka.', en: 'The self-assessment is not open.' },
    { status, closesAt },
  );
}

/** Validators write only while verification is open (and its window, when set, has not closed). */
export function assertVerificationOpen(status: EditionStatus, closesAt: Date | null, now: Date): void {
  if (status === 'verification' && (!closesAt || closesAt > now)) return;
  throw editionConflict(
    IndexEditionErrorCode.VerificationClosed,
    { id: 'Verifikasi tidak sedang dibuka.', en: 'Verification is not open.' },
    { status, closesAt },
  );
}

/** A snapshot is published from verification or a closed edition. */
export function assertPublishable(status: EditionStatus): void {
  if (status === 'verification' || status === 'closed') return;
  throw editionConflict(
    IndexEditionErrorCode.NotPublishable,
    {
      id: 'Hasil indeks baru dapat diterbitkan setelah verifikasi dibuka.',
      en: 'Index results can be published once verification has opened.',
    },
    { status },
  );
}

/** Options of an indicator in score order, for "a lower verified option needs a note". */
export function isLowerOption(options: readonly { key: string; score: number }[], self: string, verified: string): boolean {
  const score = (key: string) => options.find((o) => o.key === key)?.score ?? 0;
  return score(verified) < score(self);
}

/**
 * An edit may not remove an indicator or an option that regions have answered (their self or verified option):
 * 409 INDEX_FRAMEWORK_ANSWERED naming them. The framework freezes when the self-assessment opens, before any
 * answer can exist, so this guards answers that reach a draft another way (an import, a repaired row).
 */
export function assertNoAnsweredRemovals(
  removed: { indicators: readonly string[]; options: readonly string[] },
  answered: readonly { indicator: string; option: string }[],
): void {
  const indicators = new Set(removed.indicators);
  const options = new Set(removed.options);
  const inUse = [
    ...new Set(
      answered.flatMap((a) =>
        indicators.has(a.indicator) ? [a.indicator] : options.has(`${a.indicator}.${a.option}`) ? [`${a.indicator}.${a.option}`] : [],
      ),
    ),
  ].sort();
  if (inUse.length)
    throw editionConflict(
      IndexEditionErrorCode.FrameworkAnswered,
      {
        id: `Indikator atau pilihan yang sudah dijawab daerah tidak dapat dihapus: ${inUse.join(', ')}.`,
        en: `Indicators or options that regions have answered cannot be removed: ${inUse.join(', ')}.`,
      },
      { answered: inUse },
    );
}
