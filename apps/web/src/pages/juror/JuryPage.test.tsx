import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { competition, json, renderWithProviders, seen } from '../../test/fixtures';
import { loadAreas } from '../../i18n/areas';
import { JuryPage } from './JuryPage';

const item = (n: number) => ({
  id: `a${n}`,
  competitionId: 'c1',
  competitionName: 'KIPP 2027',
  stage: 'desk_review',
  stageStatus: 'open',
  dueAt: null,
  innovationId: `i${n}`,
  title: `Inovasi ${n}`,
  category: 'kota',
  sheetStatus: 'not_started',
  version: 0,
  correction: false,
});
const progress = { total: 3, submitted: 0, draft: 0, notStarted: 3, complete: false };

describe('JuryPage', () => {
  it('shows the first page with the progress over all assignments, and the next page on request (its competition read once)', async () => {
    await loadAreas(['juror']);
    const calls: { path: string; search: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const call = { ...(await seen(request)), search: new URL(request.url).search };
        calls.push(call);
        if (call.path === '/api/competitions/c1')
          return json(200, {
            ...competition,
            plan: { ...competition.plan, stages: [{ key: 'desk_review', label: { id: 'Penilaian proposal', en: 'Desk review' } }] },
          });
        if (call.path === '/api/assignments/mine') {
          const page = Number(new URLSearchParams(call.search).get('page') ?? '1');
          return json(200, { progress, items: page === 1 ? [item(1), item(2)] : [item(3)], total: 3, page, pageSize: 2 });
        }
        return json(404, {});
      }),
    );
    renderWithProviders(<JuryPage />);
    await screen.findByText('Inovasi 2');
    expect(screen.getByText(/0 dari 3 lembar terkirim/)).toBeTruthy();
    expect(screen.getByText('Menampilkan 2 dari 3 penugasan (yang masih dinilai lebih dulu).')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tampilkan 1 berikutnya' }));
    await screen.findByText('Inovasi 3');
    expect(screen.queryByRole('button', { name: /berikutnya/ })).toBeNull();
    expect(screen.getAllByText(/Penilaian proposal/)).toHaveLength(3);
    expect(calls.filter((c) => c.path === '/api/assignments/mine').map((c) => c.search)).toEqual(['?page=1', '?page=2']);
    expect(calls.filter((c) => c.path === '/api/competitions/c1')).toHaveLength(1);
  });

  it('offers to score a correction in a closed stage, and only to view the other closed-stage sheets', async () => {
    await loadAreas(['juror']);
    const closed = { ...item(1), stageStatus: 'closed', sheetStatus: 'draft', title: 'SiTaro', id: 'a1' };
    const corrected = { ...item(2), stageStatus: 'closed', sheetStatus: 'draft', title: 'Patriot Mantap', id: 'a2', correction: true };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const call = await seen(request);
        if (call.path === '/api/competitions/c1') return json(200, competition);
        if (call.path === '/api/assignments/mine')
          return json(200, { progress: { ...progress, total: 2 }, items: [corrected, closed], total: 2, page: 1, pageSize: 50 });
        return json(404, {});
      }),
    );
    renderWithProviders(<JuryPage />);
    expect(await screen.findByRole('link', { name: 'Nilai: Patriot Mantap' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lihat: SiTaro' })).toBeTruthy();
    expect(screen.getAllByText('Koreksi sanggahan: dinilai walau tahap ditutup')).toHaveLength(1);
  });
});
