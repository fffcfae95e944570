import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, buildWebIfStale, chromiumOrSkip, launchChromium, watchProblems } from '../support/browser';
import { createTestApp, type TestApp } from '../support/test-app';
import { demoDeskReview } from '../support/demo-desk-review';
import { bearer, login, openCompetition, seedDemo, seedSubmitted } from '../support/factories';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { waitFor } from '../support/wait';

const hasChromium = chromiumOrSkip('test/browser/citizen-voice.e2e-spec.ts');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The citizens' voice in the browser: the OPD's survey screens (unit, period, counter QR code, CSV import,
 * burst decision, evidence link), the public form on a phone, a unit's IKM history, an innovation's before/after,
 * the favourite vote from the e-mailed link to the published tally, and the juror's dossier with SiTaro's survey
 * evidence next to "kemanfaatan" (demo data: its pharmacy surveyed before and after its 2021 launch).
 */
(hasChromium ? describe : describe.skip)("citizens' voice pages in real Chromium", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let sink: SmtpSink;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebIfStale();
    sink = await startSmtpSink();
    // Without Redis the outbox is drained in process: the vote's confirmation mail really goes out through SMTP.
    t = await createTestApp({
      SURVEY_BURST_COUNT: '3',
      SURVEY_BURST_SECONDS: '600',
      REDIS_URL: '',
      SMTP_URL: sink.url,
      NOTIFY_POLL_MS: '50',
    });
    await seedDemo(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  async function newPage(viewport: { width: number; height: number }, phone = false): Promise<Page> {
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    watchProblems(page, problems);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `citizen-voice-${name}.png`), fullPage: true });

  async function signIn(page: Page, email: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('demo-pass-2024');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }

  let periodCode: string;
  it('an OPD registers a unit, opens a period, prints the counter QR code, imports a CSV (per-row errors), excludes a flagged burst with a reason, and links an innovation', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(`${base}/survei`);
    await signIn(page, 'opd.rsud@demo.local');
    await page.getByRole('heading', { level: 1, name: 'Survei kepuasan masyarakat (SKM)' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Survei kepuasan' }).waitFor();
    const unitForm = page.getByRole('form', { name: 'Unit layanan baru' });
    await unitForm.getByRole('button', { name: 'Tambah unit' }).click();
    await unitForm.getByText('Periksa isian berikut').waitFor();
    await unitForm.getByLabel('Nama unit layanan').fill('Loket Farmasi IGD');
    await unitForm.getByLabel('Jumlah pengguna layanan per tahun').fill('500');
    await unitForm.getByRole('button', { name: 'Tambah unit' }).click();
    await unitForm.getByText('Unit "Loket Farmasi IGD" ditambahkan.').waitFor();
    await page.getByRole('link', { name: 'Loket Farmasi IGD' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loket Farmasi IGD' }).waitFor();

    const periodForm = page.getByRole('form', { name: 'Buka periode survei' });
    await periodForm.getByLabel('Nama periode').fill('SKM Uji Peramban');
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
    await periodForm.getByLabel('Selesai (tanggal, tidak termasuk)').fill(today);
    await periodForm.getByLabel('Mulai (tanggal)').fill(later);
    await periodForm.getByRole('button', { name: 'Buka periode' }).click();
    await periodForm.getByText('Periksa isian berikut').waitFor();
    await periodForm.getByLabel('Mulai (tanggal)').fill(today);
    await periodForm.getByLabel('Selesai (tanggal, tidak termasuk)').fill(later);
    await periodForm.getByRole('button', { name: 'Buka periode' }).click();
    await periodForm.getByText('Periode "SKM Uji Peramban" dibuka.').waitFor();
    await page.getByRole('link', { name: 'SKM Uji Peramban' }).click();

    // The counter card: the short link and its QR code, printable.
    const card = page.getByRole('region', { name: 'SKM Uji Peramban — Loket Farmasi IGD' });
    const link = (await card.locator('.short-link').textContent())!;
    expect(link).toMatch(new RegExp(`^${base}/s/[a-z2-9]{8}$`));
    periodCode = link.split('/s/')[1];
    const qr = card.getByRole('img', { name: `Kode QR tautan survei ${link}` });
    await expect(qr.getAttribute('data-qr-text')).resolves.toBe(link);
    expect(((await qr.locator('path').getAttribute('d')) ?? '').length).toBeGreaterThan(500);
    await card.getByRole('button', { name: 'Cetak kartu loket' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('form', { name: 'Impor hasil survei (CSV)' }).isVisible()).resolves.toBe(false);
    await expect(qr.isVisible()).resolves.toBe(true);
    await shot(page, 'counter-card-print');
    await page.emulateMedia({ media: 'screen' });

    // A CSV import: refused with every bad row named, then taken.
    const importForm = page.getByRole('form', { name: 'Impor hasil survei (CSV)' });
    await importForm.getByLabel('Atau tempel isi CSV').fill('u1,u2,u3,u4,u5,u6,u7,u8,u9\n3,3,5,3,3,3,3,3,3\n4,4,4,4,4,4,0,4,4\n');
    await importForm.getByRole('button', { name: 'Impor' }).click();
    await importForm.getByText(/Berkas ditolak: \d+ masalah/).waitFor();
    const rowTable = importForm.getByRole('region', { name: 'Masalah per baris (baris 1 adalah judul kolom)' });
    await importForm.getByText('Berkas ditolak: 2 masalah. Tidak ada baris yang disimpan.').waitFor();
    await rowTable
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'u3', exact: true }) })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();
    await rowTable
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'u7', exact: true }) })
      .getByRole('cell', { name: '3', exact: true })
      .waitFor();
    await shot(page, 'import-refused');
    await importForm
      .getByLabel('Atau tempel isi CSV')
      .fill('u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\n3,3,2,3,3,3,3,3,3,Antrean obat terlalu lama\n4,4,3,4,4,4,4,4,4,\n');
    await importForm.getByRole('button', { name: 'Impor' }).click();
    await importForm.getByText('2 isian diimpor.').waitFor();
    await page.getByText(/^IKM \d+,\d+ · mutu [A-D]/).waitFor();
    await page.getByText('Antrean obat terlalu lama').waitFor();

    // Three form answers within minutes: a burst, flagged and still counted until an audited decision.
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post(`/api/public/surveys/${periodCode}/responses`)
        .send({ answers: { u1: 1, u2: 1, u3: 1, u4: 1, u5: 1, u6: 1, u7: 1, u8: 1, u9: 1 } });
      expect(res.status).toBe(201);
    }
    await page.reload();
    await page.getByText('Isian terhitung: 3 dari formulir, 2 dari impor; 0 dikecualikan.').waitFor();
    const burst = page.getByRole('form', { name: /^3 isian formulir antara/ });
    await burst.getByRole('button', { name: 'Kecualikan dari IKM' }).click();
    await burst.getByText('Periksa isian berikut').waitFor();
    await burst.getByLabel('Alasan keputusan').fill('Tiga isian bernilai 1 dalam satu menit dari satu perangkat');
    await burst.getByRole('button', { name: 'Kecualikan dari IKM' }).click();
    await page.getByText('Isian terhitung: 0 dari formulir, 2 dari impor; 3 dikecualikan.').waitFor();
    await page.getByText(/: 3 isian dikecualikan — Tiga isian bernilai 1 dalam satu menit dari satu perangkat/).waitFor();
    await page.getByText('Tidak ada lonjakan isian yang ditandai.').waitFor();
    const audit = await t.db.query(`SELECT reason FROM audit_events WHERE action = 'survey_response.exclude' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0].reason).toBe('Tiga isian bernilai 1 dalam satu menit dari satu perangkat');
    await shot(page, 'period');

    // The innovation's evidence of impact: the demo pharmacy's periods before and after its start date.
    const organizer = (await login(t, 'organizer@demo.local')).accessToken;
    const competition = await openCompetition(t, organizer, { slug: 'skm-peramban' });
    const rsud = (await login(t, 'opd.rsud@demo.local')).accessToken;
    const draft = await t
      .http()
      .post(`/api/competitions/${competition.id}/innovations`)
      .set(bearer(rsud))
      .send({ title: 'SiTaro Peramban', startDate: '2021-10-25' });
    expect(draft.status).toBe(201);
    await page.goto(`${base}/opd/innovations/${draft.body.id}`);
    const impact = page.getByRole('region', { name: 'Bukti dampak dari survei kepuasan' });
    const linkForm = impact.getByRole('form', { name: 'Bukti dampak dari survei kepuasan' });
    await linkForm.getByLabel('Unit layanan').selectOption({ label: 'Instalasi Farmasi Rawat Jalan' });
    await linkForm
      .getByLabel('Periode sebelum inovasi')
      .locator('option', { hasText: 'SKM Semester I 2021' })
      .waitFor({ state: 'attached' });
    await linkForm.getByLabel('Periode sebelum inovasi').selectOption({ label: 'SKM Semester I 2022' });
    await linkForm.getByLabel('Periode sesudah inovasi').selectOption({ label: 'SKM Semester I 2021' });
    await linkForm.getByRole('button', { name: 'Hubungkan' }).click();
    await linkForm.getByText('Periksa isian berikut').waitFor();
    await linkForm.getByLabel('Periode sebelum inovasi').selectOption({ label: 'SKM Semester I 2021' });
    await linkForm.getByLabel('Periode sesudah inovasi').selectOption({ label: 'SKM Semester I 2022' });
    await linkForm.getByRole('button', { name: 'Hubungkan' }).click();
    await linkForm.getByText('Bukti dampak terhubung.').waitFor();
    await impact.getByTestId('ikm-change-chart').waitFor();
    await impact.getByText(/SKM Semester I 2021 .*IKM \d+,\d+ \(C\) · 290 responden/).waitFor();
  }, 180_000);

  it('the public form on a phone: errors in Indonesian, a submitted answer, a second answer of the same ticket refused', async () => {
    const page = await newPage(PHONE, true);
    await page.goto(`${base}/s/${periodCode}`);
    await page.getByRole('heading', { level: 1, name: 'Survei Kepuasan Masyarakat' }).waitFor();
    const answerAll = async (value: string) => {
      for (let i = 1; i <= 9; i++)
        await page
          .getByRole('group', { name: new RegExp(`^U${i}\\. `) })
          .getByLabel(new RegExp(`^${value} · `))
          .check();
    };
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByRole('alert').filter({ hasText: 'Jawab kesembilan unsur terlebih dahulu.' }).waitFor();
    await answerAll('4');
    await page.getByLabel('Jenis kelamin').selectOption({ label: 'Perempuan' });
    await page.getByLabel('Nomor antrean (jika ada)').fill('B-017');
    await page.getByLabel('Saran dan masukan').fill('Petugas ramah');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Terima kasih, jawaban Anda sudah diterima.').waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'form-phone');

    await page.goto(`${base}/s/${periodCode}`);
    await answerAll('3');
    await page.getByLabel('Nomor antrean (jika ada)').fill('b-017');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Responden ini sudah mengisi survei pada periode ini.').waitFor();
    await page.getByLabel('Umur').fill('5');
    await page.getByLabel('Nomor antrean (jika ada)').fill('B-018');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Periksa isian berikut').waitFor();
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM survey_responses r JOIN survey_periods p ON p.id = r.period_id WHERE p.code = $1 AND r.source = 'form' AND r.exclusion_id IS NULL`,
      [periodCode],
    );
    expect(rows.rows[0].n).toBe(1);
  }, 120_000);

  it("a unit's public IKM history shows a bar per period, and SiTaro's public page its before/after", async () => {
    const page = await newPage(PHONE, true);
    await page.goto(`${base}/s/sitaro22/ikm`);
    await page.getByRole('link', { name: 'Riwayat IKM unit ini' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riwayat Indeks Kepuasan Masyarakat — Instalasi Farmasi Rawat Jalan' }).waitFor();
    const chart = page.getByTestId('ikm-history-chart');
    await expect(chart.getByRole('meter').count()).resolves.toBe(2);
    await expect(chart.locator('.ikm-value').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^\d+,\d+ C$/),
      expect.stringMatching(/^\d+,\d+ B$/),
    ]);
    await page.getByText('SKM Semester I 2022: 310 responden, mutu Baik').waitFor();
    await shot(page, 'unit-history');

    const [sitaro] = (
      await t.db.query(
        `SELECT i.id FROM innovations i JOIN competitions c ON c.id = i.competition_id WHERE c.slug = 'iga-2024-demo' AND i.title LIKE 'SiTaro%'`,
      )
    ).rows;
    await page.goto(`${base}/inovasi/${sitaro.id}`);
    const section = page.getByRole('region', { name: /Bukti dampak/ });
    await section.getByTestId('ikm-change-chart').waitFor();
    await section.getByRole('row', { name: /IKM keseluruhan/ }).waitFor();
    await section.getByText(/SKM Semester I 2022 .*\(B\) · 310 responden/).waitFor();
    await shot(page, 'innovation-before-after');
  }, 120_000);

  it('the favourite vote on a phone: vote, confirm from the e-mailed link, results hidden until close, then the published tally', async () => {
    const organizer = (await login(t, 'organizer@demo.local')).accessToken;
    const competition = await openCompetition(t, organizer, { slug: 'favorit-peramban' });
    const ids = await seedSubmitted(t, competition.id, [
      { code: 'RSUD-KOTA-BEKASI', title: 'SiTaro Favorit' },
      { code: 'DISDUKCAPIL-KOTA-BEKASI', title: 'Patriot Mantap Favorit' },
    ]);
    const poll = await t
      .http()
      .post(`/api/competitions/${competition.id}/favourite-polls`)
      .set(bearer(organizer))
      .send({ category: 'kota', opensAt: iso(Date.now() - 3600_000), closesAt: iso(Date.now() + day), innovationIds: Object.values(ids) });
    expect(poll.status).toBe(201);

    const page = await newPage(PHONE, true);
    await page.goto(`${base}/favorit/${poll.body.id}`);
    await page.getByRole('heading', { level: 1, name: /^Juara Favorit kota — / }).waitFor();
    await expect(page.getByRole('heading', { name: 'Hasil' }).count()).resolves.toBe(0);
    await page.getByLabel(/^Patriot Mantap Favorit — /).check();
    await page.getByLabel('E-mail Anda (tautan konfirmasi dikirim ke sini)').fill('warga.peramban@gmail.com');
    await page.getByRole('button', { name: 'Kirim suara' }).click();
    await page.getByText('Periksa e-mail Anda: suara dihitung setelah tautan konfirmasi dibuka.').waitFor();
    const mail = await waitFor('the confirmation mail', () => sink.to('warga.peramban@gmail.com')[0]);
    const link = /https?:\/\/\S+\/v\/[\w.-]+/.exec(mail.text)![0];
    await page.goto(`${base}${new URL(link).pathname}`);
    await page.getByText('Suara Anda sudah dihitung. Terima kasih!').waitFor();

    await page.goto(`${base}/favorit/${poll.body.id}`);
    await page.getByRole('button', { name: 'Kirim suara' }).waitFor();
    await expect(page.getByRole('region', { name: 'Hasil' }).count()).resolves.toBe(0);
    await t.db.query(
      `UPDATE favourite_polls SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = $1`,
      [poll.body.id],
    );
    await page.reload();
    const results = page.getByRole('region', { name: 'Hasil' });
    await results.getByRole('listitem').filter({ hasText: 'Patriot Mantap Favorit' }).filter({ hasText: '1 suara' }).waitFor();
    await results.getByRole('listitem').filter({ hasText: 'SiTaro Favorit' }).filter({ hasText: '0 suara' }).waitFor();
    await results.getByText(/Sidik hasil .*sha256:[0-9a-f]{64}/).waitFor();
    await shot(page, 'favourite-results');
    expect(problems).toEqual([]);
  }, 120_000);

  it("the juror's dossier shows IKM before/after with sample sizes and a chart, summarised next to the kemanfaatan criterion", async () => {
    const review = await demoDeskReview(t);
    const page = await newPage(PHONE, true);
    await page.goto(`${base}/juri/penilaian/${review.assignments[0].id}`);
    await signIn(page, review.assignments[0].email);
    const section = page.getByRole('region', { name: /Bukti dampak/ });
    await section.getByRole('heading', { name: 'Instalasi Farmasi Rawat Jalan · RSUD dr. Chasbullah Abdulmadjid Kota Bekasi' }).waitFor();
    await section.getByText(/SKM Semester I 2021 .*IKM \d+,\d+ \(C\) · 290 responden, sampel minimal 278 terpenuhi/).waitFor();
    await section.getByText(/SKM Semester I 2022 .*IKM \d+,\d+ \(B\) · 310 responden/).waitFor();
    await section.getByTestId('ikm-change-chart').waitFor();
    const waiting = section.getByRole('row', { name: /Waktu penyelesaian/ });
    await expect(waiting.getByRole('cell').last().textContent()).resolves.toMatch(/^\+\d/);
    // Next to the "Kemanfaatan" criterion of the score sheet.
    const criterion = page.locator('.criterion').filter({ has: page.getByLabel('Kemanfaatan', { exact: false }) });
    await criterion
      .getByRole('complementary')
      .getByText(/IKM Instalasi Farmasi Rawat Jalan: \d+,\d+ \(C\) → \d+,\d+ \(B\) \(n = 290 → 310\)/)
      .waitFor();
    expect(await page.locator('.criterion .impact-summary').count()).toBe(1);
    await shot(page, 'juror-dossier');

    expect(problems).toEqual([]);
  }, 120_000);
});
