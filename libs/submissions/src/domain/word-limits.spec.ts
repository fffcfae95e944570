import type { ProposalFormView } from './innovation-profile';
import { checkWordLimits, wordCount } from './word-limits';

describe('wordCount', () => {
  it.each<[string | null | undefined, number]>([
    ['', 0],
    [null, 0],
    [undefined, 0],
    ['   \n\t ', 0],
    ['SiTaro', 1],
    ['Siap Antar Obat', 3],
    ['  leading,  trailing  and\nnew\tlines ', 5],
    ['obat – gratis', 2],
    ['12 motor, 1 per kecamatan.', 5],
    ['pelayanan-publik e-KTP', 2],
    ['Layanan malam (Patriot Mantap)!', 4],
  ])('%j has %d words', (text, count) => {
    expect(wordCount(text)).toBe(count);
  });
});

describe('checkWordLimits', () => {
  const form: ProposalFormView = {
    sections: [
      { key: 'ringkasan', label: { id: 'Ringkasan', en: 'Summary' }, required: true, maxWords: 3 },
      { key: 'signifikansi', label: { id: 'Signifikansi', en: 'Significance' }, required: false, maxWords: 600 },
    ],
  };
  const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

  it.each([
    [3, 600, []],
    [0, 0, []],
    [4, 600, ['sections.ringkasan']],
    [3, 601, ['sections.signifikansi']],
    [10, 700, ['sections.ringkasan', 'sections.signifikansi']],
  ])('%d and %d words → %j', (a, b, fields) => {
    expect(checkWordLimits({ ringkasan: words(a), signifikansi: words(b) }, form).map((e) => e.field)).toEqual(fields);
  });

  it('names the section and both counts', () => {
    expect(checkWordLimits({ ringkasan: 'satu dua tiga empat lima' }, form)).toMatchObject([
      { field: 'sections.ringkasan', message: 'Section "Summary" has 5 words; the limit is 3.', words: 5, maxWords: 3 },
    ]);
  });

  it('ignores missing sections and texts of sections the form does not have', () => {
    expect(checkWordLimits(undefined, form)).toEqual([]);
    expect(checkWordLimits({ other: words(1000) }, form)).toEqual([]);
  });
});
