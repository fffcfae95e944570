import { readCsv, readPdf, readXlsx } from '../../../../test/support/documents';
import { certificatePdf, type CertificateData } from './certificate';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';

const header = ['category', 'rank', 'innovation', 'final', 'band'];
const rows: (string | number | null)[][] = [
  ['kota', 1, 'SiTaro "Siap Antar Obat", Kota Bekasi', 87.5, 'Sangat Inovatif'],
  ['kota', 2, 'Layanan malam\r\nPatriot Mantap', -0.5, null],
  ['kabupaten', 3, '=HYPERLINK("http://x")', 0, 'Inovatif'],
  ['provinsi', 4, '+62 21 123', 12.3456, '@risk'],
  ['provinsi', 5, '-2 juta, “kutip” — Café Ñ', 1e-7, '\tTab'],
];

describe('CSV export (csv-stringify)', () => {
  it.each([
    ['quotes, commas and line breaks survive a round trip', 0, 2, 'SiTaro "Siap Antar Obat", Kota Bekasi'],
    ['a line break inside a cell', 1, 2, 'Layanan malam\r\nPatriot Mantap'],
    ['a negative number stays a number', 1, 3, '-0.5'],
    ['null is an empty cell', 1, 4, ''],
    ['= is defused with a leading apostrophe', 2, 2, `'=HYPERLINK("http://x")`],
    ['+ is defused', 3, 2, "'+62 21 123"],
    ['@ is defused', 3, 4, "'@risk"],
    ['- at the start of text is defused, accents and typographic quotes kept', 4, 2, "'-2 juta, “kutip” — Café Ñ"],
    ['a tab at the start is defused', 4, 4, "'\tTab"],
  ])('%s', (_name, row, col, expected) => {
    const parsed = readCsv(toCsv(header, rows));
    expect(parsed[0]).toEqual(header);
    expect(parsed[row + 1][col]).toBe(expected);
  });

  it('starts with a byte-order mark and ends records with CRLF', () => {
    const csv = toCsv(['a'], [['x'], ['y']]);
    expect(csv).toBe('\uFEFFa\r\nx\r\ny\r\n');
  });
});

describe('XLSX export (exceljs)', () => {
  it('reads back with a real reader: header, text as typed, numbers as numbers, control characters dropped', async () => {
    const sheet = await readXlsx(
      await toXlsx('IGA 2024: hasil/akhir [v1] with a very long name indeed', header, [
        ...rows,
        ['kota', 6, 'Nol\u0000byte\u0007', 1, null],
      ]),
    );
    expect(sheet[0]).toEqual(header);
    expect(sheet[1]).toEqual(['kota', '1', 'SiTaro "Siap Antar Obat", Kota Bekasi', '87.5', 'Sangat Inovatif']);
    expect(sheet[3][2]).toBe('=HYPERLINK("http://x")'); // text, not a formula
    expect(sheet[5][2]).toBe('-2 juta, “kutip” — Café Ñ');
    expect(sheet[6][2]).toBe('Nolbyte');
  });
});

describe('certificate PDF (pdf-lib, embedded DejaVu Sans)', () => {
  const data: CertificateData = {
    competition: 'Kompetisi Inovasi “Jawa Barat” 2024 — Edisi Khusus',
    innovation: 'Layanan Adminduk Malam Hari “Patriot Mantap” untuk Warga Kota Bekasi yang Bekerja Siang Hari — Café Ñoño',
    organization: 'Dinas Kependudukan dan Pencatatan Sipil Kota Bekasi',
    region: 'Kota Bekasi, Jawa Barat',
    rank: 3,
    category: { id: 'Kota', en: 'City' },
    band: 'Sangat Inovatif',
    final: 82.8902,
    snapshotHash: 'sha256:' + 'ab'.repeat(32),
    snapshotVersion: 2,
    publishedAt: new Date('2024-11-20T03:00:00Z'),
    verifyUrl: 'https://inovasi.example.go.id/api/public/rankings/4f6b3f0e-9a51-4c1b-9d0e-2f4c7d1a8b55',
  };

  it('prints every name as typed (accents, typographic quotes, dashes) and fits long titles on the page', async () => {
    const pdf = await certificatePdf(data);
    const read = readPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.title).toBe(`Piagam Penghargaan — ${data.innovation}`);
    const text = read.items.map((i) => i.str).join(' ');
    for (const part of [
      data.competition,
      data.innovation,
      data.organization,
      data.snapshotHash,
      'Peringkat 3 kategori Kota / Rank 3 in the City category',
      'Nilai akhir / Final score: 82.8902',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('?');
    for (const item of read.items) {
      expect(item.x).toBeGreaterThanOrEqual(40);
      expect(item.x + item.width).toBeLessThanOrEqual(595.28 - 40);
    }
  });

  it('centres each line on the page by its measured width', async () => {
    const read = readPdf(await certificatePdf(data));
    for (const item of read.items) expect(Math.abs(item.x + item.width / 2 - 595.28 / 2)).toBeLessThan(1);
  });

  it('is the same file every time for the same snapshot', async () => {
    expect((await certificatePdf(data)).equals(await certificatePdf(data))).toBe(true);
  });
});
