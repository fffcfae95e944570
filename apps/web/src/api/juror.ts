import { api, call } from './client';
import type { SheetSave } from './schemas';

/** The juror's API: GET /api/assignments/mine, the score sheet, conflicts (answers typed by the OpenAPI document). */
export type { Assignment, Criterion, ProgressCounts as Progress, Sheet, SheetDetail as SheetView, SheetSave, SheetStatus } from './schemas';

const path = (id: string) => ({ params: { path: { id } } });

export const myAssignments = (page = 1) => call(api.GET('/api/assignments/mine', { params: { query: { page } } }));
export const sheetOf = (assignmentId: string) => call(api.GET('/api/assignments/{id}/sheet', path(assignmentId)));
/** `scores` may hold a non-number the juror typed: the API names it in its 400. */
export const saveSheet = (assignmentId: string, body: SheetSave) =>
  call(api.PUT('/api/assignments/{id}/sheet', { ...path(assignmentId), body }));
export const submitSheet = (assignmentId: string, version: number) =>
  call(api.POST('/api/assignments/{id}/sheet/submit', { ...path(assignmentId), body: { version } }));
export const declareConflict = (innovationId: string, reason: string) =>
  call(api.POST('/api/innovations/{id}/conflicts', { ...path(innovationId), body: reason.trim() ? { reason } : {} }));
