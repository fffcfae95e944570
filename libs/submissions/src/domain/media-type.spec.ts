import { safeFileName, sniffMediaType } from './media-type';

describe('sniffMediaType', () => {
  it.each([
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'application/pdf'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    ['HTML named .pdf', [...Buffer.from('<html><script>')], null],
    ['ZIP (docx)', [0x50, 0x4b, 0x03, 0x04], null],
    ['truncated PNG signature', [0x89, 0x50, 0x4e], null],
    ['empty', [], null],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffMediaType(Uint8Array.from(bytes as number[]))).toBe(expected);
  });
});

describe('safeFileName', () => {
  it.each([
    ['laporan.pdf', 'application/pdf', 'laporan.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\x\\foto.JPG', 'image/jpeg', 'foto.JPG'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
    ['evil"name\u0000.png', 'image/png', 'evilname.png'],
    ['...', 'image/png', 'dokumen.png'],
    [undefined, 'application/pdf', 'dokumen.pdf'],
    ['script.html', 'application/pdf', 'script.html.pdf'],
  ] as const)('%s → %s', (name, type, expected) => {
    expect(safeFileName(name, type)).toBe(expected);
  });
});
