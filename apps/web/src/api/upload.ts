import { session } from './client';
import { ApiError, loadErrorCatalog } from './errors';
import { apiLanguage } from './language';
import type { DocumentInfo } from './types';

function send(
  url: string,
  file: File,
  token: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept-language', apiLanguage());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => reject(ApiError.network(new Error('upload failed')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * POSTs a file as multipart `file` to an API path with upload progress (fetch cannot report it), renewing the
 * session on a 401 like every other call. 413 and 415 come back as ApiError with the API's message.
 */
export async function uploadFile<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const token = session.session?.accessToken;
  let res = await send(url, file, token, onProgress);
  if (res.status === 401 && token && (await session.renew(token))) res = await send(url, file, session.session?.accessToken, onProgress);
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    /* keep the text */
  }
  if (res.status < 200 || res.status >= 300) {
    await loadErrorCatalog().catch(() => undefined);
    throw ApiError.fromBody(res.status, body);
  }
  return body as T;
}

/** POST /api/innovations/:id/documents with upload progress. */
export const uploadEvidence = (innovationId: string, file: File, onProgress: (fraction: number) => void): Promise<DocumentInfo> =>
  uploadFile<DocumentInfo>(`/api/innovations/${encodeURIComponent(innovationId)}/documents`, file, onProgress);
