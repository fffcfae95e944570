import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders, seen } from '../../test/fixtures';
import { rankingView as view } from '../../test/public-fixtures';
import { PublicResultsPage } from './PublicResultsPage';

describe('PublicResultsPage', () => {
  it('shows an earlier version from ?version=n: the categories in order, the other versions, and that version’s downloads', async () => {
    history.replaceState(null, '', '/kompetisi/iga-2024-demo?version=2');
    const paths: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { path } = await seen(request);
        paths.push(`${path}${new URL(request.url).search}`);
        return json(200, view);
      }),
    );
    renderWithProviders(<PublicResultsPage slug="iga-2024-demo" />);
    await screen.findByRole('heading', { level: 1, name: 'Hasil IGA 2024 (demo)' });
    expect(paths).toEqual(['/api/public/competitions/iga-2024-demo/rankings?version=2']);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Unduh', 'Kota', 'Kabupaten', 'Verifikasi']);
    expect(screen.getByText(/^Anda melihat versi 2; versi terbaru adalah 3\./)).toBeTruthy();
    expect(screen.getByText('Alasan koreksi: Koreksi nilai verifikasi lapangan')).toBeTruthy();

    const versions = within(screen.getByRole('navigation', { name: 'Versi hasil' })).getAllByRole('link');
    expect(versions.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')])).toEqual([
      ['Versi 3 (terbaru) · 25 Nov 2024', '/kompetisi/iga-2024-demo', null],
      ['Versi 2 · 20 Nov 2024', '/kompetisi/iga-2024-demo?version=2', 'page'],
      ['Versi 1 · 15 Nov 2024', '/kompetisi/iga-2024-demo?version=1', null],
    ]);
    expect(screen.getByRole('link', { name: 'Tabel Excel (XLSX)' }).getAttribute('href')).toBe(
      '/api/public/competitions/iga-2024-demo/rankings.xlsx?version=2',
    );
    // Unranked innovations stand under their own category only.
    const kabupaten = screen.getByRole('region', { name: 'Kabupaten' });
    expect(within(kabupaten).queryByRole('table', { name: /^Tidak berperingkat/ })).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Kota' })).getByRole('table', { name: 'Tidak berperingkat di kategori Kota (2 inovasi)' }),
    ).toBeTruthy();
  });
});
