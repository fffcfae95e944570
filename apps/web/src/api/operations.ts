import { api, call } from './client';
import type { components } from './schema';

export type Operation = components['schemas']['OperationView'];
/** What an export route answers: the file the operation kept, at `href`. */
export type OperationFile = components['schemas']['OperationFileView'];

/** The file an export operation made (GET /api/operations/{id}/file). */
export const operationFilePath = (id: string) => `/api/operations/${encodeURIComponent(id)}/file`;

/** The header a long route takes (an id the client generated) and answers with: see GET /api/operations/{id}. */
export const OPERATION_HEADER = 'X-Operation-Id';

/** A v4 UUID; crypto.randomUUID only exists in secure contexts (an intranet server over http is not one). */
export function newOperationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The header that names a request's operation (none: the server makes up an id). */
export const operationHeader = (operationId: string | undefined): Record<string, string> =>
  operationId ? { [OPERATION_HEADER]: operationId } : {};

export const getOperation = (id: string) => call(api.GET('/api/operations/{id}', { params: { path: { id } } }));
