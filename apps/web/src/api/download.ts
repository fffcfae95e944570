import { authFetch } from './client';
import { ApiError } from './errors';

/** The bytes at an API path, fetched with the session's token (renewed on a 401 like every other call). */
export async function fetchFile(path: string): Promise<Blob> {
  const res = await authFetch(new Request(new URL(path, globalThis.location.origin))).catch((e: unknown) => {
    throw ApiError.network(e);
  });
  if (!res.ok) throw await ApiError.fromResponse(res);
  return res.blob();
}

/** A document's bytes. */
export const fetchDocument = (id: string): Promise<Blob> => fetchFile(`/api/documents/${encodeURIComponent(id)}`);

/** Documents need the bearer token, so a plain link cannot fetch them: fetch, then save the blob. */
export async function downloadDocument(id: string, fileName: string): Promise<void> {
  await saveFile(`/api/documents/${encodeURIComponent(id)}`, fileName);
}

/** Fetches an API path with the session's token and saves it under `fileName`. */
export async function saveFile(path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchFile(path));
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
