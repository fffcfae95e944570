// Reads a PDF on stdin with pdf.js (a real reader, the one Firefox uses) and prints its text as JSON:
// {pages, title, items: [{page, str, x, y, width, height}]}. pdf.js is ESM-only, so jest runs this as a child.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(0));
const pdf = await getDocument({ data, verbosity: 0 }).promise;
const meta = await pdf.getMetadata();
const items = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  for (const item of (await page.getTextContent()).items) {
    if (!item.str) continue;
    items.push({ page: n, str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
  }
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, title: meta.info?.Title ?? null, items }));
