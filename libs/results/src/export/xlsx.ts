import type ExcelJS from 'exceljs';

/** exceljs and its zip libraries (≈ 8 MB of heap) load with the first workbook, not when the API starts. */
let excel: Promise<typeof ExcelJS> | undefined;

/** Characters XML 1.0 cannot carry; a title pasted from a word processor may hold them. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Rows between two progress reports while a workbook is filled. */
const REPORT_EVERY = 1000;

/**
 * A one-sheet workbook: a bold, frozen header row and the rows as typed values (numbers stay numbers);
 * `onRows` hears how many rows are in, every thousand and at the end.
 */
export async function toXlsx(
  sheetName: string,
  header: string[],
  rows: (string | number | null)[][],
  onRows?: (done: number) => void,
): Promise<Buffer> {
  const clean = (v: string | number | null) => (typeof v === 'string' ? v.replace(XML_INVALID, '') : v);
  const { Workbook } = await (excel ??= import('exceljs').then((m) => m.default));
  const workbook = new Workbook();
  workbook.creator = 'Kompetisi Inovasi Daerah';
  // Excel's sheet names: at most 31 characters, none of \ / ? * [ ] :
  const sheet = workbook.addWorksheet(
    sheetName
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1',
    { views: [{ state: 'frozen', ySplit: 1 }] },
  );
  sheet.addRow(header.map(clean)).font = { bold: true };
  rows.forEach((row, i) => {
    sheet.addRow(row.map(clean));
    if ((i + 1) % REPORT_EVERY === 0) onRows?.(i + 1);
  });
  onRows?.(rows.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
