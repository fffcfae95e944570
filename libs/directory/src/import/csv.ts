import { parse } from 'csv-parse/sync';
import { ValidationFailed } from '@app/common';

/** One refused row of an import: `row` is the line number in the file (the header is line 1). */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export class ImportRefused extends ValidationFailed {
  constructor(
    code: string,
    readonly errors: RowError[],
  ) {
    super(
      errors.map((e) => ({ field: `row ${e.row}: ${e.field}`, message: e.message })),
      code,
      `The import was refused (${errors.length} error(s), nothing was written)`,
    );
    (this.details as Record<string, unknown>).errors = errors;
  }
}

/**
 * Parses a CSV with a header row into records keyed by lower-cased header names. `;` is accepted as a
 * delimiter too (Indonesian spreadsheets often export it). Missing required columns refuse the whole file.
 */
export function parseCsv(text: string, required: string[], known: string[], code: string): Record<string, string>[] {
  const trimmed = text.replace(/^\uFEFF/, '');
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(trimmed, {
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as Record<string, string>[];
  } catch (err) {
    throw new ImportRefused(code, [{ row: 0, field: 'file', message: `not a valid CSV file: ${(err as Error).message}` }]);
  }
  const header = parse(firstLine, { delimiter, to_line: 1 })[0] as string[] | undefined;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !known.includes(c));
  if (missing.length || unknown.length) {
    throw new ImportRefused(code, [
      ...missing.map((c) => ({ row: 1, field: c, message: 'required column is missing' })),
      ...unknown.map((c) => ({ row: 1, field: c, message: `unknown column (expected: ${known.join(', ')})` })),
    ]);
  }
  if (records.length === 0) throw new ImportRefused(code, [{ row: 2, field: 'file', message: 'the file has no data rows' }]);
  if (records.length > 20000) throw new ImportRefused(code, [{ row: 0, field: 'file', message: 'at most 20,000 rows per import' }]);
  return records;
}
