import { readFile } from 'node:fs/promises';
import type fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFPage, RGB, rgb } from 'pdf-lib';

export interface CertificateData {
  competition: string;
  innovation: string;
  organization: string;
  region: string;
  rank: number;
  /** The category's label in both languages (its key when the plan has no label for it). */
  category: { id: string; en: string };
  band: string | null;
  final: number;
  snapshotHash: string;
  snapshotVersion: number;
  publishedAt: Date;
  verifyUrl: string;
}

const A4: [number, number] = [595.28, 841.89];
/** Text never comes closer than this to the inner frame. */
const MARGIN = 60;
const TEXT_WIDTH = A4[0] - 2 * MARGIN;

/**
 * DejaVu Sans (regular and bold), read once per process. It covers Latin with every accent, typographic
 * quotes and dashes, so names print as typed; only the glyphs a certificate uses are embedded (subset).
 */
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function fontFiles() {
  fonts ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/** pdf-lib and fontkit (≈ 8 MB of heap) load with the first certificate, not when the API starts. */
let pdf: Promise<{ PDFDocument: typeof PDFDocument; rgb: typeof rgb; fontkit: typeof fontkit }> | undefined;
function pdfLib() {
  pdf ??= Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]).then(([lib, kit]) => ({
    PDFDocument: lib.PDFDocument,
    rgb: lib.rgb,
    fontkit: kit.default,
  }));
  return pdf;
}

/** Splits text into lines no wider than `width` at `size` (a single word wider than that stands alone). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  constructor(
    private readonly page: PDFPage,
    public y: number,
    private readonly black: RGB,
  ) {}

  /** Centred lines, wrapped to the text width and shrunk (down to 60 %) so that no line overflows. */
  centred(text: string, font: PDFFont, size: number, gap: number): void {
    let fitted = size;
    for (const word of text.split(/\s+/)) {
      while (fitted > size * 0.6 && font.widthOfTextAtSize(word, fitted) > TEXT_WIDTH) fitted -= 0.5;
    }
    for (const line of wrap(text, font, fitted, TEXT_WIDTH)) {
      this.y -= gap;
      const width = font.widthOfTextAtSize(line, fitted);
      this.page.drawText(line, { x: (A4[0] - width) / 2, y: this.y, size: fitted, font, color: this.black });
      gap = fitted * 1.3;
    }
  }
}

/** A one-page certificate (Piagam Penghargaan) for a ranked innovation, citing the snapshot hash. */
export async function certificatePdf(d: CertificateData): Promise<Buffer> {
  const { PDFDocument, rgb, fontkit } = await pdfLib();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = await fontFiles();
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  // Fixed metadata (dates from the snapshot), so one snapshot's certificate is the same file every time.
  doc.setTitle(`Piagam Penghargaan — ${d.innovation}`);
  doc.setSubject(`${d.competition}, snapshot v${d.snapshotVersion} ${d.snapshotHash}`);
  doc.setLanguage('id');
  doc.setProducer('Kompetisi Inovasi Daerah');
  doc.setCreator('Kompetisi Inovasi Daerah');
  doc.setCreationDate(d.publishedAt);
  doc.setModificationDate(d.publishedAt);

  const page = doc.addPage(A4);
  const frame = rgb(0.15, 0.35, 0.55);
  page.drawRectangle({ x: 30, y: 30, width: A4[0] - 60, height: A4[1] - 60, borderColor: frame, borderWidth: 3 });
  page.drawRectangle({ x: 40, y: 40, width: A4[0] - 80, height: A4[1] - 80, borderColor: frame, borderWidth: 0.6 });

  const w = new Writer(page, 770, rgb(0, 0, 0));
  w.centred('PIAGAM PENGHARGAAN', bold, 26, 0);
  w.centred('Certificate of Achievement', regular, 13, 24);
  w.centred(d.competition, bold, 15, 44);
  w.centred('diberikan kepada / awarded to', regular, 11, 40);
  w.centred(d.innovation, bold, 20, 32);
  w.centred(d.organization, regular, 13, 30);
  w.centred(d.region, regular, 12, 18);
  w.centred(`Peringkat ${d.rank} kategori ${d.category.id} / Rank ${d.rank} in the ${d.category.en} category`, bold, 15, 50);
  if (d.band) w.centred(`Predikat / Band: ${d.band}`, regular, 13, 24);
  w.centred(`Nilai akhir / Final score: ${d.final}`, regular, 12, 20);

  const foot = new Writer(page, 184, rgb(0, 0, 0));
  foot.centred(`Snapshot v${d.snapshotVersion}, ${d.publishedAt.toISOString().slice(0, 10)}`, regular, 9, 0);
  foot.centred(d.snapshotHash, regular, 8, 14);
  foot.centred(`Verifikasi / Verify: ${d.verifyUrl}`, regular, 8, 14);
  foot.centred('npm run -s cli -- verify snapshot.json', regular, 8, 14);
  return Buffer.from(await doc.save());
}
