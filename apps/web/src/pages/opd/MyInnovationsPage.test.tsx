import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { competition, draft, json, renderWithProviders, seen } from '../../test/fixtures';
import { MyInnovationsPage } from './MyInnovationsPage';

const published = { ...competition, id: 'c-demo', slug: 'iga-2024-demo', name: 'IGA 2024 (demo)', year: 2024, status: 'published' };
const sitaro = {
  ...draft,
  id: 'i-sitaro',
  competitionId: 'c-demo',
  title: 'SiTaro',
  status: 'submitted',
  currentStage: 'field_verification',
};
const other = { ...draft, id: 'i-other', competitionId: 'c-demo', title: 'Layanan Lama', status: 'submitted', currentStage: 'screening' };

describe('MyInnovationsPage', () => {
  it('lists the OPD’s innovations of every edition by edition, with a published one’s outcome instead of “Diajukan”', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { path } = await seen(request);
        if (path === '/api/me/innovations')
          return json(200, {
            editions: [
              { competition, innovations: [draft] },
              { competition: published, innovations: [sitaro, other] },
            ],
          });
        if (path === '/api/me/waiting') return json(200, { counts: { draft: 1, returned: 0 }, items: [] });
        if (path === '/api/public/competitions/iga-2024-demo/rankings')
          return json(200, {
            categories: {
              kota: [{ rank: 2, innovationId: 'i-sitaro', title: 'SiTaro', final: 81.5, band: 'Sangat Inovatif', stages: {} }],
            },
            unranked: [{ innovationId: 'i-other', category: 'kota', reachedStage: 'screening' }],
          });
        return json(404, {});
      }),
    );
    renderWithProviders(<MyInnovationsPage />);
    const demo = await screen.findByRole('region', { name: /IGA 2024 \(demo\)/ });
    expect(within(demo).getByText('Diumumkan')).toBeTruthy();
    const sitaroRow = within(demo).getByRole('link', { name: 'SiTaro' }).closest('li')!;
    await vi.waitFor(() => expect(sitaroRow.textContent).toContain('Peringkat 2 · Sangat Inovatif'));
    expect(sitaroRow.textContent).not.toContain('Diajukan');
    expect(within(sitaroRow).getByRole('link', { name: 'Lihat penjelasan nilai' }).getAttribute('href')).toBe('/opd/innovations/i-sitaro');
    expect(within(demo).getByRole('link', { name: 'Layanan Lama' }).closest('li')!.textContent).toContain('Tidak masuk peringkat');
    expect(within(demo).queryByText('Buat draf baru')).toBeNull();
    const open = screen.getByRole('region', { name: /KIPP 2027/ });
    expect(within(open).getByRole('link', { name: 'SiTaro' })).toBeTruthy();
    expect(within(open).getByText('Buat draf baru')).toBeTruthy();
  });
});
