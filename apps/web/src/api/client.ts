import createClient from 'openapi-fetch';
import { createAuthFetch, SessionStore, type Fetch } from '../auth/session';
import { ApiError, loadErrorCatalog } from './errors';
import { apiLanguage } from './language';
import type { paths } from './schema';

const origin = globalThis.location?.origin ?? 'http://localhost';
/** Looked up on each call, so tests can stub the global fetch; asks for the API's messages in the user's language. */
const send: Fetch = (request) => {
  request.headers.set('accept-language', apiLanguage());
  return globalThis.fetch(request);
};

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const session = new SessionStore(storage(), createClient<paths>({ baseUrl: origin, fetch: send }));
export const authFetch = createAuthFetch(session, send);
/** The typed client: paths, parameters and bodies come from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: origin, fetch: authFetch });

interface Answer {
  error?: unknown;
  response: Response;
}

async function settle<R extends Answer>(pending: Promise<R>): Promise<R> {
  let result: R;
  try {
    result = await pending;
  } catch (err) {
    throw ApiError.network(err);
  }
  if (!result.response.ok) {
    await loadErrorCatalog().catch(() => undefined);
    throw ApiError.fromBody(result.response.status, result.error);
  }
  return result;
}

/** The response's data as the OpenAPI document types it; throws ApiError on a non-2xx answer. */
export async function call<R extends Answer & { data?: unknown }>(pending: Promise<R>): Promise<NonNullable<R['data']>> {
  return (await settle(pending)).data as NonNullable<R['data']>;
}

/** For the responses the document leaves untyped or mistypes (see api/types.ts): the caller names the type. */
export async function callAs<T>(pending: Promise<Answer>): Promise<T> {
  return ((await settle(pending)) as Answer & { data?: unknown }).data as T;
}

/** POST a CSV file as a text/csv body (the imports: all rows or none; a refused file answers 400 with details.errors). */
export async function postCsv<T>(path: string, csv: string, headers: Record<string, string> = {}): Promise<T> {
  const request = new Request(new URL(path, origin), { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: csv });
  const res = await authFetch(request).catch((e: unknown) => {
    throw ApiError.network(e);
  });
  if (!res.ok) throw await ApiError.fromResponse(res);
  return (await res.json()) as T;
}
