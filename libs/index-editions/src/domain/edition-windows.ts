// An index edition's windows (self-assessment, verification) and how an organizer moves them after the edition
// is created: like a competition's stage deadlines (libs/competitions, plan-diff), a window whose phase is over
// is history and is not rewritten, the windows stay in order, and every move is audited with its reason.

import type { FieldError, LocalizedText } from '@app/kernel';
import { editionConflict, type EditionStatus } from './edition-lifecycle';

/** The edition's window fields in time order: each must not be before the one listed before it. */
export const WINDOW_FIELDS = ['selfAssessmentOpensAt', 'selfAssessmentClosesAt', 'verificationOpensAt', 'verificationClosesAt'] as const;
export type WindowField = (typeof WINDOW_FIELDS)[number];
export type EditionWindows = Record<WindowField, Date | null>;

/** The phase a window field belongs to. */
export type WindowPhase = 'self_assessment' | 'verification';
export const WINDOW_PHASE: Readonly<Record<WindowField, WindowPhase>> = {
  selfAssessmentOpensAt: 'self_assessment',
  selfAssessmentClosesAt: 'self_assessment',
  verificationOpensAt: 'verification',
  verificationClosesAt: 'verification',
};

/** A moved window field, for the audit log and the notifications. */
export interface WindowMove {
  field: WindowField;
  phase: WindowPhase;
  from: Date | null;
  to: Date | null;
}

const ORDER = ['draft', 'self_assessment', 'verification', 'closed'] as const satisfies readonly EditionStatus[];
const PHASE_LABEL: Record<WindowPhase, LocalizedText> = {
  self_assessment: { id: 'penilaian mandiri', en: 'self-assessment' },
  verification: { id: 'verifikasi', en: 'verification' },
};

export const WindowErrorCode = {
  WindowClosed: 'INDEX_WINDOW_CLOSED',
  WindowsOutOfOrder: 'INDEX_WINDOWS_OUT_OF_ORDER',
} as const;

/** Pairs of window fields that are out of order (a later one before an earlier one), as field errors on the later. */
export function windowOrderProblems(windows: EditionWindows): FieldError[] {
  const set = WINDOW_FIELDS.filter((f) => windows[f] !== null);
  const problems: FieldError[] = [];
  set.forEach((later, i) => {
    const earlier = set.slice(0, i).find((f) => windows[f]!.getTime() > windows[later]!.getTime());
    if (earlier) problems.push({ field: later, message: `must not be before ${earlier}` });
  });
  return problems;
}

/**
 * The moves from `before` to `after` an edition in `status` accepts, in field order. 409 INDEX_WINDOW_CLOSED when
 * a move rewrites a phase that has ended (the self-assessment once verification opened, verification once the
 * edition closed) or the start of a phase that has begun; 409 INDEX_WINDOWS_OUT_OF_ORDER when the result would
 * overlap or be out of order. A phase's close may move while it is open, also after its old deadline passed
 * (an extension), as a competition's open stage's deadline may.
 */
export function planWindowMoves(status: EditionStatus, before: EditionWindows, after: EditionWindows): WindowMove[] {
  const moves = WINDOW_FIELDS.filter((f) => before[f]?.getTime() !== after[f]?.getTime()).map((field): WindowMove => ({
    field,
    phase: WINDOW_PHASE[field],
    from: before[field],
    to: after[field],
  }));
  const reached = (phase: WindowPhase) => ORDER.indexOf(status) >= ORDER.indexOf(phase);
  const ended = (phase: WindowPhase) => ORDER.indexOf(status) > ORDER.indexOf(phase);
  const history = moves.filter((m) => ended(m.phase) || (reached(m.phase) && m.field.endsWith('OpensAt')));
  if (history.length) {
    const phases = [...new Set(history.map((m) => m.phase))];
    const names = (lang: 'id' | 'en') => phases.map((p) => PHASE_LABEL[p][lang]).join(lang === 'id' ? ' dan ' : ' and ');
    throw editionConflict(
      WindowErrorCode.WindowClosed,
      {
        id: `Jadwal ${names('id')} sudah dimulai atau berakhir; yang sudah lewat tidak diubah (${history.map((m) => m.field).join(', ')}).`,
        en: `The ${names('en')} window has begun or ended; its past is not rewritten (${history.map((m) => m.field).join(', ')}).`,
      },
      { windows: history.map((m) => m.field) },
    );
  }
  const order = windowOrderProblems(after);
  if (order.length)
    throw editionConflict(
      WindowErrorCode.WindowsOutOfOrder,
      {
        id: `Jadwal akan tumpang tindih atau tidak berurutan (${order.map((p) => p.field).join(', ')}): penilaian mandiri dibuka lalu ditutup, kemudian verifikasi dibuka lalu ditutup.`,
        en: `The windows would overlap or be out of order (${order.map((p) => p.field).join(', ')}): the self-assessment opens then closes, then verification opens then closes.`,
      },
      { windows: order.map((p) => p.field) },
    );
  return moves;
}
