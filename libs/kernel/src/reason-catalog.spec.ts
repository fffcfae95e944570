import { REASON_CATALOG, reasonText } from './reason-catalog';

describe('reason catalog', () => {
  it.each(Object.entries(REASON_CATALOG))('%s names the same parameters in id and en', (_, t) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(t.id)).toEqual(names(t.en));
  });

  it.each([
    ['CUTOFF_TOP_OUTSIDE', { rank: 3, count: 3, category: 'kota', n: 1 }, 'en', 'rank 3 of 3 in kota, outside the top 1'],
    ['CUTOFF_TOP_OUTSIDE', { rank: 3, count: 3, category: 'kota', n: 1 }, 'id', 'peringkat 3 dari 3 di kota, di luar 1 besar'],
    [
      'CUTOFF_THRESHOLD_BELOW',
      { score: 40.25, min: 50, rank: 6, count: 6, category: 'kota' },
      'id',
      'nilai 40,25 di bawah ambang 50 (peringkat 6 dari 6 di kota)',
    ],
    [
      'CUTOFF_THRESHOLD_BELOW',
      { score: 40.25, min: 50, rank: 6, count: 6, category: 'kota' },
      'en',
      'score 40.25 below threshold 50 (rank 6 of 6 in kota)',
    ],
    ['STAGE_SCORED', { score: 1234.5 }, 'en', 'score 1234.5'],
    ['STAGE_NOT_DECIDED', { reason: 'batas waktu' }, 'id', 'belum diputuskan saat tahap ditutup (batas waktu)'],
  ] as const)('%s %j in %s reads %j', (code, params, locale, text) => {
    expect(reasonText(code, params, locale)).toBe(text);
  });

  it('an unknown or missing code has no text (the stored reason is shown instead)', () => {
    expect(reasonText('NOPE', {}, 'id')).toBeUndefined();
    expect(reasonText(null, null, 'en')).toBeUndefined();
  });
});
