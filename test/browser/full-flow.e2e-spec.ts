import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, chromiumOrSkip, startDemoInChromium, watchProblems } from '../support/browser';
import type { TestApp } from '../support/test-app';
import { bearer, completeProposal, login, submissionOpenSince, uploadPdf } from '../support/factories';

const hasChromium = chromiumOrSkip('test/browser/full-flow.e2e-spec.ts');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const TITLE = 'SiTaro Alur Penuh';
const SLUG = 'alur-penuh';

/**
 * A whole edition in the browser: the organizer creates it from the template and edits its plan, an OPD's
 * proposal goes through the coordinator (API), the organizer runs every stage in the UI, a juror scores on a
 * phone, and the published ranking is public.
 */
(hasChromium ? describe : describe.skip)('full competition flow in real Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let organizer: Page;
  let juror: Page;
  let competitionId: string;
  let innovationId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ t, base, browser } = await startDemoInChromium());
    // Two people, two browsers' worth of storage: the organizer at a desk, the juror on a phone.
    organizer = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    // Closing a stage asks first (window.confirm): the organizer means it.
    organizer.on('dialog', (dialog) => void dialog.accept());
    juror = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    for (const page of [organizer, juror]) watchProblems(page, problems);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `full-flow-${name}.png`), fullPage: true });

  async function signIn(page: Page, email: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('demo-pass-2024');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }

  const editionLink = (name: string) =>
    organizer.getByRole('navigation', { name: /^Bagian edisi/ }).getByRole('link', { name, exact: true });
  const stagePage = (key: string) => organizer.goto(`${base}/panitia/edisi/${competitionId}/tahap/${key}`);

  /** Assignments of a stage with their juror's e-mail. */
  async function assignmentsOf(stage: string): Promise<{ id: string; email: string }[]> {
    const rows = await t.db.query(
      `SELECT a.id, u.email FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.competition_id = $1 AND a.stage_key = $2 AND a.removed_at IS NULL`,
      [competitionId, stage],
    );
    return rows.rows;
  }

  /** What jurors do in the stages not scored in the browser: every sheet at 85, submitted. */
  async function scoreViaApi(stage: string) {
    for (const a of await assignmentsOf(stage)) {
      const token = (await login(t, a.email)).accessToken;
      const sheet = await t.http().get(`/api/assignments/${a.id}/sheet`).set(bearer(token));
      const scores = Object.fromEntries(sheet.body.rubric.map((c: { key: string }) => [c.key, 85]));
      const saved = await t
        .http()
        .put(`/api/assignments/${a.id}/sheet`)
        .set(bearer(token))
        .send({ scores, comment: 'Sesuai rubrik', confirmNoConflict: true, version: 0 });
      expect(saved.status).toBe(200);
      expect(
        (await t.http().post(`/api/assignments/${a.id}/sheet/submit`).set(bearer(token)).send({ version: saved.body.version })).status,
      ).toBe(200);
    }
  }

  async function closeStage() {
    await organizer.getByRole('button', { name: 'Tutup tahap' }).click();
    await organizer.getByText(/Tahap ditutup: 1 lolos, 0 tidak lolos/).waitFor();
  }

  /**
   * Assign (k from the plan), open, let the jurors score, close: all but the scoring in the organizer's UI.
   * A field visit is scheduled before the assignment (which then leaves the verifier out), a presentation after
   * it (its panel is made of the jurors assigned).
   */
  async function runScoredStage(
    key: string,
    score: () => Promise<void>,
    prepare: { beforeAssign?: () => Promise<void>; afterAssign?: () => Promise<void> } = {},
  ) {
    await stagePage(key);
    await prepare.beforeAssign?.();
    await organizer.getByRole('button', { name: 'Tugaskan juri' }).click();
    await organizer.getByRole('term').filter({ hasText: 'Penugasan baru' }).waitFor();
    await prepare.afterAssign?.();
    await organizer.getByRole('button', { name: 'Buka tahap' }).click();
    await organizer.getByText('Tahap dibuka; 1 inovasi masuk tahap ini.').waitFor();
    await score();
    await closeStage();
  }

  it('the organizer creates an edition from the template and edits its plan; the API’s 400 lands at the input', async () => {
    await organizer.goto(`${base}/panitia`);
    await signIn(organizer, 'organizer@demo.local');
    await organizer.getByRole('heading', { level: 1, name: 'Edisi kompetisi' }).waitFor();
    const form = organizer.getByRole('form', { name: 'Edisi baru dari templat IGA/KIPP' });
    await form.getByLabel('Nama edisi').fill('Kompetisi Alur Penuh');
    await form.getByLabel('Alamat singkat (slug)').fill(SLUG);
    await form.getByLabel('Tahun').fill(String(new Date().getFullYear() + 1));
    await form.getByRole('button', { name: 'Buat edisi' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'Rencana tahap: Kompetisi Alur Penuh' }).waitFor();
    competitionId = organizer.url().split('/').at(-2)!;

    // Jurors per innovation left empty: the API names stages[2].jurorsPerInnovation, shown at that box.
    const desk = organizer.getByRole('group', { name: 'Penilaian proposal' });
    await desk.getByLabel('Juri per inovasi').fill('');
    await organizer.getByRole('button', { name: 'Simpan rencana' }).click();
    await organizer.getByText('Periksa isian berikut').waitFor();
    await expect(desk.getByLabel('Juri per inovasi').getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(organizer, '1-plan-error-desktop');

    await organizer.getByLabel('Proposal diperiksa koordinator wilayah sebelum sampai ke penyelenggara').check();
    for (const stage of ['Penilaian proposal', 'Presentasi dan wawancara', 'Verifikasi lapangan'])
      await organizer.getByRole('group', { name: stage }).getByLabel('Juri per inovasi').fill('1');
    // No objection window in this one-innovation edition: publication then needs no announcement that has run out.
    await organizer.getByLabel('Masa sanggah (hari)').fill('0');
    await organizer.getByLabel('Alasan perubahan').fill('Edisi uji satu inovasi');
    await organizer.getByRole('button', { name: 'Simpan rencana' }).click();
    await organizer.getByText('Rencana tersimpan.').waitFor();
    const plan = (await t.db.query('SELECT plan FROM competitions WHERE id = $1', [competitionId])).rows[0].plan;
    expect(plan.requireCoordinator).toBe(true);
    expect(plan.stages.map((s: { jurorsPerInnovation: number }) => s.jurorsPerInnovation)).toEqual([0, 0, 1, 1, 1]);

    // The template's submission window opens on 1 January; this run submits today (submitting waits for the window).
    await t.db.query(`UPDATE competitions SET plan = jsonb_set(plan, '{stages,0,opensAt}', to_jsonb($2::text)) WHERE id = $1`, [
      competitionId,
      submissionOpenSince(),
    ]);
    await editionLink('Ringkasan').click();
    await organizer.getByRole('button', { name: 'Buka edisi' }).click();
    await organizer.locator('.badge-open').first().waitFor();
  });

  it('an OPD submits with evidence and the coordinator forwards it (API)', async () => {
    const opd = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const created = await t.http().post(`/api/competitions/${competitionId}/innovations`).set(bearer(opd)).send({ title: TITLE });
    innovationId = created.body.id;
    const patched = await t
      .http()
      .patch(`/api/innovations/${innovationId}`)
      .set(bearer(opd))
      .send({ ...completeProposal(TITLE), version: created.body.version });
    expect(patched.status).toBe(200);
    expect((await uploadPdf(t, opd, innovationId)).status).toBe(201);
    expect((await t.http().post(`/api/innovations/${innovationId}/submit`).set(bearer(opd))).body.status).toBe('awaiting_coordinator');
    const coordinator = (await login(t, 'coordinator.bekasi@demo.local')).accessToken;
    expect((await t.http().post(`/api/innovations/${innovationId}/forward`).set(bearer(coordinator)).send({})).body.status).toBe(
      'submitted',
    );
  });

  it('the organizer closes submission, screens in bulk and assigns the desk review', async () => {
    await stagePage('submission');
    await closeStage();
    await editionLink('Inovasi').click();
    await organizer.getByRole('cell', { name: TITLE }).waitFor();

    await stagePage('screening');
    await organizer.getByRole('button', { name: 'Buka tahap' }).click();
    await organizer.getByLabel(`Keputusan: ${TITLE}`).selectOption('pass');
    await organizer.getByRole('button', { name: 'Kirim 1 keputusan' }).click();
    await organizer.getByText('Keputusan tersimpan: 1 lolos, 0 tidak lolos.').waitFor();
    await closeStage();

    await stagePage('desk_review');
    await organizer.getByRole('button', { name: 'Tugaskan juri' }).click();
    await organizer.getByRole('term').filter({ hasText: 'Penugasan baru' }).waitFor();
    await organizer.getByRole('button', { name: 'Buka tahap' }).click();
    await organizer.getByText('Tahap dibuka; 1 inovasi masuk tahap ini.').waitFor();
    await shot(organizer, '2-stage-desktop');
  });

  it('the juror scores on a phone: guidance, a range error from the API, autosave, submit', async () => {
    const [assignment] = await assignmentsOf('desk_review');
    await juror.goto(`${base}/juri`);
    await signIn(juror, assignment.email);
    await juror.getByRole('heading', { level: 1, name: 'Penilaian saya' }).waitFor();
    await juror.getByText('0 dari 1 lembar terkirim').waitFor();
    await shot(juror, '3-juror-list-phone');
    await juror.getByRole('link', { name: `Nilai: ${TITLE}` }).click();
    await juror.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await juror.getByRole('link', { name: 'Unduh sk-inovasi.pdf' }).waitFor();
    await juror.getByText('Seberapa baru gagasan atau cara pelayanan').waitFor();

    await juror.getByLabel('Saya menyatakan tidak memiliki konflik kepentingan dengan inovasi ini.').check();
    const kebaruan = juror.getByRole('spinbutton', { name: /^Kebaruan/ });
    await kebaruan.fill('150');
    await juror.getByText('harus antara 0 dan 100').waitFor(); // the API's field code, in the page's language
    await expect(kebaruan.getAttribute('aria-invalid')).resolves.toBe('true');
    for (const name of ['Kebaruan', 'Efektivitas', 'Kemanfaatan', 'Replikasi', 'Keberlanjutan'])
      await juror.getByRole('spinbutton', { name: new RegExp(`^${name}`) }).fill('80');
    await juror.getByLabel('Catatan penilaian').fill('Inovasi berdampak nyata dan mudah direplikasi.');
    await juror.getByText(/Tersimpan \(versi \d+\)\./).waitFor();
    await shot(juror, '4-sheet-saved-phone');
    await juror.getByRole('button', { name: 'Kirim penilaian' }).click();
    await juror.getByText('Penilaian terkirim dan terkunci.').waitFor();
    const sheet = await t.db.query('SELECT status, scores FROM score_sheets WHERE assignment_id = $1', [assignment.id]);
    expect(sheet.rows[0]).toEqual({
      status: 'submitted',
      scores: { kebaruan: 80, efektivitas: 80, kemanfaatan: 80, replikasi: 80, keberlanjutan: 80 },
    });
    await shot(juror, '5-sheet-submitted-phone');
  });

  it('the organizer closes the scored stages, announces (the plan has no window) and publishes; the ranking is public', async () => {
    await stagePage('desk_review');
    await closeStage();
    await runScoredStage('presentation', () => scoreViaApi('presentation'), {
      afterAssign: async () => {
        const form = organizer.getByRole('form', { name: 'Jadwalkan atau pindahkan presentasi' });
        await form.getByLabel('Inovasi').selectOption({ label: TITLE });
        await form.getByLabel('Mulai').fill('2027-09-10T09:00');
        await form.getByLabel('Selesai').fill('2027-09-10T09:20');
        await form.getByLabel('Ruang').fill('Ruang Rapat Utama');
        const [panelist] = (
          await t.db.query(
            `SELECT u.name FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.competition_id = $1 AND a.stage_key = 'presentation' AND a.removed_at IS NULL ORDER BY u.name`,
            [competitionId],
          )
        ).rows;
        await form.getByLabel(panelist.name, { exact: true }).check();
        await form.getByRole('button', { name: 'Simpan jadwal' }).click();
        await organizer.getByText(`Presentasi “${TITLE}” dijadwalkan.`).waitFor();
        await organizer.getByRole('cell', { name: 'Ruang Rapat Utama' }).waitFor();
        const slot = await t.db.query('SELECT starts_at FROM presentation_slots WHERE innovation_id = $1', [innovationId]);
        expect(slot.rows[0].starts_at.toISOString()).toBe('2027-09-10T02:00:00.000Z');
        await shot(organizer, '6-presentation-desktop');
      },
    });
    await runScoredStage('field_verification', () => scoreViaApi('field_verification'), {
      beforeAssign: async () => {
        const form = organizer.getByRole('form', { name: 'Jadwalkan verifikasi lapangan' });
        await form.getByLabel('Inovasi').selectOption({ label: TITLE });
        await form.getByLabel('Waktu kunjungan').fill('2027-10-07T09:00');
        await form.getByLabel('Alamat').fill('Jl. Pramuka No. 55, Kota Bekasi');
        await form.getByLabel('Ir. Agus Wijaya, M.Si.').check();
        await form.getByRole('button', { name: 'Simpan kunjungan' }).click();
        await organizer.getByText(`Kunjungan ke “${TITLE}” dijadwalkan.`).waitFor();
      },
    });

    await editionLink('Hasil').click();
    const row = organizer.getByRole('row', { name: new RegExp(TITLE) });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe('1');
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('1');
    await organizer.getByLabel('Lama masa sanggah (hari)').fill('0');
    await organizer.getByRole('button', { name: 'Umumkan hasil sementara' }).click();
    await organizer.getByText(/^Masa sanggah: /).waitFor();
    await organizer.getByRole('button', { name: 'Terbitkan' }).click();
    await organizer.getByText(/Versi 1 diterbitkan \(sha256:/).waitFor();
    await shot(organizer, '7-published-desktop');

    const rankings = await t.http().get(`/api/public/competitions/${SLUG}/rankings`);
    expect(rankings.status).toBe(200);
    expect(rankings.body.categories.kota).toEqual([expect.objectContaining({ rank: 1, title: TITLE, final: 85, innovationId })]);
    await organizer.getByRole('link', { name: 'Lihat halaman hasil publik' }).click();
    await organizer.waitForURL(`${base}/kompetisi/${SLUG}`);
    await organizer.getByRole('main').getByText(TITLE).first().waitFor();
    await shot(organizer, '8-public-results-desktop');
    expect(problems).toEqual([]);
  });
});
