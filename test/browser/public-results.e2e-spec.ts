import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, buildWebIfStale, chromiumOrSkip, launchChromium, watchProblems } from '../support/browser';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, login, seedDemo } from '../support/factories';

const hasChromium = chromiumOrSkip('test/browser/public-results.e2e-spec.ts');

interface Row {
  rank: number;
  innovationId: string;
  title: string;
  final: number;
}
interface Ranking {
  snapshot: { id: string; hash: string; version: number };
  categories: Record<string, Row[]>;
  unranked: { title: string }[];
}

/** A score as the page writes it in each language. */
const score = (n: number, lang: 'id' | 'en' = 'id') =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 4 }).format(n);

(hasChromium ? describe : describe.skip)('Public results, catalogue and inbox in real Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let ranking: Ranking;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebIfStale();
    // In-process delivery even when CI sets REDIS_URL: the inbox must fill without a worker running.
    t = await createTestApp({ REDIS_URL: '' });
    await seedDemo(t, { judged: true });
    ranking = (await t.http().get('/api/public/competitions/iga-2024-demo/rankings').expect(200)).body as Ranking;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    watchProblems(page, problems);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `public-results-${name}.png`), fullPage: true });
  const rowsOf = (caption: string) => page.getByRole('table', { name: caption }).locator('tbody tr');

  it('anyone opens the published results: rows per category, the hash and how to verify it, in both languages', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Hasil', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil kompetisi' }).waitFor();
    await page.getByRole('link', { name: 'IGA 2024 (demo)', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil IGA 2024 (demo)' }).waitFor();
    expect(page.url()).toBe(`${base}/kompetisi/iga-2024-demo`);

    // Every ranked row, in the API's order, with its rank; shared ranks say so.
    for (const [category, caption] of [
      ['kota', 'Kota'],
      ['kabupaten', 'Kabupaten'],
      ['provinsi', 'Provinsi'],
    ]) {
      const expected = ranking.categories[category];
      const rows = rowsOf(`Peringkat kategori ${caption} (${expected.length} inovasi)`);
      await expect(rows.locator('th a').allTextContents()).resolves.toEqual(expected.map((r) => r.title));
      const ranks = (await rows.locator('td.rank').allTextContents()).map((r) => Number.parseInt(r, 10));
      expect(ranks).toEqual(expected.map((r) => r.rank));
    }
    const first = rowsOf(`Peringkat kategori Kota (${ranking.categories.kota.length} inovasi)`).first();
    const sitaro = ranking.categories.kota[0];
    expect(sitaro.title).toBe('SiTaro (Siap Antar Obat)');
    await expect(first.locator('th').textContent()).resolves.toBe(
      'SiTaro (Siap Antar Obat)RSUD dr. Chasbullah Abdulmadjid Kota Bekasi · Kota Bekasi',
    );
    await expect(first.locator('td.final').textContent()).resolves.toBe(`${score(sitaro.final)} Sangat Inovatif`);
    await expect(
      page
        .getByRole('table', { name: /^Tidak berperingkat di kategori Kota/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(ranking.unranked.length);

    // The verify section: the snapshot hash, the commands with this server's address, and the browser check.
    const verify = page.getByRole('region', { name: 'Verifikasi' });
    await expect(verify.locator('code.mono').textContent()).resolves.toBe(ranking.snapshot.hash);
    await expect(verify.locator('pre').allTextContents()).resolves.toEqual([
      `curl -o snapshot.json ${base}/api/public/rankings/${ranking.snapshot.id}`,
      'npm run -s cli -- verify snapshot.json',
    ]);
    await expect(verify.getByRole('link', { name: 'Unduh snapshot JSON' }).getAttribute('href')).resolves.toBe(
      `/api/public/rankings/${ranking.snapshot.id}`,
    );
    await verify.getByRole('button', { name: 'Periksa hash di peramban ini' }).click();
    await verify.getByText(`Cocok: isi snapshot menghasilkan hash ${ranking.snapshot.hash}`, { exact: false }).waitFor();
    await shot('1-results-phone');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'IGA 2024 (demo) results' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    const firstEn = rowsOf(`Ranking of the City category (${ranking.categories.kota.length} innovations)`).first();
    await page.getByRole('heading', { level: 2, name: 'Verify' }).waitFor();
    await expect(page.getByRole('link', { name: 'CSV table' }).getAttribute('href')).resolves.toBe(
      `/api/public/competitions/iga-2024-demo/rankings.csv?version=${ranking.snapshot.version}`,
    );
    await expect(firstEn.locator('td.final').textContent()).resolves.toBe(`${score(sitaro.final, 'en')} Sangat Inovatif`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot('2-results-desktop-en');
    await page.getByRole('button', { name: 'Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil IGA 2024 (demo)' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('anyone searches the catalogue for SiTaro and opens its page: the RSUD and its published rank', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Katalog inovasi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog inovasi' }).waitFor();
    await page.getByLabel('Kata kunci (judul atau ringkasan)').fill('SiTaro');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('heading', { level: 2, name: '1 inovasi ditemukan' }).waitFor();
    expect(new URL(page.url()).search).toBe('?q=SiTaro');
    await shot('3-catalogue-phone');

    await page.getByRole('link', { name: 'SiTaro (Siap Antar Obat)' }).click();
    await page.getByRole('heading', { level: 1, name: 'SiTaro (Siap Antar Obat)' }).waitFor();
    await page.getByText('RSUD dr. Chasbullah Abdulmadjid Kota Bekasi', { exact: true }).waitFor();
    const sitaro = ranking.categories.kota.find((r) => r.title.startsWith('SiTaro'))!;
    await page.getByText(`Peringkat ${sitaro.rank} kategori Kota`).waitFor();
    await expect(page.getByRole('link', { name: 'Unduh piagam (PDF)' }).getAttribute('href')).resolves.toBe(
      `/api/public/rankings/${ranking.snapshot.id}/certificates/${sitaro.innovationId}`,
    );
    await shot('4-innovation-phone');
    expect(problems).toEqual([]);
  });

  it('the OPD sees its unread notifications, follows one to the results, and reads why its innovation scored so', async () => {
    const opd = await login(t, 'opd.rsud@demo.local');
    // The outbox is delivered in process: wait for the inbox rows of the publication.
    for (let i = 0; i < 100; i++) {
      const inbox = await t.http().get('/api/notifications').set(bearer(opd.accessToken));
      if (inbox.body.items?.some((n: { type: string }) => n.type === 'results_published')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const unread = (await t.http().get('/api/notifications').set(bearer(opd.accessToken))).body.unread as number;
    expect(unread).toBeGreaterThan(0);

    await page.goto(`${base}/kotak-masuk`);
    await page.getByLabel('Email').fill('opd.rsud@demo.local');
    await page.getByLabel('Kata sandi').fill('demo-pass-2024');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
    await page.getByRole('link', { name: `Kotak masuk (${unread} belum dibaca)` }).waitFor();
    await shot('5-inbox-phone');

    await page.getByRole('link', { name: 'Hasil IGA 2024 (demo) telah diumumkan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil IGA 2024 (demo)' }).waitFor();
    await page.getByRole('link', { name: `Kotak masuk (${unread - 1} belum dibaca)` }).waitFor();

    const sitaro = ranking.categories.kota.find((r) => r.title.startsWith('SiTaro'))!;
    // The e-mails' link to an innovation leads the OPD to its own page of it.
    await page.goto(`${base}/innovations/${sitaro.innovationId}`);
    await page.waitForURL(`${base}/opd/innovations/${sitaro.innovationId}`);
    const why = page.getByRole('region', { name: 'Mengapa nilai ini' });
    await why.getByText(`Dari hasil versi ${ranking.snapshot.version} (hash ${ranking.snapshot.hash})`, { exact: false }).waitFor();
    await why.getByText(new RegExp(`^Nilai akhir = 60% × [\\d,]+ \\+ 40% × [\\d,]+ = ${score(sitaro.final)}$`)).waitFor();
    // Jurors by alias (J01, J02 …), never by name.
    const jurors = await why
      .getByRole('table', { name: 'Nilai per kriteria dan juri — Presentasi dan wawancara' })
      .locator('thead th')
      .allTextContents();
    expect(jurors[0]).toBe('Kriteria');
    expect(jurors.slice(1).every((j) => /^J\d{2}$/.test(j))).toBe(true);
    await expect(why.textContent()).resolves.not.toMatch(/@demo\.local|juror/i);
    await shot('6-why-this-score-phone');
    expect(problems).toEqual([]);
  });
});
