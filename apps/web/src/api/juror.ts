import { api, callAs } from './client';
import type { components } from './schema';
import type { DocumentInfo, Innovation } from './types';

/** The juror's API (GET /api/assignments/mine, the score sheet, conflicts); the document types none of these answers. */

type Text = { id: string; en: string };
export type SheetStatus = 'not_started' | 'draft' | 'submitted';

export interface Assignment {
  id: string;
  competitionId: string;
  competitionName: string;
  stage: string;
  stageStatus: 'scheduled' | 'open' | 'closed';
  dueAt: string | null;
  innovationId: string;
  title: string;
  category: string;
  sheetStatus: SheetStatus;
  version: number;
}

export interface Progress {
  total: number;
  submitted: number;
  draft: number;
  notStarted: number;
  complete: boolean;
}

export interface Criterion {
  key: string;
  label: Text;
  weight: number;
  min: number;
  max: number;
  guidance: Text;
}

export interface Sheet {
  status: SheetStatus;
  scores: Record<string, number>;
  comment: string | null;
  version: number;
  submittedAt: string | null;
  noConflictConfirmedAt: string | null;
}

/** GET /api/assignments/:id/sheet: the assignment, the dossier, the rubric and the juror's own sheet. */
export interface SheetView {
  assignment: { id: string; stage: string; stageLabel: Text; dueAt: string | null; stageStatus?: 'scheduled' | 'open' | 'closed' };
  innovation: Innovation;
  documents: DocumentInfo[];
  rubric: Criterion[];
  sheet: Sheet;
}

export interface SheetSave {
  scores: Record<string, unknown>;
  comment?: string;
  version?: number;
  confirmNoConflict?: boolean;
}

const path = (id: string) => ({ params: { path: { id } } });

export const myAssignments = () => callAs<{ progress: Progress; items: Assignment[] }>(api.GET('/api/assignments/mine'));
export const sheetOf = (assignmentId: string) => callAs<SheetView>(api.GET('/api/assignments/{id}/sheet', path(assignmentId)));
/** `scores` may hold a non-number the juror typed: the API names it in its 400 (the document types the map without values). */
export const saveSheet = (assignmentId: string, body: SheetSave) =>
  callAs<Sheet>(api.PUT('/api/assignments/{id}/sheet', { ...path(assignmentId), body: body as components['schemas']['SaveSheetDto'] }));
export const submitSheet = (assignmentId: string, version: number) => callAs<Sheet>(api.POST('/api/assignments/{id}/sheet/submit', { ...path(assignmentId), body: { version } }));
export const declareConflict = (innovationId: string, reason: string) =>
  callAs<{ innovationId: string; declared: boolean }>(api.POST('/api/innovations/{id}/conflicts', { ...path(innovationId), body: reason.trim() ? { reason } : {} }));
