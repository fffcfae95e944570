import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark (so spreadsheet programs read accents right);
 * text that a spreadsheet would run as a formula (= + - @ tab CR at its start) is defused with a leading '.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows', escape_formulas: true });
}
