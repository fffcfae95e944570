import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, chromiumOrSkip, startDemoInChromium, watchProblems } from '../support/browser';
import type { TestApp } from '../support/test-app';
import { bearer, login, tinyPdf } from '../support/factories';
import { MINI_FRAMEWORK } from '../support/index-framework';

const hasChromium = chromiumOrSkip('test/browser/index-flow.e2e-spec.ts');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SLUG = 'iid-browser';

/**
 * A regional innovation index edition in the browser: the organizer edits the framework and opens the
 * self-assessment, an OPD reports its innovation and the coordinator answers and submits on a phone, a
 * validator verifies side by side, the organizer assigns, previews and publishes, and the public reads the
 * region's page (with its charts) on a phone.
 */
(hasChromium ? describe : describe.skip)('regional innovation index flow in real Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let id: string;
  let bekasi: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ t, base, browser } = await startDemoInChromium());
    bekasi = (await t.db.query(`SELECT id FROM regions WHERE code = '32.75'`)).rows[0].id;
    const org = (await login(t, 'organizer@demo.local')).accessToken;
    const created = await t
      .http()
      .post('/api/index-editions')
      .set(bearer(org))
      .send({ name: 'IID Peramban', slug: SLUG, year: 2026, categories: ['kota'], framework: MINI_FRAMEWORK });
    expect(created.status).toBe(201);
    id = created.body.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(viewport: typeof PHONE, email?: string): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext(viewport === PHONE ? { viewport, isMobile: true, hasTouch: true } : { viewport });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    watchProblems(page, problems);
    if (email) {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Kata sandi').fill('demo-pass-2024');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByText(/Masuk sebagai/).waitFor();
    }
    return { page, context };
  }
  /** The elements reaching past the right edge of the screen (outside scrolling boxes), to name what makes a phone page scroll sideways. */
  const overflowing = (page: Page): Promise<string[]> =>
    // A string: this file is type-checked without the DOM library; the code runs in the page.
    page.evaluate(`(() => {
      const width = document.documentElement.clientWidth;
      const inScroller = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      return [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
        .map((el) => el.tagName.toLowerCase() + '.' + el.className + ': ' + (el.textContent || '').slice(0, 40))
        .slice(0, 5);
    })()`);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `index-flow-${name}.png`), fullPage: true });

  let organizer: Page;
  it('the organizer edits the framework while a draft, then opens the self-assessment; the framework is then read-only', async () => {
    ({ page: organizer } = await open(DESKTOP, 'organizer@demo.local'));
    await organizer.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Indeks', exact: true }).click();
    await organizer.getByRole('heading', { level: 1, name: 'Indeks Inovasi Daerah' }).waitFor();
    await organizer.getByRole('link', { name: 'IID Peramban' }).click();
    await organizer.getByRole('link', { name: 'Ubah kerangka indikator' }).click();
    await organizer.getByText('Institusi', { exact: false }).first().click(); // opens the variable's details
    await organizer.getByLabel('Skor: Anggaran: Ada').fill('3');
    // Indicators and options are added, removed and reordered: a new indicator comes and goes, Anggaran moves
    // first and gains an option, whose key must be unique (the API names the field).
    await organizer.getByRole('button', { name: 'Tambah indikator ke Institusi' }).click();
    await organizer.getByLabel('Label Indonesia: Indikator baru').fill('Kajian');
    await organizer.getByRole('button', { name: 'Hapus indikator Kajian' }).click();
    expect(await organizer.getByLabel('Label Indonesia: Kajian').count()).toBe(0);
    await organizer.getByRole('button', { name: 'Naikkan indikator Anggaran' }).click();
    await organizer.getByRole('button', { name: 'Tambah pilihan untuk Anggaran' }).click();
    await organizer.getByLabel('Kunci pilihan: Anggaran: Pilihan baru').fill('ada');
    await organizer.getByRole('button', { name: 'Simpan kerangka' }).click();
    await organizer.getByText(/isian ditolak; yang pertama/).waitFor();
    await organizer.getByLabel('Kunci pilihan: Anggaran: Pilihan baru').fill('sebagian');
    await organizer.getByLabel('Petunjuk Indonesia: sebagian').fill('Sebagian');
    await organizer.getByLabel('Petunjuk Inggris: sebagian').fill('Partly');
    await organizer.getByRole('button', { name: 'Simpan kerangka' }).click();
    await organizer.getByText('Kerangka tersimpan.').waitFor();
    const framework = (await t.db.query('SELECT framework FROM index_editions WHERE id = $1', [id])).rows[0].framework;
    const institusi = framework.aspects[0].variables[0].indicators;
    expect(institusi.map((i: { key: string }) => i.key)).toEqual(['anggaran', 'regulasi']);
    expect(institusi[0].options.map((o: { key: string; score: number }) => [o.key, o.score])).toEqual([
      ['tidak_ada', 0],
      ['ada', 3],
      ['sebagian', 0],
    ]);

    // The windows move on the edition's page: freely while a draft, with a reason once the self-assessment opened.
    await organizer.getByRole('link', { name: 'Kembali ke edisi' }).click();
    await organizer.getByLabel('Penilaian mandiri ditutup (WIB)').fill('2030-06-01T10:00');
    await organizer.getByRole('button', { name: 'Simpan jadwal' }).click();
    await organizer.getByText('Jadwal tersimpan.').waitFor();
    await organizer.getByRole('button', { name: 'Buka penilaian mandiri' }).click();
    await organizer.getByText('Penilaian mandiri', { exact: true }).first().waitFor();
    expect(await organizer.getByLabel('Penilaian mandiri dibuka (WIB)').isDisabled()).toBe(true);
    await organizer.getByLabel('Penilaian mandiri ditutup (WIB)').fill('2030-06-15T10:00');
    await organizer.getByRole('button', { name: 'Simpan jadwal' }).click();
    await organizer.getByText('Periksa isian berikut').waitFor();
    await organizer.getByLabel('Alasan perubahan jadwal').fill('Banjir di beberapa kecamatan');
    await organizer.getByRole('button', { name: 'Simpan jadwal' }).click();
    await organizer.getByText('Jadwal tersimpan.').waitFor();
    const edition = (await t.db.query('SELECT self_assessment_closes_at FROM index_editions WHERE id = $1', [id])).rows[0];
    expect(edition.self_assessment_closes_at.toISOString()).toBe('2030-06-15T03:00:00.000Z');
    const moved = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages o JOIN users u ON u.id = o.recipient_id
        WHERE o.type = 'index_window_moved' AND u.email = 'coordinator.bekasi@demo.local'`,
    );
    expect(moved.rows[0].n).toBeGreaterThan(0);
    await organizer.getByRole('link', { name: 'Lihat kerangka indikator (terkunci)' }).click();
    await organizer.getByText(/Kerangka terkunci/).waitFor();
    expect(await organizer.getByRole('button', { name: 'Simpan kerangka' }).count()).toBe(0);
  });

  it('an OPD reports its innovation and answers its indicator on a phone', async () => {
    const { page: opd } = await open(PHONE, 'opd.rsud@demo.local');
    await opd.goto(`${base}/opd/indeks/${id}`);
    await opd.getByRole('heading', { level: 1, name: 'Inovasi OPD untuk IID Peramban' }).waitFor();
    await opd.getByLabel('Atau judul inovasi baru').fill('SiTaro — antar obat');
    await opd.getByRole('button', { name: 'Laporkan dengan judul ini' }).click();
    await opd.getByRole('heading', { level: 2, name: 'SiTaro — antar obat' }).waitFor();
    const tahapan = opd.getByRole('group', { name: 'Tahapan' });
    await tahapan.getByRole('radio', { name: /Penerapan/ }).check();
    await tahapan.getByRole('button', { name: 'Simpan jawaban' }).click();
    await tahapan.getByText('Jawaban tersimpan.').waitFor();
    await opd.getByText('Lengkap.').waitFor();
    await shot(opd, '1-opd-phone');
  });

  it('the coordinator answers with evidence on a phone, sees the completeness change and submits', async () => {
    const { page: coord } = await open(PHONE, 'coordinator.bekasi@demo.local');
    await coord.goto(`${base}/coordinator/indeks`);
    await coord.getByRole('link', { name: 'IID Peramban' }).click();
    await coord.getByRole('heading', { level: 1, name: 'Penilaian mandiri IID Peramban: Kota Bekasi' }).waitFor();
    await coord.getByText('2 belum dijawab, 0 jawaban tanpa bukti dukung yang diminta.').waitFor();

    // Submitting while incomplete: the API lists the gaps.
    await coord.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await coord.getByText('Periksa isian berikut').waitFor();

    const regulasi = coord.getByRole('group', { name: 'Regulasi' });
    await regulasi.getByRole('radio', { name: /Perda/ }).check();
    await regulasi.getByRole('button', { name: 'Simpan jawaban' }).click();
    await regulasi.getByText('Bukti dukung belum lengkap').waitFor();
    await coord.getByText('1 belum dijawab, 1 jawaban tanpa bukti dukung yang diminta.').waitFor();
    await regulasi
      .getByLabel('Pilih berkas (PDF, JPEG atau PNG)')
      .setInputFiles({ name: 'perda-7-2025.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Perda Kota Bekasi Nomor 7 Tahun 2025') });
    await regulasi.getByRole('button', { name: 'Unggah' }).click();
    await regulasi.getByText('“perda-7-2025.pdf” terunggah.').waitFor();
    await regulasi.getByText('Lengkap', { exact: true }).waitFor();

    const anggaran = coord.getByRole('group', { name: 'Anggaran' });
    await anggaran.getByRole('radio', { name: /Ada/ }).check();
    await anggaran.getByRole('button', { name: 'Simpan jawaban' }).click();
    await coord.getByText('Semua indikator terjawab dan setiap jawaban memiliki bukti dukung yang diminta.').waitFor();
    await shot(coord, '2-coordinator-phone');
    // Nothing on the phone page is wider than the screen.
    expect(await overflowing(coord)).toEqual([]);

    await coord.getByRole('button', { name: 'Kirim penilaian mandiri' }).click();
    await coord.getByText(/telah dikirim pada/).waitFor();
    expect(await coord.getByRole('button', { name: 'Simpan jawaban' }).count()).toBe(0);
    const submitted = await t.db.query('SELECT submitted_at FROM index_participants WHERE edition_id = $1 AND region_id = $2', [
      id,
      bekasi,
    ]);
    expect(submitted.rows[0].submitted_at).not.toBeNull();
  });

  let validatorEmail: string;
  it('the organizer starts verification and assigns a validator; progress shows the region', async () => {
    await organizer.goto(`${base}/panitia/indeks/${id}`);
    await organizer.getByRole('button', { name: 'Mulai verifikasi' }).click();
    await organizer.getByRole('button', { name: 'Tutup edisi' }).waitFor();
    await organizer.getByLabel('Validator per daerah').fill('1');
    await organizer.getByRole('button', { name: 'Tugaskan validator' }).click();
    await organizer.getByText('1 penugasan baru; 0 daerah kekurangan validator.').waitFor();
    const progress = organizer.getByRole('region', { name: 'Validator dan kemajuan verifikasi' });
    await progress.getByText('0 dari 3 jawaban diverifikasi (0 %)').first().waitFor();
    validatorEmail = (
      await t.db.query('SELECT u.email FROM index_validators v JOIN users u ON u.id = v.validator_id WHERE v.edition_id = $1', [id])
    ).rows[0].email;
  });

  it('the validator verifies side by side: a lower option needs a note; the innovation stays eligible', async () => {
    const { page: validator } = await open(DESKTOP, validatorEmail);
    await validator.goto(`${base}/juri/indeks`);
    await validator.getByRole('link', { name: 'IID Peramban' }).click();
    await validator.getByRole('link', { name: 'Kota Bekasi' }).click();
    await validator.getByRole('heading', { level: 1, name: 'Verifikasi: Kota Bekasi' }).waitFor();

    const regulasi = validator.getByRole('group', { name: /^Regulasi/ });
    await regulasi.getByText('perda-7-2025.pdf', { exact: false }).waitFor();
    await regulasi.getByRole('radio', { name: /Perkada/ }).check();
    await regulasi.getByText(/Wajib: pilihan ini lebih rendah/).waitFor();
    expect(await regulasi.getByRole('button', { name: 'Simpan verifikasi' }).isDisabled()).toBe(true);
    await regulasi.getByLabel(/Catatan validator/).fill('Perda masih rancangan; yang berlaku perkada.');
    await regulasi.getByLabel('Catatan internal (tidak dipublikasikan)').fill('Cek ulang ke Bagian Hukum.');
    await regulasi.getByRole('button', { name: 'Simpan verifikasi' }).click();
    await regulasi.getByText('Verifikasi tersimpan.').waitFor();

    for (const name of [/^Anggaran/, /^Tahapan/]) {
      const card = validator.getByRole('group', { name });
      await card.getByRole('button', { name: 'Simpan verifikasi' }).click();
      await card.getByText('Verifikasi tersimpan.').waitFor();
    }
    await validator.getByText('3 dari 3 jawaban diverifikasi (100 %)').waitFor();
    await shot(validator, '3-validator-desktop');
    const rows = await t.db.query(
      'SELECT indicator, verified_option, verified_note, verified_internal_note FROM index_answers WHERE edition_id = $1 ORDER BY indicator',
      [id],
    );
    expect(rows.rows).toEqual([
      { indicator: 'anggaran', verified_option: 'ada', verified_note: null, verified_internal_note: null },
      {
        indicator: 'regulasi',
        verified_option: 'perkada',
        verified_note: 'Perda masih rancangan; yang berlaku perkada.',
        verified_internal_note: 'Cek ulang ke Bagian Hukum.',
      },
      { indicator: 'tahapan', verified_option: 'penerapan', verified_note: null, verified_internal_note: null },
    ]);
  });

  it('the organizer previews self vs verified and publishes; the public reads the region on a phone with its charts', async () => {
    await organizer.goto(`${base}/panitia/indeks/${id}`);
    const preview = organizer.getByRole('region', { name: 'Pratinjau: mandiri dan terverifikasi' });
    // max 3 + 3 + 3 + 2 = 11. self: spd 6, sid 3 + 0 (one innovation, the step needs 2) → 81,82; verified: spd 5 → 72,73.
    const kotaPreview = preview.getByRole('table', { name: 'Kota' }).getByRole('row', { name: /Kota Bekasi/ });
    await kotaPreview.getByText('72,73').waitFor();
    await kotaPreview.getByText('81,82').waitFor();
    // Per group too (the province): the same region, ranked within its group.
    await preview
      .getByRole('table', { name: /^Kelompok: / })
      .getByRole('row', { name: /Kota Bekasi/ })
      .waitFor();
    await organizer.getByRole('button', { name: 'Umumkan peringkat' }).click();
    await organizer.getByText(/Versi 1 diumumkan \(hash sha256:/).waitFor();
    await organizer.getByRole('link', { name: 'Lihat halaman publik' }).waitFor();

    const { page: citizen } = await open(PHONE);
    const scripts: string[] = [];
    citizen.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    // The competitions' public results page never loads the index pages or the chart library.
    await citizen.goto(`${base}/hasil`);
    await citizen.getByRole('heading', { level: 1 }).first().waitFor();
    expect(scripts.filter((s) => /IndexCharts|public-area/.test(s))).toEqual([]);
    await citizen.goto(`${base}/indeks`);
    await citizen.getByRole('link', { name: 'IID Peramban' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'IID Peramban' }).waitFor();
    const kota = citizen.getByRole('region', { name: 'Peringkat Kota' });
    await kota
      .getByRole('row', { name: /Kota Bekasi/ })
      .getByText('Sangat Inovatif')
      .waitFor();
    expect(await citizen.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(`/api/public/index-editions/${SLUG}/rankings.csv`);
    await citizen.getByText(`npm run -s cli -- verify ${SLUG}-v1.json`).waitFor();
    await shot(citizen, '4-public-rankings-phone');

    // The rankings page does not load the chart library either; the region page does, with its charts.
    expect(scripts.filter((s) => /IndexCharts/.test(s))).toEqual([]);
    await kota.getByRole('link', { name: 'Kota Bekasi' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Kota Bekasi — IID Peramban' }).waitFor();
    await citizen.getByText(/^Peringkat 1 dari 1 Kota/).waitFor();
    const variables = citizen.getByRole('region', { name: 'Per variabel: mandiri dan terverifikasi' });
    await variables.getByRole('row', { name: /Institusi/ }).waitFor();
    expect(await variables.getByRole('row', { name: /Institusi/ }).innerText()).toMatch(/6\s+5\s+6/);
    // The charts load on their own (chart.js is not in the page's first scripts) and draw on canvases.
    await citizen.locator('canvas[role="img"]').nth(1).waitFor();
    expect(await citizen.locator('canvas[role="img"]').count()).toBe(2);
    expect(scripts.filter((s) => /IndexCharts/.test(s))).toHaveLength(1);
    expect(await citizen.getByRole('img', { name: /Kota Bekasi berada di peringkat 1 dari 1 Kota/ }).count()).toBe(1);
    const indicators = citizen.getByRole('region', { name: 'Indikator daerah' });
    expect(await indicators.getByRole('row', { name: /Regulasi/ }).innerText()).toMatch(
      /Perda \(3\)\s+Perkada \(2\)\s+Perda masih rancangan; yang berlaku perkada\./,
    );
    await indicators.getByRole('columnheader', { name: 'Catatan validator' }).waitFor();
    expect(await citizen.getByText('Bagian Hukum').count()).toBe(0);
    await citizen.getByText('Kematangan: mandiri 3, terverifikasi 3 dari 3').waitFor();
    expect(await overflowing(citizen)).toEqual([]);
    await shot(citizen, '5-public-region-phone');

    await citizen.getByRole('button', { name: 'English' }).click();
    await citizen.getByRole('heading', { level: 2, name: 'Per variable: self and verified' }).waitFor();
    await citizen.getByText('Very innovative').first().waitFor();
    await citizen.getByRole('columnheader', { name: "Validator's note" }).first().waitFor();
    expect(problems).toEqual([]);
  });
});
