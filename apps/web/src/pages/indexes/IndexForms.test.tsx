import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../api/client';
import type { User } from '../../api/types';
import { json, renderWithProviders, seen, user } from '../../test/fixtures';
import { assessment, edition } from '../../test/index-fixtures';
import { SelfAssessmentPage } from './SelfAssessmentPage';
import { VerifyRegionPage } from './ValidatorPages';

function signInAs(role: User['role'], regionId: string | null) {
  session.signedIn({
    accessToken: 'a',
    refreshToken: 'r',
    tokenType: 'Bearer',
    expiresIn: 900,
    user: { ...user, role, regionId: regionId as unknown as User['regionId'] },
  } as never);
}
afterEach(() => session.signOut());

// Whole pages render here; on a loaded machine that takes longer than vitest's default 5 s.
describe('the coordinator’s self-assessment form', { timeout: 30_000 }, () => {
  it('shows what is unanswered and what lacks evidence, each indicator with its options, guidance and required evidence, and saves an answer', async () => {
    signInAs('coordinator', 'r-bekasi');
    const sent: { method: string; path: string; body: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const r = await seen(request);
        sent.push(r);
        if (r.path === '/api/index-editions/e1') return json(200, edition);
        if (r.path === '/api/index-editions/e1/regions/r-bekasi') return json(200, assessment);
        if (r.path === '/api/index-editions/e1/regions/r-bekasi/answers')
          return json(200, {
            id: 'a-anggaran',
            indicator: 'anggaran',
            innovationId: null,
            option: 'ada',
            link: null,
            version: 1,
            updatedAt: '2026-05-02T00:00:00Z',
          });
        return json(404, {});
      }),
    );
    renderWithProviders(<SelfAssessmentPage id="e1" />);
    await screen.findByRole('heading', {
      level: 1,
      name: 'Penilaian mandiri IID Uji: Kota Bekasi',
    });
    const complete = screen.getByRole('region', { name: 'Kelengkapan' });
    expect(complete.textContent).toContain('2 belum dijawab, 1 jawaban tanpa bukti dukung yang diminta.');
    expect(within(complete).getByRole('link', { name: 'Indikator "Anggaran" belum dijawab.' }).getAttribute('href')).toBe(
      '#f-region-anggaran',
    );

    const regulasi = screen.getByRole('group', { name: 'Regulasi' });
    expect(within(regulasi).getByText('Bukti dukung belum lengkap')).toBeTruthy();
    expect(within(regulasi).getByRole('radio', { name: /Perda 3 poin/ })).toHaveProperty('checked', true);
    expect(regulasi.textContent).toContain('Bukti: dokumen (Peraturan (perda, perkada)).');
    expect(regulasi.textContent).toContain('Bukti: tautan (http/https).');
    // Answered: the upload offers only the kinds the chosen option asks for.
    const kinds = within(
      within(regulasi).getByRole('group', {
        name: 'Unggah bukti dukung untuk Regulasi',
      }),
    ).getByLabelText('Jenis dokumen') as HTMLSelectElement;
    expect([...kinds.options].map((o) => o.value)).toEqual(['regulation']);

    const anggaran = screen.getByRole('group', { name: 'Anggaran' });
    expect(within(anggaran).getByText('Belum dijawab')).toBeTruthy();
    const save = within(anggaran).getByRole('button', {
      name: 'Simpan jawaban',
    });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.click(within(anggaran).getByRole('radio', { name: /Ada 2 poin/ }));
    fireEvent.click(save);
    await within(anggaran).findByText('Jawaban tersimpan.');
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(JSON.parse(put.body)).toEqual({
      indicator: 'anggaran',
      option: 'ada',
      link: '',
    });
    // The completeness is read again after the save.
    await vi.waitFor(() => expect(sent.filter((r) => r.path === '/api/index-editions/e1/regions/r-bekasi').length).toBe(2));

    expect(screen.getByRole('region', { name: 'Inovasi yang dilaporkan OPD (1)' }).textContent).toContain('SiTaro');
    expect(screen.getByRole('button', { name: 'Kirim penilaian mandiri' })).toBeTruthy();
  });

  it('closed and published, shows the verified option and the validator’s note beside the region’s', async () => {
    signInAs('coordinator', 'r-bekasi');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { path } = await seen(request);
        if (path === '/api/index-editions/e1') return json(200, { ...edition, status: 'closed' });
        if (path === '/api/index-editions/e1/regions/r-bekasi')
          return json(200, {
            ...assessment,
            submittedAt: '2026-05-03T02:00:00Z',
            answers: [{ ...assessment.answers[0], verifiedOption: 'perkada', verifiedNote: 'Perda masih rancangan' }],
          });
        return json(404, {});
      }),
    );
    renderWithProviders(<SelfAssessmentPage id="e1" />);
    const regulasi = await screen.findByRole('group', { name: 'Regulasi' });
    expect(regulasi.textContent).toContain('Hasil verifikasi: Perkada (2 poin)');
    expect(regulasi.textContent).toContain('Catatan validator: Perda masih rancangan');
    // Before that (no verified fields in the answer) nothing of the kind shows.
    expect(screen.getByRole('group', { name: 'Anggaran' }).textContent).not.toContain('Hasil verifikasi');
  });

  it('is read-only once submitted', async () => {
    signInAs('coordinator', 'r-bekasi');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const { path } = await seen(request);
        if (path === '/api/index-editions/e1') return json(200, edition);
        if (path === '/api/index-editions/e1/regions/r-bekasi')
          return json(200, {
            ...assessment,
            submittedAt: '2026-05-03T02:00:00Z',
          });
        return json(404, {});
      }),
    );
    renderWithProviders(<SelfAssessmentPage id="e1" />);
    await screen.findByText(/telah dikirim pada/);
    expect(screen.queryByRole('button', { name: 'Simpan jawaban' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kirim penilaian mandiri' })).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Regulasi' })).getByRole('radio', { name: /Perda/ })).toHaveProperty('disabled', true);
  });
});

describe('the validator’s side-by-side screen', { timeout: 30_000 }, () => {
  it('a lower verified option cannot be saved without a note; the note goes with it', async () => {
    signInAs('juror', null);
    const bodies: string[] = [];
    const verifying = { ...edition, status: 'verification' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const r = await seen(request);
        if (r.path === '/api/index-editions/e1') return json(200, verifying);
        if (r.path === '/api/index-editions/e1/regions/r-bekasi')
          return json(200, {
            ...assessment,
            answers: assessment.answers.map((a) => ({
              ...a,
              verifiedOption: null,
              verifiedNote: null,
            })),
          });
        if (r.method === 'PUT') {
          bodies.push(r.body);
          return json(200, {
            ...assessment.answers[0],
            verifiedOption: 'perkada',
            verifiedNote: 'x',
          });
        }
        return json(404, {});
      }),
    );
    renderWithProviders(<VerifyRegionPage id="e1" regionId="r-bekasi" />);
    const card = await screen.findByRole('group', { name: /^Regulasi/ });
    expect(card.textContent).toContain('Pilihan daerah');
    expect(card.textContent).toContain('Perda');
    expect(card.textContent).toContain('Belum ada bukti dukung.');
    fireEvent.click(within(card).getByRole('radio', { name: /Perkada/ }));
    const save = within(card).getByRole('button', {
      name: 'Simpan verifikasi',
    });
    expect(save).toHaveProperty('disabled', true);
    expect(card.textContent).toContain('Wajib: pilihan ini lebih rendah dari pilihan daerah.');
    fireEvent.change(within(card).getByLabelText(/Catatan validator/), {
      target: { value: 'Perda masih rancangan' },
    });
    expect(save).toHaveProperty('disabled', false);
    fireEvent.click(save);
    await within(card).findByText('Verifikasi tersimpan.');
    expect(JSON.parse(bodies[0])).toEqual({
      option: 'perkada',
      note: 'Perda masih rancangan',
    });
    // Eligibility of the region's innovation: not eligible needs a reason.
    const eligibility = screen.getByRole('group', {
      name: 'Kelayakan inovasi',
    });
    fireEvent.click(within(eligibility).getByRole('radio', { name: 'Tidak layak dihitung' }));
    expect(within(eligibility).getByRole('button', { name: 'Simpan kelayakan' })).toHaveProperty('disabled', true);
  });
});
