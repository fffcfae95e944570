import { toCsv } from './csv';
import { toXlsx } from './xlsx';

const MEDIA_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

interface TableReply {
  header(k: string, v: string): TableReply;
  send(body: string | Buffer): unknown;
}

/**
 * Sends a published ranking's table as a download: CSV (csv-stringify) or an XLSX workbook whose sheet is
 * named `sheetName`, as `{fileName}.{format}`. One place for the competitions' and the index's exports.
 */
export async function sendTable(
  reply: TableReply,
  format: keyof typeof MEDIA_TYPE,
  table: { fileName: string; sheetName: string; header: string[]; rows: (string | number | null)[][]; cacheControl: string },
): Promise<void> {
  const body = format === 'csv' ? toCsv(table.header, table.rows) : await toXlsx(table.sheetName, table.header, table.rows);
  reply
    .header('content-type', MEDIA_TYPE[format])
    .header('content-disposition', `attachment; filename="${table.fileName}.${format}"`)
    .header('cache-control', table.cacheControl)
    .send(body);
}
