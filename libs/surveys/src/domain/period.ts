import { Conflict, ValidationFailed } from '@app/kernel';
import { SurveyErrorCode } from './surveys.errors';
import type { IkmResult } from './ikm';

export interface PeriodWindow {
  opensAt: Date;
  closesAt: Date;
}

export function assertWindow(w: PeriodWindow): void {
  if (!(w.opensAt.getTime() < w.closesAt.getTime()))
    throw new ValidationFailed([{ field: 'closesAt', message: 'must be after opensAt' }], SurveyErrorCode.PeriodInvalid);
}

/** The public form takes responses only while the period is open: [opensAt, closesAt). */
export function assertAcceptsResponses(w: PeriodWindow, now: Date): void {
  if (now.getTime() < w.opensAt.getTime())
    throw new Conflict(SurveyErrorCode.PeriodNotOpen, 'This survey period has not opened yet', { opensAt: w.opensAt.toISOString() });
  if (now.getTime() >= w.closesAt.getTime())
    throw new Conflict(SurveyErrorCode.PeriodClosed, 'This survey period has closed', { closesAt: w.closesAt.toISOString() });
}

/**
 * Evidence of impact: the "before" period must end by the innovation's start date and the "after" one
 * start on or after it (dates compared in UTC, start date as YYYY-MM-DD at 00:00).
 */
export function assertBeforeAfter(startDate: string | null, before: PeriodWindow, after: PeriodWindow): void {
  if (!startDate)
    throw new ValidationFailed(
      [{ field: 'innovation.startDate', message: 'the innovation needs a start date to compare before and after' }],
      SurveyErrorCode.EvidenceInvalid,
    );
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const fields = [];
  if (before.closesAt.getTime() > start + 86_400_000)
    fields.push({ field: 'beforePeriodId', message: `must close by the innovation's start date ${startDate}` });
  if (after.opensAt.getTime() < start)
    fields.push({ field: 'afterPeriodId', message: `must open on or after the innovation's start date ${startDate}` });
  if (fields.length) throw new ValidationFailed(fields, SurveyErrorCode.EvidenceInvalid, 'The periods do not straddle the start date');
}

/** What a comparison needs of an {@link IkmResult}. */
export interface IkmSummary {
  ikm: IkmResult['ikm'];
  elements: readonly { key: string; converted: number | null }[];
}

export interface ElementChange {
  key: string;
  before: number | null;
  after: number | null;
  /** after − before on the 25–100 scale, rounded to 2 places; null when either side has no responses. */
  change: number | null;
}

/** Per element and overall, the converted value before and after. */
export function compareIkm(
  before: IkmSummary,
  after: IkmSummary,
): { ikm: { before: number | null; after: number | null; change: number | null }; elements: ElementChange[] } {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 100) / 100);
  return {
    ikm: { before: before.ikm, after: after.ikm, change: diff(before.ikm, after.ikm) },
    elements: before.elements.map((e, i) => ({
      key: e.key,
      before: e.converted,
      after: after.elements[i].converted,
      change: diff(e.converted, after.elements[i].converted),
    })),
  };
}
