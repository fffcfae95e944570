import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { rankingView as view } from '../../test/public-fixtures';
import { json, renderWithProviders } from '../../test/fixtures';
import { bandTiers } from './format';
import { RankingTable, UnrankedTable } from './RankingTable';

const renderKota = () =>
  renderWithProviders(
    <RankingTable
      category="kota"
      rows={view.categories.kota}
      stages={view.stages}
      tiers={bandTiers(view.categories)}
      snapshotId={view.snapshot.id}
    />,
  );
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent);

describe('RankingTable', () => {
  it('lists the category by rank, marks shared ranks, and shows the final score, band and stage scores as Indonesian numbers', () => {
    renderKota();
    const table = screen.getByRole('table', { name: 'Peringkat kategori Kota (4 inovasi)' });
    expect(bodyRows(table).map(cells)).toEqual([
      [
        '1',
        'SiTaro (Siap Antar Obat)OPD SiTaro (Siap Antar Obat) · Kota Bekasi',
        '92,7967 Sangat Inovatif',
        '91,65',
        '92,6167',
        '93,0667',
        'PDF',
      ],
      ['2 (seri)', 'Patriot MantapOPD Patriot Mantap · Kota Bekasi', '55,5 Inovatif', '—', '55,5', '55,5', 'PDF'],
      ['2 (seri)', 'Akta Lahir dari Rumah SakitOPD Akta Lahir dari Rumah Sakit · Kota Bekasi', '55,5 Inovatif', '—', '55,5', '55,5', 'PDF'],
      ['4', 'CESTAOPD CESTA · Kota Bekasi', '20,25 Kurang Inovatif', '—', '20', '20,625', 'PDF'],
    ]);
  });

  it('names each stage column with its share of the final score, and the rank column in full for screen readers', () => {
    renderKota();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      '#Peringkat',
      'Inovasi',
      'Nilai akhir · predikat',
      'Penilaian proposal (tanpa bobot)',
      'Presentasi dan wawancara (bobot 60%)',
      'Verifikasi lapangan (bobot 40%)',
      'Piagam',
    ]);
  });

  it('colours the bands best first, whatever their names, from the finals they were given', () => {
    renderKota();
    const band = (name: string) => screen.getAllByText(name)[0].className;
    expect(band('Sangat Inovatif')).toBe('band band-0');
    expect(band('Inovatif')).toBe('band band-1');
    expect(band('Kurang Inovatif')).toBe('band band-2');
    expect(
      bandTiers({
        a: [
          { ...view.categories.kota[0], band: 'Emas', final: 40 },
          { ...view.categories.kota[0], band: 'Perak', final: 30 },
        ],
      }),
    ).toEqual(
      new Map([
        ['Emas', 0],
        ['Perak', 1],
      ]),
    );
  });

  it('links each innovation to its public page and its certificate to the snapshot', () => {
    renderKota();
    expect(screen.getByRole('link', { name: 'SiTaro (Siap Antar Obat)' }).getAttribute('href')).toBe('/inovasi/i-sitaro');
    expect(screen.getByRole('link', { name: 'Unduh piagam CESTA (PDF)' }).getAttribute('href')).toBe(
      `/api/public/rankings/${view.snapshot.id}/certificates/i-cesta`,
    );
  });
});

describe('UnrankedTable', () => {
  it('lists the unranked innovations with the last stage they were scored in', () => {
    renderWithProviders(
      <UnrankedTable category="kota" rows={view.unranked} total={2} stages={view.stages} slug="iga-2024-demo" version={2} />,
    );
    const table = screen.getByRole('table', { name: 'Tidak berperingkat di kategori Kota (2 inovasi)' });
    expect(bodyRows(table).map(cells)).toEqual([
      ['Layanan Kesehatan Jiwa DaringDinkes Kota Bandung', 'Belum dinilai'],
      ['Bank Sampah DigitalDLH Purwakarta', 'Penilaian proposal'],
    ]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('counts every unranked innovation and fetches the rest a page at a time from the snapshot shown', async () => {
    const row = (i: number) => ({
      innovationId: `i-${i}`,
      title: `Inovasi ${i}`,
      organization: 'OPD',
      category: 'kota',
      reachedStage: i === 130 ? null : 'desk_review',
    });
    // 25 inline (as the API sends them), 131 in all: page 1 of 100 repeats the 25 shown, page 2 has the last 31.
    const inline = Array.from({ length: 25 }, (_, i) => row(i));
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const url = new URL(request.url);
        calls.push(url.pathname + url.search);
        const page = Number(url.searchParams.get('page'));
        const items = Array.from({ length: 131 }, (_, i) => row(i)).slice((page - 1) * 100, page * 100);
        return json(200, { items, total: 131, page, pageSize: 100 });
      }),
    );
    renderWithProviders(<UnrankedTable category="kota" rows={inline} total={131} stages={view.stages} slug="nasional" version={3} />);
    const table = screen.getByRole('table', { name: 'Tidak berperingkat di kategori Kota (131 inovasi)' });
    expect(bodyRows(table)).toHaveLength(25);
    await userEvent.click(screen.getByRole('button', { name: 'Tampilkan lebih banyak (25 dari 131)' }));
    await vi.waitFor(() => expect(bodyRows(table)).toHaveLength(100));
    await userEvent.click(screen.getByRole('button', { name: 'Tampilkan lebih banyak (100 dari 131)' }));
    await vi.waitFor(() => expect(bodyRows(table)).toHaveLength(131));
    // Every innovation once, in order: the overlap of page 1 with the inline rows was dropped.
    expect(bodyRows(table).map((r) => cells(r)[0])).toEqual(Array.from({ length: 131 }, (_, i) => `Inovasi ${i}OPD`));
    expect(cells(bodyRows(table)[130])).toEqual(['Inovasi 130OPD', 'Belum dinilai']);
    expect(calls).toEqual([
      '/api/public/competitions/nasional/rankings/unranked?category=kota&version=3&page=1&pageSize=100',
      '/api/public/competitions/nasional/rankings/unranked?category=kota&version=3&page=2&pageSize=100',
    ]);
    expect(screen.queryByRole('button')).toBeNull();
    vi.unstubAllGlobals();
  });
});
