import { ValidationFailed } from '../domain/domain-error';
import { firstFile, multipartError } from './multipart';

interface MultipartFile {
  toBuffer(): Promise<Buffer>;
  filename: string;
}
interface CsvRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  isMultipart?: () => boolean;
  file?: () => Promise<MultipartFile | undefined>;
}

/** Reads a CSV upload: either a `text/csv` body or a multipart form with a `file` field. */
export async function readCsvBody(req: CsvRequest): Promise<string> {
  if (req.isMultipart?.()) {
    const file = await firstFile(req);
    if (!file) throw new ValidationFailed([{ field: 'file', message: 'attach the CSV file in the "file" field' }], 'IMPORT_NO_FILE');
    return (await file.toBuffer().catch((err: unknown) => Promise.reject(multipartError(err)))).toString('utf8');
  }
  if (typeof req.body === 'string' && req.body.trim() !== '') return req.body;
  throw new ValidationFailed([{ field: 'file', message: 'send the CSV as a text/csv body or as multipart field "file"' }], 'IMPORT_NO_FILE');
}
