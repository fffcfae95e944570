import { authFetch } from './client';
import { ApiError } from './errors';

/** Documents need the bearer token, so a plain link cannot fetch them: fetch, then save the blob. */
export async function downloadDocument(id: string, fileName: string): Promise<void> {
  const res = await authFetch(new Request(new URL(`/api/documents/${encodeURIComponent(id)}`, globalThis.location.origin))).catch((e: unknown) => {
    throw ApiError.network(e);
  });
  if (!res.ok) throw await ApiError.fromResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
