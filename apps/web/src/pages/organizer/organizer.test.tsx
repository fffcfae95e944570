import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Competition } from '../../api/types';
import { competition, json, renderWithProviders, seen } from '../../test/fixtures';
import { ImportPage } from './ImportPage';
import { StageControl } from './StageControl';

function stubFetch(answer: (call: Awaited<ReturnType<typeof seen>>) => Response) {
  const calls: Awaited<ReturnType<typeof seen>>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const call = { ...(await seen(request)), type: request.headers.get('content-type') };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

const desk = { key: 'desk_review', kind: 'desk_review', label: { id: 'Penilaian proposal', en: 'Desk review' }, opensAt: null, closesAt: null, weight: 0, rubric: [], aggregation: 'mean', jurorsPerInnovation: 2, advance: { type: 'top', n: 45 } } as unknown as Competition['plan']['stages'][number];
const judging = { ...competition, status: 'judging', stages: [{ key: 'desk_review', status: 'open', openedAt: null, closedAt: null }] } as Competition;

describe('StageControl', () => {
  it('lists what a refused close is missing, then forces it with the reason given', async () => {
    const calls = stubFetch((call) =>
      JSON.parse(call.body || '{}').force
        ? json(200, { stage: 'desk_review', passed: 1, eliminated: 0, forced: true, decisions: [{ innovationId: 'i1', title: 'SiTaro', category: 'kota', outcome: 'passed', score: 80, rank: 1, reason: 'rank 1 of 1 in kota' }] })
        : json(409, {
            statusCode: 409,
            error: 'Conflict',
            code: 'STAGE_SHEETS_OPEN',
            message: '1 score sheet(s) are not submitted: Dr. Siti on "SiTaro" (draft). Wait for them, or close with force and a reason.',
            details: { open: [{ assignmentId: 'a1', innovationId: 'i1', innovationTitle: 'SiTaro', jurorId: 'j1', jurorName: 'Dr. Siti', status: 'not_started' }] },
          }),
    );
    const onChanged = vi.fn();
    renderWithProviders(<StageControl competition={judging} stage={desk} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Tutup tahap' }));
    const missing = await screen.findByRole('form', { name: 'Pekerjaan yang belum selesai (1)' });
    expect(within(missing).getByRole('listitem').textContent).toBe('Dr. Siti: “SiTaro” (not started)');
    expect(screen.getByRole('alert').textContent).toContain('Wait for them, or close with force and a reason.');
    await userEvent.type(within(missing).getByLabelText('Alasan menutup paksa'), 'Juri berhalangan');
    await userEvent.click(within(missing).getByRole('button', { name: 'Tutup paksa dengan alasan' }));
    await screen.findByText('Tahap ditutup: 1 lolos, 0 tidak lolos');
    expect(calls.map((c) => `${c.method} ${c.path} ${c.body}`)).toEqual([
      'POST /api/competitions/c1/stages/desk_review/close {}',
      'POST /api/competitions/c1/stages/desk_review/close {"force":true,"reason":"Juri berhalangan"}',
    ]);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});

describe('ImportPage', () => {
  it('sends the CSV as text/csv and lists every row the API refused', async () => {
    const calls = stubFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'IMPORT_ORGANIZATIONS_INVALID',
        message: 'The import was refused (1 error(s), nothing was written)',
        details: { fields: [{ field: 'row 3: region', message: 'no region "Kota Atlantis"' }], errors: [{ row: 3, field: 'region', message: 'no region "Kota Atlantis"' }] },
      }),
    );
    renderWithProviders(<ImportPage />);
    const form = screen.getByRole('form', { name: 'Organisasi (OPD)' });
    const csv = 'name,region\nDinas Sosial,32.75\nDinas Perhubungan,Kota Atlantis';
    await userEvent.type(within(form).getByLabelText('Isi CSV'), csv);
    await userEvent.click(within(form).getByRole('button', { name: 'Impor' }));
    const refused = await within(form).findByRole('alert');
    expect(within(refused).getByText('Impor ditolak; tidak ada yang disimpan (1 masalah).')).toBeTruthy();
    const cells = within(refused).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['3', 'region', 'no region "Kota Atlantis"']);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/imports/organizations', type: 'text/csv', body: csv });
  });
});
