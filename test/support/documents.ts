// Readers for the files the API produces, built on maintained libraries (no hand-written parsers in tests).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface PdfText {
  pages: number;
  title: string | null;
  items: { page: number; str: string; x: number; y: number; width: number; height: number }[];
}

/** The text of a PDF as pdf.js reads it, with each run's position. */
export function readPdf(pdf: Buffer): PdfText {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'pdf-text.mjs')], { input: pdf, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`pdf.js could not read the PDF: ${run.stderr}`);
  return JSON.parse(run.stdout) as PdfText;
}

/** The cells of a workbook's first sheet as text (numbers as JavaScript prints them), row by row. */
export async function readXlsx(xlsx: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

/** RFC 4180 CSV (a leading byte-order mark is dropped) as rows of text. */
export function readCsv(text: string | Buffer): string[][] {
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}
