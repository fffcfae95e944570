import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, seen } from '../../test/fixtures';
import { SurveyIkmPage, SurveyPage } from './SurveyPage';

const label = (id: string, en = id) => ({ id, en });
const ELEMENTS = [
  'Persyaratan',
  'Sistem, mekanisme dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Penanganan pengaduan, saran dan masukan',
  'Sarana dan prasarana',
];
const survey = {
  code: 'k7m2q9xa',
  unit: 'Farmasi Rawat Jalan',
  organization: 'RSUD Kota Bekasi',
  label: 'SKM Semester II',
  opensAt: '2025-07-01T00:00:00Z',
  closesAt: '2025-12-31T00:00:00Z',
  open: true,
  elements: ELEMENTS.map((l, i) => ({ key: `u${i + 1}`, label: label(l) })),
  scale: ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'].map((l, i) => ({ key: String(i + 1), label: label(l) })),
  sexes: [
    { key: 'l', label: label('Laki-laki') },
    { key: 'p', label: label('Perempuan') },
  ],
  educations: [{ key: 's1', label: label('S1') }],
  occupations: [{ key: 'swasta', label: label('Pegawai swasta') }],
};

describe('SurveyPage (/s/:code)', () => {
  it('asks all nine elements before sending, then sends the answers and the chosen profile only', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { method, path, body } = await seen(request);
        if (method === 'POST') {
          posts.push([path, JSON.parse(body)]);
          return json(201, { accepted: true });
        }
        return json(200, survey);
      }),
    );
    renderWithProviders(<SurveyPage code="k7m2q9xa" />);
    await screen.findByText(/Farmasi Rawat Jalan · RSUD Kota Bekasi/);
    const groups = screen.getAllByRole('group').filter((g) => g.querySelector('input[type=radio]'));
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual(ELEMENTS.map((l, i) => `U${i + 1}. ${l}`));

    fireEvent.click(within(groups[0]).getByLabelText('4 · Sangat baik'));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(screen.getByRole('alert').textContent).toBe('Jawab kesembilan unsur terlebih dahulu.');
    expect(posts).toEqual([]);

    groups.forEach((g, i) => fireEvent.click(within(g).getByLabelText(i === 7 ? '2 · Kurang baik' : '4 · Sangat baik')));
    fireEvent.change(screen.getByLabelText('Jenis kelamin'), { target: { value: 'p' } });
    fireEvent.change(screen.getByLabelText('Umur'), { target: { value: '41' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    await screen.findByText('Terima kasih, jawaban Anda sudah diterima.');
    expect(posts).toEqual([
      [
        '/api/public/surveys/k7m2q9xa/responses',
        { answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 2, u9: 4 }, sex: 'p', age: 41 },
      ],
    ]);
    expect(screen.getByRole('link', { name: 'Lihat Indeks Kepuasan Masyarakat unit ini' }).getAttribute('href')).toBe('/s/k7m2q9xa/ikm');
  }, 20_000); // 36 radio buttons and a form: slow on a shared 2-core machine

  it('says so when the period does not take answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { ...survey, open: false })),
    );
    renderWithProviders(<SurveyPage code="k7m2q9xa" />);
    expect(await screen.findByText('Survei ini sedang tidak menerima jawaban.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim jawaban' })).toBeNull();
  });
});

describe('SurveyIkmPage (/s/:code/ikm)', () => {
  it('shows the IKM with its grade, the sample adequacy and a bar per element, the weakest marked', async () => {
    const elements = ELEMENTS.map((l, i) => ({
      key: `u${i + 1}`,
      label: label(l),
      nrr: i === 7 ? 2.84 : 3.16,
      converted: i === 7 ? 71.05 : 78.95,
      grade: i === 7 ? 'C' : 'B',
    }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, {
          ...survey,
          ikm: { responses: 19, index: 3.12, ikm: 78.07, grade: 'B', label: { id: 'Baik', en: 'Good' }, elements, weakest: 'u8' },
          sample: { population: 20, required: 19, responses: 19, reached: true },
        }),
      ),
    );
    renderWithProviders(<SurveyIkmPage code="k7m2q9xa" />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Indeks Kepuasan Masyarakat — Farmasi Rawat Jalan');
    expect(screen.getByText('IKM 78,07 · mutu B (Baik)')).toBeTruthy();
    expect(screen.getByText(/19 responden dari sampel minimal 19 \(populasi 20\)\. Jumlah sampel terpenuhi\./)).toBeTruthy();
    const meters = screen.getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-valuenow'))).toEqual(elements.map((e) => String(e.converted)));
    expect(screen.getByRole('meter', { name: 'Penanganan pengaduan, saran dan masukan' }).closest('li')?.className).toBe('weakest');
  });
});
