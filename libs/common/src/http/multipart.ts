import { ValidationFailed } from '@app/kernel';

/** A part of a multipart body as @fastify/multipart yields it: files carry a stream, text fields a value. */
export interface MultipartPart {
  type?: 'file' | 'field';
  fieldname: string;
  file?: { resume(): unknown };
}

export interface MultipartRequest<F extends MultipartPart> {
  isMultipart?: () => boolean;
  parts?: () => AsyncIterableIterator<F | MultipartPart>;
}

/**
 * The one file of an upload, with `rest()`: call it once the file's stream has been read to its end; it reads
 * the rest of the body and refuses it (400) when another file follows.
 */
export type SoleFile<F> = F & { rest(): Promise<void> };

/** The documented multipart field of every upload (evidence, field-visit photos, CSV imports). */
export const UPLOAD_FIELD = 'file';

const isFile = (p: MultipartPart): boolean => (p.type ?? (p.file ? 'file' : 'field')) === 'file';

/**
 * The file of a multipart request, which must come in the field `field` and alone (undefined when the request
 * is not multipart or has no file). A file under another field name is a 400 naming the field, and so is a
 * second file (seen by `rest()`, since the parts arrive in order); text fields are ignored. A body the
 * multipart parser cannot read (no boundary, a broken part header) is the client's error: a 400 naming the
 * field, not a 500. The parser's own limit errors keep their status (413).
 */
export async function soleFile<F extends MultipartPart>(req: MultipartRequest<F>, field = UPLOAD_FIELD): Promise<SoleFile<F> | undefined> {
  if (!req.isMultipart?.()) return undefined;
  const parts = req.parts!();
  const next = async (): Promise<F | MultipartPart | undefined> => {
    try {
      for (;;) {
        const { value, done } = await parts.next();
        if (done) return undefined;
        if (isFile(value)) return value;
      }
    } catch (err) {
      throw multipartError(err, field);
    }
  };
  const first = await next();
  if (!first) return undefined;
  if (first.fieldname !== field) {
    first.file?.resume();
    throw new ValidationFailed(
      [{ field, message: `send the file in the multipart field "${field}" (it came as "${first.fieldname}")` }],
      'UPLOAD_FIELD_NAME',
      'The upload is not in the documented field',
    );
  }
  const rest = async () => {
    const another = await next();
    if (another) {
      another.file?.resume();
      throw oneFileOnly(field);
    }
  };
  return Object.assign(first as F, { rest });
}

const oneFileOnly = (field: string) =>
  new ValidationFailed([{ field, message: 'send exactly one file' }], 'UPLOAD_TOO_MANY_FILES', 'The upload holds more than one file');

/**
 * The multipart parser's failure as the API's error: its limit errors keep their status, except the limit of
 * one file (a 400 like any second file), and the rest is a 400.
 */
export function multipartError(err: unknown, field = UPLOAD_FIELD): unknown {
  if ((err as { code?: unknown } | null)?.code === 'FST_FILES_LIMIT') return oneFileOnly(field);
  if (typeof (err as { statusCode?: unknown } | null)?.statusCode === 'number' || err instanceof ValidationFailed) return err;
  return new ValidationFailed(
    [{ field, message: `the multipart body cannot be read (${String((err as Error)?.message ?? err).replace(/^Multipart: /, '')})` }],
    'MULTIPART_MALFORMED',
    'The upload is not a valid multipart form',
  );
}
