import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Sheet, SheetView } from '../../api/juror';
import { draft, json, renderWithProviders, seen } from '../../test/fixtures';
import { navigate } from '../../router/router';
import { ScoreSheet } from './ScoreSheet';

const sheet = (over: Partial<Sheet> = {}): Sheet => ({
  status: 'draft',
  scores: { kebaruan: 70 },
  comment: 'cukup',
  version: 3,
  submittedAt: null,
  noConflictConfirmedAt: '2027-08-02T01:00:00Z',
  ...over,
});

const view = (s: Sheet): SheetView => ({
  assignment: {
    id: 'a1',
    stage: 'desk_review',
    stageLabel: { id: 'Penilaian proposal', en: 'Desk review' },
    dueAt: '2027-08-31T16:59:59Z',
    stageStatus: 'open',
    correction: false,
  },
  innovation: draft,
  documents: [],
  rubric: [
    {
      key: 'kebaruan',
      label: { id: 'Kebaruan', en: 'Novelty' },
      weight: 25,
      min: 0,
      max: 100,
      guidance: { id: 'Seberapa baru gagasannya.', en: 'How new the idea is.' },
    },
    {
      key: 'manfaat',
      label: { id: 'Kemanfaatan', en: 'Benefit' },
      weight: 75,
      min: 1,
      max: 5,
      guidance: { id: 'Manfaat nyata bagi warga.', en: 'Real benefit to citizens.' },
    },
  ],
  sheet: s,
});

const renderSheet = (s: Sheet, onReload = () => undefined) =>
  renderWithProviders(<ScoreSheet view={view(s)} onReload={onReload} autosaveMs={150} />);
const box = (name: RegExp) => screen.getByRole('spinbutton', { name });
/** One change event with the whole value (typing key by key could let the debounce fire in between on a slow machine). */
const enter = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const described = (el: HTMLElement) =>
  el
    .getAttribute('aria-describedby')!
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent);

/** A fetch stub that records each request and answers with `answer(call, n)`. */
function stubFetch(answer: (call: Awaited<ReturnType<typeof seen>>, n: number) => Response | Promise<Response>) {
  const calls: Awaited<ReturnType<typeof seen>>[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const call = await seen(request);
    calls.push(call);
    return answer(call, calls.length);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

describe('ScoreSheet', () => {
  it('shows each criterion with its label, guidance and range, tied to its input', () => {
    renderSheet(sheet());
    const kebaruan = box(/^Kebaruan/);
    expect(described(kebaruan)).toEqual(['Seberapa baru gagasannya.', 'Nilai 0–100 · bobot 25']);
    expect(described(box(/^Kemanfaatan/))).toEqual(['Manfaat nyata bagi warga.', 'Nilai 1–5 · bobot 75']);
    expect((kebaruan as HTMLInputElement).value).toBe('70');
  });

  it('autosaves after typing with the version it edited, then with the version the API returned', async () => {
    const calls = stubFetch((call) =>
      json(200, { ...sheet(), ...JSON.parse(call.body), version: JSON.parse(call.body).version + 1, status: 'draft' }),
    );
    renderSheet(sheet());
    enter(box(/^Kebaruan/), '85');
    await vi.waitFor(() => expect(screen.getByText('Tersimpan (versi 4).')).toBeTruthy());
    expect(calls).toHaveLength(1);
    expect(`${calls[0].method} ${calls[0].path}`).toBe('PUT /api/assignments/a1/sheet');
    expect(JSON.parse(calls[0].body)).toEqual({ scores: { kebaruan: 85 }, comment: 'cukup', version: 3 });
    enter(box(/^Kemanfaatan/), '4');
    await vi.waitFor(() => expect(screen.getByText('Tersimpan (versi 5).')).toBeTruthy());
    expect(JSON.parse(calls[1].body)).toEqual({ scores: { kebaruan: 85, manfaat: 4 }, comment: 'cukup', version: 4 });
  });

  it('sends nothing before the no-conflict confirmation, then confirms on the first save', async () => {
    const calls = stubFetch(() => json(200, sheet({ version: 1, scores: { kebaruan: 60 }, comment: '' })));
    renderSheet(sheet({ status: 'not_started', version: 0, scores: {}, comment: null, noConflictConfirmedAt: null }));
    enter(box(/^Kebaruan/), '60');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(0);
    expect(screen.getByText(/^Belum tersimpan ke server: centang pernyataan tidak ada konflik kepentingan/)).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: /tidak memiliki konflik kepentingan/ }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(JSON.parse(calls[0].body)).toEqual({ scores: { kebaruan: 60 }, comment: '', version: 0, confirmNoConflict: true });
  });

  it('never drops typed scores: without the confirmation they stay on this device, and come back after a reload', async () => {
    const calls = stubFetch(() => json(200, sheet({ version: 1 })));
    const fresh = sheet({ status: 'not_started', version: 0, scores: {}, comment: null, noConflictConfirmedAt: null });
    const first = renderSheet(fresh);
    enter(box(/^Kebaruan/), '60');
    fireEvent.change(screen.getByRole('textbox', { name: /Catatan penilaian/ }), { target: { value: 'gagasan baru' } });
    expect(JSON.parse(localStorage.getItem('inovasi.sheet.a1.v0')!)).toEqual({
      scores: { kebaruan: '60', manfaat: '' },
      comment: 'gagasan baru',
    });
    first.unmount(); // the tab is closed or reloaded
    renderSheet(fresh);
    expect((box(/^Kebaruan/) as HTMLInputElement).value).toBe('60');
    expect(screen.getByText(/dipulihkan dari perangkat ini/)).toBeTruthy();
    expect(screen.getByText(/^Belum tersimpan ke server/)).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.click(screen.getByRole('checkbox', { name: /tidak memiliki konflik kepentingan/ }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(JSON.parse(calls[0].body)).toEqual({ scores: { kebaruan: 60 }, comment: 'gagasan baru', version: 0, confirmNoConflict: true });
    await vi.waitFor(() => expect(localStorage.getItem('inovasi.sheet.a1.v0')).toBeNull());
  });

  it('asks before leaving while typed scores are unsaved: closing the tab and in-app navigation', async () => {
    stubFetch(() => json(200, sheet({ version: 1 })));
    history.replaceState(null, '', '/juri/penugasan/a1');
    renderSheet(sheet({ status: 'not_started', version: 0, scores: {}, comment: null, noConflictConfirmedAt: null }));
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    enter(box(/^Kebaruan/), '60');
    expect(unload()).toBe(true);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    act(() => navigate('/kotak-masuk'));
    expect(confirm).toHaveBeenCalledWith('Nilai yang Anda ketik belum tersimpan ke server. Tetap tinggalkan halaman ini?');
    expect(location.pathname).toBe('/juri/penugasan/a1');
    await userEvent.click(screen.getByRole('checkbox', { name: /tidak memiliki konflik kepentingan/ }));
    await vi.waitFor(() => expect(unload()).toBe(false));
    act(() => navigate('/kotak-masuk'));
    expect(location.pathname).toBe('/kotak-masuk');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('puts the range errors of a 400 next to the criterion they name', async () => {
    stubFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid scores: scores.kebaruan: must be between 0 and 100',
        code: 'JUDGING_INVALID_SCORES',
        details: { fields: [{ field: 'scores.kebaruan', message: 'must be between 0 and 100' }] },
      }),
    );
    renderSheet(sheet());
    box(/^Kebaruan/).focus();
    enter(box(/^Kebaruan/), '150');
    await vi.waitFor(() => expect(box(/^Kebaruan/).getAttribute('aria-invalid')).toBe('true'));
    expect(described(box(/^Kebaruan/))).toContain('must be between 0 and 100');
    expect(box(/^Kemanfaatan/).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/^Periksa isian berikut: Kebaruan/)).toBeTruthy();
    // An autosave error does not move the focus away from the box being typed in.
    expect(document.activeElement).toBe(box(/^Kebaruan/));
  });

  it('when the sheet changed elsewhere (409), says so, stops saving and offers to reload', async () => {
    const calls = stubFetch(() =>
      json(409, {
        statusCode: 409,
        error: 'Conflict',
        code: 'JUDGING_VERSION_CONFLICT',
        message: 'The score sheet has changed: you edited version 3, the current version is 4.',
        params: { expectedVersion: 3, currentVersion: 4 },
      }),
    );
    const onReload = vi.fn();
    renderSheet(sheet(), onReload);
    enter(box(/^Kemanfaatan/), '3');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Lembar ini telah diubah di tempat lain');
    expect(alert.textContent).toContain('Anda mengedit versi 3, versi sekarang 4');
    expect(box(/^Kemanfaatan/).hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(alert).getByRole('button', { name: 'Muat ulang lembar' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
  });

  it('disables Submit while it is in flight, sends it once with the version, then locks the sheet', async () => {
    let answer!: (r: Response) => void;
    const calls = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    renderSheet(sheet({ scores: { kebaruan: 70, manfaat: 4 } }));
    const submit = screen.getByRole('button', { name: 'Kirim penilaian' });
    await userEvent.click(submit);
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(submit.textContent).toBe('Mengirim…');
    await userEvent.click(submit);
    expect(calls).toHaveLength(1);
    expect(`${calls[0].method} ${calls[0].path} ${calls[0].body}`).toBe('POST /api/assignments/a1/sheet/submit {"version":3}');
    await act(async () => answer(json(200, sheet({ status: 'submitted', version: 4, scores: { kebaruan: 70, manfaat: 4 } }))));
    await vi.waitFor(() => expect(screen.getByText('Penilaian terkirim dan terkunci.')).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Kirim penilaian' })).toBeNull();
    expect(box(/^Kebaruan/).hasAttribute('disabled')).toBe(true);
  });

  it('shows the fields a refused submit names in a summary linked to them', async () => {
    stubFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'JUDGING_INVALID_SCORES',
        message: 'The sheet cannot be submitted',
        details: { fields: [{ field: 'scores.manfaat', message: 'is required to submit the sheet' }] },
      }),
    );
    renderSheet(sheet());
    await userEvent.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Kemanfaatan' }).getAttribute('href')).toBe('#f-scores-manfaat');
    expect(described(box(/^Kemanfaatan/))).toContain('is required to submit the sheet');
  });
});
