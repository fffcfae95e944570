import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { canonicalize } from '../../../../../libs/kernel/src/index';
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { RankingView, SnapshotJson } from '../../api/public';
import { json, renderWithProviders, seen } from '../../test/fixtures';
import { rankingView } from '../../test/public-fixtures';
import { VerifySection } from './VerifySection';

/** The snapshot behind `rankingView`, and the view with the hash it really has. */
const input = { method: { aggregation: 'mean' }, stages: [], submissions: [], sheets: [] };
const output: SnapshotJson['output'] = {
  inputsDigest: 'sha256:0071',
  categories: Object.fromEntries(
    Object.entries(rankingView.categories).map(([c, rows]) => [
      c,
      rows.map((r) => ({ rank: r.rank, submission: r.innovationId, final: r.final, band: r.band, stages: r.stages })),
    ]),
  ),
  unranked: [],
};
const hash = `sha256:${createHash('sha256').update(canonicalize({ input, output })!).digest('hex')}`;

function setup(view: RankingView) {
  const fetch = vi.fn(async (request: Request) => {
    expect((await seen(request)).path).toBe(`/api/public/rankings/${view.snapshot.id}`);
    return json(200, { input, output, hash, meta: { snapshotId: view.snapshot.id, version: 2 } });
  });
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(<VerifySection view={view} />);
  return fetch;
}

describe('VerifySection', () => {
  const view = { ...rankingView, snapshot: { ...rankingView.snapshot, id: '5b1c0000-0000-4000-8000-00000000000a', hash } };

  it('shows the snapshot hash and version and the exact commands, with the snapshot to download', () => {
    setup(view);
    const section = screen.getByRole('region', { name: 'Verifikasi' });
    expect(within(section).getByText(hash).tagName).toBe('CODE');
    expect(within(section).getByText('Versi 2, diumumkan 20 Nov 2024, 10.00')).toBeTruthy();
    expect(Array.from(section.querySelectorAll('pre'), (p) => p.textContent)).toEqual([
      `curl -o snapshot.json ${location.origin}/api/public/rankings/${view.snapshot.id}`,
      'npm run -s cli -- verify snapshot.json',
    ]);
    const download = within(section).getByRole('link', { name: 'Unduh snapshot JSON' });
    expect([download.getAttribute('href'), download.getAttribute('download')]).toEqual([
      `/api/public/rankings/${view.snapshot.id}`,
      'snapshot.json',
    ]);
  });

  it('checks in the browser that the snapshot hashes to the published hash and holds the rows shown, fetching it once', async () => {
    const fetch = setup(view);
    const button = screen.getByRole('button', { name: 'Periksa hash di peramban ini' });
    await userEvent.click(button);
    const status = await screen.findByText(/^Cocok/);
    expect(status.textContent).toBe(
      `Cocok: isi snapshot menghasilkan hash ${hash}, dan 5 baris peringkat di halaman ini sama dengan isi snapshot.`,
    );
    await userEvent.click(button);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says what differs when the page does not show what the snapshot holds', async () => {
    const tampered = {
      ...view,
      snapshot: { ...view.snapshot, id: '5b1c0000-0000-4000-8000-00000000000b' },
      categories: { ...view.categories, kota: view.categories.kota.map((r) => (r.innovationId === 'i-cesta' ? { ...r, rank: 3 } : r)) },
    };
    setup(tampered);
    await userEvent.click(screen.getByRole('button', { name: 'Periksa hash di peramban ini' }));
    expect((await screen.findByText(/^Tidak cocok/)).textContent).toBe('Tidak cocok: 1 baris di halaman ini berbeda dengan isi snapshot.');
  });
});
