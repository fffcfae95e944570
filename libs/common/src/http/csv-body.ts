import { ValidationFailed } from '@app/kernel';
import { multipartError, soleFile, UPLOAD_FIELD, type MultipartPart, type MultipartRequest } from './multipart';

interface MultipartFile extends MultipartPart {
  toBuffer(): Promise<Buffer>;
  filename: string;
}
interface CsvRequest extends MultipartRequest<MultipartFile> {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** Reads a CSV upload: either a `text/csv` body or a multipart form with the file alone in the field `file`. */
export async function readCsvBody(req: CsvRequest): Promise<string> {
  if (req.isMultipart?.()) {
    const file = await soleFile(req);
    if (!file)
      throw new ValidationFailed(
        [{ field: UPLOAD_FIELD, message: `attach the CSV file in the "${UPLOAD_FIELD}" field` }],
        'IMPORT_NO_FILE',
      );
    const csv = (await file.toBuffer().catch((err: unknown) => Promise.reject(multipartError(err)))).toString('utf8');
    await file.rest();
    return csv;
  }
  if (typeof req.body === 'string' && req.body.trim() !== '') return req.body;
  throw new ValidationFailed(
    [{ field: UPLOAD_FIELD, message: `send the CSV as a text/csv body or as multipart field "${UPLOAD_FIELD}"` }],
    'IMPORT_NO_FILE',
  );
}
