import { ValidationFailed } from '../domain/domain-error';

export interface MultipartRequest<F> {
  isMultipart?: () => boolean;
  file?: () => Promise<F | undefined>;
}

/**
 * The first file of a multipart request (undefined when the request is not multipart or has no file). A body
 * the multipart parser cannot read (no boundary, a broken part header) is the client's error: a 400 naming
 * the field, not a 500. The parser's own limit errors keep their status (413).
 */
export async function firstFile<F>(req: MultipartRequest<F>): Promise<F | undefined> {
  if (!req.isMultipart?.()) return undefined;
  try {
    return await req.file!();
  } catch (err) {
    throw multipartError(err);
  }
}

/** The multipart parser's failure as the API's error: its limit errors keep their status, the rest is a 400. */
export function multipartError(err: unknown): unknown {
  if (typeof (err as { statusCode?: unknown } | null)?.statusCode === 'number' || err instanceof ValidationFailed) return err;
  return new ValidationFailed([{ field: 'file', message: `the multipart body cannot be read (${String((err as Error)?.message ?? err).replace(/^Multipart: /, '')})` }], 'MULTIPART_MALFORMED', 'The upload is not a valid multipart form');
}
