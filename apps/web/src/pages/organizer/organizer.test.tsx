import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Competition } from '../../api/types';
import { session } from '../../api/client';
import { competition, json, renderWithProviders, seen, user } from '../../test/fixtures';
import { ImportPage } from './ImportPage';
import { ResultsPage } from './ResultsPage';
import { StageControl } from './StageControl';

type Call = Awaited<ReturnType<typeof seen>> & { type: string | null; search: string };

function stubFetch(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const call = { ...(await seen(request)), type: request.headers.get('content-type'), search: new URL(request.url).search };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

const desk = {
  key: 'desk_review',
  kind: 'desk_review',
  label: { id: 'Penilaian proposal', en: 'Desk review' },
  opensAt: null,
  closesAt: null,
  weight: 0,
  rubric: [],
  aggregation: 'mean',
  jurorsPerInnovation: 2,
  advance: { type: 'top', n: 45 },
} as unknown as Competition['plan']['stages'][number];
const judging = {
  ...competition,
  status: 'judging',
  stages: [{ key: 'desk_review', status: 'open', openedAt: null, closedAt: null }],
} as Competition;

describe('StageControl', () => {
  it('lists what a refused close is missing, then forces it with the reason given', async () => {
    const calls = stubFetch((call) =>
      JSON.parse(call.body || '{}').force
        ? json(200, {
            stage: 'desk_review',
            passed: 1,
            eliminated: 0,
            forced: true,
            decisions: [
              {
                innovationId: 'i1',
                title: 'SiTaro',
                category: 'kota',
                outcome: 'passed',
                score: 80,
                rank: 1,
                reason: 'rank 1 of 1 in kota',
              },
            ],
          })
        : json(409, {
            statusCode: 409,
            error: 'Conflict',
            code: 'STAGE_SHEETS_OPEN',
            message: '1 score sheet(s) are not submitted: Dr. Siti on "SiTaro" (draft). Wait for them, or close with force and a reason.',
            params: { count: 1 },
            details: {
              open: [
                {
                  assignmentId: 'a1',
                  innovationId: 'i1',
                  innovationTitle: 'SiTaro',
                  jurorId: 'j1',
                  jurorName: 'Dr. Siti',
                  status: 'not_started',
                },
              ],
            },
          }),
    );
    const onChanged = vi.fn();
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    renderWithProviders(<StageControl competition={judging} stage={desk} onChanged={onChanged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Tutup tahap' }));
    expect(confirm).toHaveBeenLastCalledWith(expect.stringMatching(/^Tutup tahap Penilaian proposal\? .*maju ke tahap berikutnya/));
    const missing = await screen.findByRole('form', { name: 'Pekerjaan yang belum selesai (1)' });
    expect(within(missing).getByRole('listitem').textContent).toBe('Dr. Siti: “SiTaro” (Belum dimulai)');
    expect(screen.getByRole('alert').textContent).toContain('1 lembar nilai belum dikirim. Tunggu juri, atau tutup paksa dengan alasan.');
    await userEvent.type(within(missing).getByLabelText('Alasan menutup paksa'), 'Juri berhalangan');
    await userEvent.click(within(missing).getByRole('button', { name: 'Tutup paksa dengan alasan' }));
    await screen.findByText('Tahap ditutup: 1 lolos, 0 tidak lolos');
    expect(calls.map((c) => `${c.method} ${c.path} ${c.body}`)).toEqual([
      'POST /api/competitions/c1/stages/desk_review/close {}',
      'POST /api/competitions/c1/stages/desk_review/close {"force":true,"reason":"Juri berhalangan"}',
    ]);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('asks before closing: nothing is sent when the organizer cancels, and the wording is firmer before the planned close and for the last stage', async () => {
    const calls = stubFetch(() => json(200, { stage: 'desk_review', passed: 0, eliminated: 0, forced: false, decisions: [] }));
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const early = { ...desk, closesAt: '2099-01-31T16:59:59Z' } as typeof desk;
    const lastPlan = { ...judging, plan: { ...judging.plan, stages: [early] } } as Competition;
    renderWithProviders(<StageControl competition={lastPlan} stage={early} onChanged={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Tutup tahap' }));
    expect(calls).toEqual([]);
    expect(confirm).toHaveBeenCalledWith(
      expect.stringMatching(/^PERHATIAN: tahap ini dijadwalkan ditutup pada .*2099.*Ini tahap terakhir: penjurian selesai/),
    );
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
        details: {
          fields: [{ field: 'row 3: region', message: 'no region "Kota Atlantis"' }],
          errors: [{ row: 3, field: 'region', message: 'no region "Kota Atlantis"' }],
        },
      }),
    );
    renderWithProviders(<ImportPage />);
    const form = screen.getByRole('form', { name: 'Organisasi (OPD)' });
    const csv = 'name,region\nDinas Sosial,32.75\nDinas Perhubungan,Kota Atlantis';
    await userEvent.type(within(form).getByLabelText('Isi CSV'), csv);
    await userEvent.click(within(form).getByRole('button', { name: 'Impor' }));
    const refused = await within(form).findByRole('alert');
    expect(within(refused).getByText('Impor ditolak; tidak ada yang disimpan (1 masalah).')).toBeTruthy();
    const cells = within(refused)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['3', 'region', 'no region "Kota Atlantis"']);
    // Besides the import, the page may poll its operation's progress (GET /api/operations/{id}).
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/imports/organizations', type: 'text/csv', body: csv }),
    ]);
  });
});

describe('ImportPage for an admin', () => {
  it('loads the national areas with one button and shows the counts; region tags come from a CSV', async () => {
    session.signedIn({ accessToken: 'a', refreshToken: 'r', user: { ...user, role: 'admin', email: 'admin@demo.local' } } as never);
    try {
      const calls = stubFetch((call) => {
        if (call.path === '/api/imports/national-areas')
          return json(200, {
            source: 'idn-area-data@4.0.1',
            provinces: 38,
            kabupaten: 416,
            kota: 98,
            created: 540,
            updated: 0,
            unchanged: 12,
          });
        if (call.path === '/api/imports/region-tags')
          return json(200, {
            updated: 1,
            unchanged: 0,
            items: [
              {
                id: 'r1',
                code: '91.03',
                name: 'Kabupaten Jayapura',
                kind: 'kabupaten',
                parentId: 'p',
                tags: ['daerah_tertinggal', 'perbatasan'],
              },
            ],
          });
        return json(404, {});
      });
      renderWithProviders(<ImportPage />);
      const areas = screen.getByRole('region', { name: 'Wilayah nasional (provinsi, kabupaten, kota)' });
      await userEvent.click(within(areas).getByRole('button', { name: 'Muat wilayah nasional' }));
      const table = await within(areas).findByRole('table', { name: 'Dimuat dari idn-area-data@4.0.1' });
      expect(
        within(table)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual([
        'Provinsi dalam paket data',
        '38',
        'Kabupaten dalam paket data',
        '416',
        'Kota dalam paket data',
        '98',
        'Wilayah baru',
        '540',
        'Wilayah diperbarui (kode, nama resmi atau induk)',
        '0',
        'Wilayah sudah sesuai',
        '12',
      ]);
      expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/imports/national-areas' });

      const tags = screen.getByRole('form', { name: 'Tag wilayah' });
      await userEvent.type(within(tags).getByLabelText('Isi CSV'), 'code,tags\n91.03,daerah_tertinggal|perbatasan');
      await userEvent.click(within(tags).getByRole('button', { name: 'Impor' }));
      const done = await within(tags).findByRole('table', { name: 'Tag 1 wilayah diubah, 0 sudah sama.' });
      expect(
        within(done)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['91.03', 'Kabupaten Jayapura', 'daerah_tertinggal, perbatasan']);
      // The import runs as a tracked operation: the page may poll its progress (GET /api/operations/:id) meanwhile.
      expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.type])).toEqual([
        ['/api/imports/national-areas', null],
        ['/api/imports/region-tags', 'text/csv'],
      ]);
    } finally {
      session.signOut();
    }
  });
});

describe('ResultsPage', () => {
  it('previews under the plan’s aggregation, and a published edition shows that it is published instead of the provisional steps', async () => {
    const published = { ...competition, status: 'published', stages: [] } as Competition;
    const calls = stubFetch((call) => {
      if (call.path === '/api/competitions/c1') return json(200, published);
      if (call.path === '/api/competitions/c1/rankings/preview')
        return json(200, {
          categories: {
            kota: [
              {
                rank: 1,
                rawRank: 2,
                submission: 'i1',
                title: 'SiTaro',
                organization: 'RSUD',
                stages: {},
                final: 81.2345,
                band: 'Sangat Inovatif',
              },
            ],
          },
          unranked: [{ submission: 'i2', title: 'Lain', category: 'kota', reachedStage: null }],
          stagesOpen: [],
        });
      if (call.path === '/api/competitions/c1/objections') return json(200, { announcement: null, objections: [] });
      return json(404, {});
    });
    renderWithProviders(<ResultsPage id="c1" />);
    await screen.findByRole('heading', { name: 'Hasil sudah diterbitkan' });
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/api/competitions/c1/rankings/preview')).toBe(true));
    const preview = calls.find((c) => c.path === '/api/competitions/c1/rankings/preview')!;
    expect(preview.search).toBe('');
    expect((screen.getByRole('combobox', { name: 'Cara agregasi' }) as HTMLSelectElement).value).toBe('');
    const table = await screen.findByRole('table', { name: 'Kota' });
    expect(within(table).getByRole('row', { name: /SiTaro/ }).textContent).toContain('81,2345');
    expect(screen.getByRole('table', { name: /Tidak masuk peringkat|belum|unranked/i }).textContent).toContain('Kota');
    expect(screen.queryByText('Hasil sementara belum diumumkan.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Umumkan hasil sementara' })).toBeNull();
  });
});

describe('ResultsPage objection corrections', () => {
  it('an upheld objection lists what its correction waits for; the organizer assigns a juror to a reinstated innovation, settles the stage and reopens with a reason', async () => {
    const scored = { ...desk, rubric: [{ key: 'kebaharuan', label: { id: 'Kebaharuan', en: 'Novelty' }, weight: 100, min: 0, max: 100 }] };
    const screening = {
      ...desk,
      key: 'screening',
      kind: 'screening',
      label: { id: 'Pemeriksaan administrasi', en: 'Screening' },
      rubric: [],
    };
    const judged = {
      ...competition,
      status: 'judging',
      plan: { ...competition.plan, stages: [screening, scored] },
      stages: [
        { key: 'screening', status: 'closed', openedAt: null, closedAt: '2027-05-01T00:00:00Z' },
        { key: 'desk_review', status: 'closed', openedAt: null, closedAt: '2027-06-01T00:00:00Z' },
      ],
    } as unknown as Competition;
    let corrections = [{ stage: 'desk_review', kind: 'entrant', open: 1 }];
    const calls = stubFetch((call) => {
      if (call.path === '/api/competitions/c1') return json(200, judged);
      if (call.path === '/api/competitions/c1/rankings/preview') return json(200, { categories: {}, unranked: [], stagesOpen: [] });
      if (call.path === '/api/users') return json(200, { items: [{ id: 'j1', name: 'Prof. Rina', role: 'juror' }], total: 1 });
      if (call.path === '/api/competitions/c1/objections')
        return json(200, {
          announcement: { id: 'a1', opensAt: '2027-07-01T00:00:00Z', closesAt: '2027-07-06T00:00:00Z' },
          objections: [
            {
              id: 'o1',
              announcementId: 'a1',
              competitionId: 'c1',
              innovationId: 'i1',
              filedBy: 'u1',
              reason: 'SK ada di lampiran 3',
              filedAt: '2027-07-02T00:00:00Z',
              answer: 'Dikabulkan',
              decision: 'upheld',
              answeredBy: 'u2',
              answeredAt: '2027-07-03T00:00:00Z',
              corrections,
            },
          ],
        });
      if (call.method === 'POST' && call.path === '/api/competitions/c1/stages/desk_review/assignments/manual')
        return json(201, { id: 'as1' });
      if (call.method === 'POST' && call.path === '/api/objections/o1/settle') {
        corrections = [];
        return json(200, {
          objectionId: 'o1',
          innovationId: 'i1',
          stage: 'desk_review',
          outcome: 'passed',
          score: 90,
          rank: 1,
          next: null,
        });
      }
      if (call.method === 'POST' && call.path === '/api/objections/o1/reopen')
        return json(200, { objectionId: 'o1', innovationId: 'i1', stage: 'desk_review', reopened: 2 });
      return json(404, {});
    });
    renderWithProviders(<ResultsPage id="c1" />);
    await screen.findByText(/Penilaian proposal: inovasi dipulihkan setelah tahap ini ditutup/);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Juri untuk tahap Penilaian proposal' }), 'j1');
    await userEvent.click(screen.getByRole('button', { name: 'Tugaskan juri' }));
    await screen.findByText('Juri ditugaskan dan diberi tahu.');
    const assigned = calls.find((c) => c.path.endsWith('/assignments/manual'))!;
    expect(JSON.parse(assigned.body)).toEqual({ innovationId: 'i1', jurorId: 'j1' });
    await userEvent.click(screen.getByRole('button', { name: 'Tetapkan hasil tahap Penilaian proposal' }));
    await screen.findByText('Hasil tahap ditetapkan; OPD diberi tahu.');
    expect(JSON.parse(calls.find((c) => c.path === '/api/objections/o1/settle')!.body)).toEqual({ stage: 'desk_review' });
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Tugaskan juri' })).toBeNull());
    await userEvent.click(screen.getByText('Buka kembali untuk koreksi'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tahap' }), 'desk_review');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Alasan (dicatat dan dikirim kepada yang terdampak)' }),
      'Data armada baru belum dinilai',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Buka kembali' }));
    await screen.findByText(/Dibuka kembali; juri atau pemeriksa diberi tahu/);
    expect(JSON.parse(calls.find((c) => c.path === '/api/objections/o1/reopen')!.body)).toEqual({
      stage: 'desk_review',
      reason: 'Data armada baru belum dinilai',
    });
  });
});
