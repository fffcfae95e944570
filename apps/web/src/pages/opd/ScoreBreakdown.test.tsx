import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ScoreBreakdown as Breakdown, SheetExplanation } from '../../api/public';
import { draft, json, renderWithProviders } from '../../test/fixtures';
import { ScoreBreakdown } from './ScoreBreakdown';

const submitted = { ...draft, status: 'submitted' as const };
const sheet = (juror: string, score: number, over: Partial<SheetExplanation> = {}): SheetExplanation => ({
  juror,
  score,
  adjusted: null,
  jurorScale: null,
  trimmed: false,
  ...over,
});
const label = (id: string) => ({ id, en: id });

const breakdown: Breakdown = {
  snapshot: { id: 's1', version: 1, hash: 'sha256:abc' },
  explanation: {
    submission: 'i1',
    category: 'kota',
    rank: 1,
    final: 78,
    band: 'Sangat Inovatif',
    reachedStage: 'field',
    stages: [
      {
        stage: 'desk',
        aggregation: 'trimmed_mean',
        trim: 1,
        stageScale: null,
        sheets: [sheet('J01', 10, { trimmed: true }), sheet('J02', 50), sheet('J03', 60), sheet('J04', 90, { trimmed: true })],
        score: 55,
        weight: 0,
        share: 0,
      },
      {
        stage: 'presentation',
        aggregation: 'zscore',
        trim: null,
        stageScale: { mean: 70, sd: 7.0711 },
        sheets: [
          sheet('J01', 60, { adjusted: 62.9289, jurorScale: { sheets: 2, mean: 70, sd: 10, keptRaw: false } }),
          sheet('J02', 70, { adjusted: 70, jurorScale: { sheets: 1, mean: 70, sd: 0, keptRaw: true } }),
        ],
        score: 80,
        weight: 60,
        share: 0.6,
      },
      { stage: 'field', aggregation: 'mean', trim: null, stageScale: null, sheets: [sheet('J02', 75)], score: 75, weight: 40, share: 0.4 },
    ],
  },
  criteria: [
    {
      stage: 'desk',
      label: label('Penilaian proposal'),
      criteria: [
        {
          key: 'kebaruan',
          label: label('Kebaruan'),
          weight: 1,
          min: 0,
          max: 100,
          values: ['J01', 'J02', 'J03', 'J04'].map((juror, i) => ({ juror, value: [10, 50, 60, 90][i] })),
        },
      ],
    },
    {
      stage: 'presentation',
      label: label('Presentasi'),
      criteria: [
        {
          key: 'kebaharuan',
          label: label('Kebaharuan'),
          weight: 30,
          min: 0,
          max: 10,
          values: [
            { juror: 'J02', value: 7 },
            { juror: 'J01', value: 6 },
          ],
        },
      ],
    },
    {
      stage: 'field',
      label: label('Verifikasi lapangan'),
      criteria: [{ key: 'dampak', label: label('Dampak nyata'), weight: 1, min: 1, max: 5, values: [{ juror: 'J02', value: 4 }] }],
    },
  ],
};

const rows = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));

describe('ScoreBreakdown', () => {
  it('says the breakdown comes with the published results while the API answers 409', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(409, {
          statusCode: 409,
          error: 'Conflict',
          message: 'the score breakdown is available once the results are published',
          code: 'RESULTS_NOT_PUBLISHED',
        }),
      ),
    );
    renderWithProviders(<ScoreBreakdown innovation={submitted} />);
    expect(await screen.findByText('Rincian nilai tersedia setelah hasil diumumkan.')).toBeTruthy();
  });

  it('shows each stage’s sheets by juror alias, with the trimmed and z-adjusted values, the weights and the final sum', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, breakdown)),
    );
    renderWithProviders(<ScoreBreakdown innovation={submitted} />);
    expect(await screen.findByText('Nilai akhir = 60% × 80 + 40% × 75 = 78')).toBeTruthy();
    expect(rows('Nilai per kriteria dan juri — Penilaian proposal')).toEqual([
      ['Kriteria', 'J01', 'J02', 'J03', 'J04'],
      ['Kebaruan (bobot 1, 0–100)', '10', '50', '60', '90'],
      ['Nilai lembar (0–100)', '10', '50', '60', '90'],
      ['Dibuang (pemangkasan)', 'Ya', 'Tidak', 'Tidak', 'Ya'],
    ]);
    expect(rows('Nilai per kriteria dan juri — Presentasi')).toEqual([
      ['Kriteria', 'J01', 'J02'],
      ['Kebaharuan (bobot 30, 0–10)', '6', '7'],
      ['Nilai lembar (0–100)', '60', '70'],
      ['Setelah penyesuaian skor-z', '62,9289', '70 (nilai asli)'],
    ]);
    expect(screen.getByText(/^Tanpa bobot/).textContent).toBe(
      'Tanpa bobot: tahap ini menentukan siapa yang lolos, bukan nilai akhir. Nilai tahap = rata-rata setelah 1 nilai terendah dan 1 nilai tertinggi dibuang.',
    );
    expect(screen.getByText(/^Bobot 60/).textContent).toBe(
      'Bobot 60 (60% dari nilai akhir). Nilai tahap = rata-rata nilai yang disesuaikan skor-z per juri (rata-rata tahap 70, simpangan baku 7,0711).',
    );
  });

  it('is not shown for an innovation that was never judged', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { container } = renderWithProviders(<ScoreBreakdown innovation={{ ...draft, status: 'withdrawn' }} />);
    expect(container.textContent).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });
});
