import { duplicateTitles, isSameInnovationTitle, normalizeTitle, titleSimilarity } from './title-match';

describe('title matching', () => {
  it.each<[string, string]>([
    ['  SiTaro   (Siap  Antar Obat) ', 'sitaro (siap antar obat)'],
    ['PATRIOT\u00a0MANTAP', 'patriot mantap'],
    ['Siap\n Antar\tObat', 'siap antar obat'],
    ['ＳｉＴａｒｏ', 'sitaro'],
  ])('normalizes %j to %j', (title, normalized) => {
    expect(normalizeTitle(title)).toBe(normalized);
  });

  it.each<[string, string, number]>([
    ['SiTaro Siap Antar Obat', 'SiTaro: Siap Antar Obat', 1],
    ['Siap Antar Obat', 'Siap Antar Obat Gratis', 0.75],
    ['Patriot Mantap', 'Layanan Malam', 0],
    ['', 'SiTaro', 0],
  ])('similarity of %j and %j is %d', (a, b, expected) => {
    expect(titleSimilarity(a, b)).toBeCloseTo(expected, 10);
  });

  it.each<[string, string, boolean]>([
    ['SiTaro', 'sitaro', true],
    ['SiTaro (Siap Antar Obat)', 'SiTaro - Siap Antar Obat', true],
    ['Siap Antar Obat', 'Siap Antar Obat Gratis', true], // 3 of 4 words
    ['Siap Antar Obat', 'Antar Obat Pasien Lansia', false], // 2 of 5 words
    ['SiTaro', 'Si Taro', false],
    ['SiTaro', ' ', false],
  ])('%j and %j are the same innovation: %s', (a, b, same) => {
    expect(isSameInnovationTitle(a, b)).toBe(same);
  });

  it.each<[string, string[], string[]]>([
    ['SiTaro', ['SiTaro', '  sitaro ', 'SiTaro 2', 'Si Taro'], ['SiTaro', '  sitaro ']],
    ['Siap  Antar\tObat', ['siap antar obat'], ['siap antar obat']],
    ['SiTaro', [], []],
    [' ', [' '], []],
  ])('duplicates of %j among %j: %j', (title, others, expected) => {
    expect(
      duplicateTitles(
        title,
        others.map((t) => ({ title: t })),
      ).map((c) => c.title),
    ).toEqual(expected);
  });
});
