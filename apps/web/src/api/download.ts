import { authFetch } from './client';
import { ApiError } from './errors';

/** A document's bytes, fetched with the session's token (renewed on a 401 like every other call). */
export async function fetchDocument(id: string): Promise<Blob> {
  const res = await authFetch(new Request(new URL(`/api/documents/${encodeURIComponent(id)}`, globalThis.location.origin))).catch((e: unknown) => {
    throw ApiError.network(e);
  });
  if (!res.ok) throw await ApiError.fromResponse(res);
  return res.blob();
}

/** Documents need the bearer token, so a plain link cannot fetch them: fetch, then save the blob. */
export async function downloadDocument(id: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchDocument(id));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The web app's page of a document (`/dokumen/:id?name=…`): the link a document list gives, so that opening
 * it in a new tab works too — that page fetches it with the session's token and shows it.
 */
export const documentPagePath = (id: string, fileName: string) => `/dokumen/${encodeURIComponent(id)}?name=${encodeURIComponent(fileName)}`;
