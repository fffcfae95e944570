import { pdfFromContent, pdfText } from '@app/common';

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

/** Centre a line on A4 using Helvetica's average glyph width (good enough for a certificate). */
function centred(text: string, size: number, y: number, bold = false): string {
  const width = text.length * size * (bold ? 0.56 : 0.5);
  const x = Math.max(40, (595 - width) / 2);
  return `BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(1)} ${y} Td (${pdfText(text)}) Tj ET`;
}

/** Wraps text to at most `max` characters per line. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > max && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-page certificate (Piagam Penghargaan) for a ranked innovation, citing the snapshot hash. */
export function certificatePdf(d: CertificateData): Buffer {
  const ops: string[] = ['0.15 0.35 0.55 RG 3 w 30 30 535 782 re S', '0.6 w 40 40 515 762 re S', '0 0 0 rg'];
  let y = 740;
  ops.push(centred('PIAGAM PENGHARGAAN', 26, y, true));
  ops.push(centred('Certificate of Achievement', 13, (y -= 24)));
  ops.push(centred(d.competition, 15, (y -= 44), true));
  ops.push(centred('diberikan kepada / awarded to', 11, (y -= 40)));
  for (const line of wrap(d.innovation, 40)) ops.push(centred(line, 20, (y -= 30), true));
  ops.push(centred(d.organization, 13, (y -= 30)));
  ops.push(centred(d.region, 12, (y -= 18)));
  ops.push(centred(`Peringkat ${d.rank} kategori ${d.category.id} / Rank ${d.rank} in the ${d.category.en} category`, 15, (y -= 50), true));
  if (d.band) ops.push(centred(`Predikat / Band: ${d.band}`, 13, (y -= 24)));
  ops.push(centred(`Nilai akhir / Final score: ${d.final}`, 12, (y -= 20)));
  y = 170;
  ops.push(centred(`Snapshot v${d.snapshotVersion}, ${d.publishedAt.toISOString().slice(0, 10)}`, 9, y));
  ops.push(centred(d.snapshotHash, 8, (y -= 14)));
  ops.push(centred(`Verifikasi / Verify: ${d.verifyUrl}`, 8, (y -= 14)));
  ops.push(centred('npm run -s cli -- verify snapshot.json', 8, (y -= 14)));
  return pdfFromContent(ops.join('\n'));
}
