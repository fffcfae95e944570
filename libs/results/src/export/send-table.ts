import type { OnProgress } from '@app/common';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';

export const TABLE_MEDIA_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type TableFormat = keyof typeof TABLE_MEDIA_TYPE;
export const TABLE_FORMATS = Object.keys(TABLE_MEDIA_TYPE) as TableFormat[];

/** A published ranking as one table: its download's name (without extension), the XLSX sheet's name, the cells. */
export interface RankingTable {
  fileName: string;
  sheetName: string;
  header: string[];
  rows: (string | number | null)[][];
}

interface TableReply {
  header(k: string, v: string): TableReply;
  send(body: string | Buffer): unknown;
}

/**
 * A ranking table as a file: CSV (csv-stringify) or an XLSX workbook whose sheet is named `sheetName`, as
 * `{fileName}.{format}`; the XLSX rows are reported as they are written (phase `writing`). What an export
 * operation keeps (GET /api/operations/{id}/file) and what the public downloads send.
 */
export async function tableFile(
  format: TableFormat,
  table: RankingTable,
  onProgress?: OnProgress,
): Promise<{ fileName: string; mediaType: string; body: Buffer }> {
  onProgress?.({ phase: 'writing', done: 0, total: table.rows.length });
  const body =
    format === 'csv'
      ? Buffer.from(toCsv(table.header, table.rows))
      : await toXlsx(table.sheetName, table.header, table.rows, (done) =>
          onProgress?.({ phase: 'writing', done, total: table.rows.length }),
        );
  return { fileName: `${table.fileName}.${format}`, mediaType: TABLE_MEDIA_TYPE[format], body };
}

/** Sends a published ranking's table as a download. One place for the competitions' and the index's exports. */
export async function sendTable(reply: TableReply, format: TableFormat, table: RankingTable & { cacheControl: string }): Promise<void> {
  const file = await tableFile(format, table);
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', table.cacheControl)
    .send(file.body);
}
