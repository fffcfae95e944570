import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AwardEntry, AwardResults } from '../api/awards';
import { json, renderWithProviders, seen } from '../test/fixtures';
import { EntryForm } from './coordinator/AwardEntryPage';
import { AwardTables } from './public/AwardResultsPage';

const entry: AwardEntry = {
  id: 'e1',
  competitionId: 'c1',
  regionId: 'r1',
  regionName: 'Kota Bekasi',
  regionKind: 'kota',
  category: 'kota',
  groups: [],
  indexRanks: { kota: 3 },
  iid: 71.23,
  indexSnapshotId: 's0',
  status: 'submitted',
  currentStage: 'iid',
  presenterName: null,
  presenterPosition: null,
  materialsUrl: null,
  showcase: [],
  version: 1,
  editable: true,
  options: [
    { id: 'sitaro', title: 'SiTaro (Siap Antar Obat)', eligible: true },
    { id: 'patriot', title: 'Patriot Mantap', eligible: true },
    { id: 'old', title: 'Aplikasi Lama', eligible: false },
  ],
};

const results: AwardResults = {
  competition: { id: 'c1', slug: 'iga-2024-daerah-demo', name: 'IGA 2024 (demo) — daerah terinovatif', year: 2024 },
  snapshot: { id: 's1', version: 1, hash: 'sha256:abc', publishedAt: '2024-11-28T02:00:00.000Z' as unknown as string },
  index: { slug: 'iid-2024-demo', name: 'IID 2024 (demo)', snapshotId: 's0', version: 1 },
  stages: [
    { key: 'iid', label: { id: 'Nominasi dari IID', en: 'Nomination from the IID' }, weight: 50 },
    { key: 'presentation', label: { id: 'Presentasi kepala daerah', en: 'Presentation' }, weight: 30 },
  ],
  sections: [
    {
      key: 'kota',
      kind: 'category',
      label: { id: 'Kota Terinovatif', en: 'Most Innovative City' },
      rows: [
        {
          rank: 3,
          entryId: 'e1',
          regionId: 'r1',
          region: 'Kota Bekasi',
          final: 77.5,
          band: 'Sangat Inovatif',
          stages: { iid: 71.23, presentation: 88 },
          flagship: [
            { id: 'sitaro', title: 'SiTaro (Siap Antar Obat)' },
            { id: 'patriot', title: 'Patriot Mantap' },
          ],
          indexUrl: 'http://x/api/public/index-editions/iid-2024-demo/regions/r1?version=1',
        },
      ],
    },
    {
      key: 'daerah_tertinggal',
      kind: 'group',
      label: { id: 'Daerah Tertinggal Terinovatif', en: 'Most Innovative Disadvantaged Region' },
      rows: [],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('region awards in the web app', () => {
  it('the coordinator prepares the entry: presenter, materials and the verified innovations to show (an ineligible one cannot be chosen)', async () => {
    const requests: Awaited<ReturnType<typeof seen>>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        requests.push(await seen(request));
        return json(200, {
          ...entry,
          presenterName: 'Tri Adhianto',
          version: 2,
          showcase: [{ id: 'sitaro', title: 'SiTaro (Siap Antar Obat)' }],
        });
      }),
    );
    renderWithProviders(<EntryForm competition="IGA 2024 (demo)" entry={entry} />);
    await userEvent.type(screen.getByLabelText('Nama pemapar'), 'Tri Adhianto');
    await userEvent.click(screen.getByRole('checkbox', { name: 'SiTaro (Siap Antar Obat)' }));
    expect((screen.getByRole('checkbox', { name: /Aplikasi Lama/ }) as HTMLInputElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Simpan persiapan' }));
    expect((await screen.findByRole('status')).textContent).toBe('Persiapan tersimpan.');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'PATCH', path: '/api/award-entries/e1' });
    expect(JSON.parse(requests[0].body)).toEqual({
      presenterName: 'Tri Adhianto',
      presenterPosition: '',
      materialsUrl: '',
      showcase: ['sitaro'],
      version: 1,
    });
  }, 30_000); // typing is slow on a loaded machine

  it('a locked entry says so and cannot be changed', () => {
    renderWithProviders(<EntryForm competition="IGA 2024 (demo)" entry={{ ...entry, editable: false }} />);
    screen.getByText('Presentasi sudah dimulai; persiapan tidak dapat diubah lagi.');
    expect((screen.getByLabelText('Nama pemapar') as HTMLInputElement).matches(':disabled')).toBe(true);
  });

  it('public results: a table per category and group, each region linked to its index page with its flagship innovations', () => {
    renderWithProviders(<AwardTables view={results} />);
    const table = screen.getByRole('table', { name: 'Kota Terinovatif' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(Array.from(row.querySelectorAll('th, td'), (c) => c.textContent)).toEqual([
      '3',
      'Kota Bekasi',
      'SiTaro (Siap Antar Obat); Patriot Mantap',
      '71,23',
      '88',
      '77,5',
    ]);
    expect(within(row).getByRole('link', { name: 'Halaman indeks Kota Bekasi' }).getAttribute('href')).toBe(
      results.sections[0].rows[0].indexUrl,
    );
    screen.getByRole('heading', { name: 'Daerah Tertinggal Terinovatif' });
    screen.getByText('Tidak ada daerah berperingkat.');
  });
});
