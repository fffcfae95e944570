import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import { idOf, login, openCompetition, seedDemo, tinyPdf } from '../support/factories';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(
    `SKIPPED test/browser/opd-flow.e2e-spec.ts: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)\n`,
  );
}

(hasChromium ? describe : describe.skip)('OPD flow in real Chromium', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;
  let plan: { proposalForm: { sections: { key: string; maxWords: number }[] } };
  const problems: string[] = [];

  beforeAll(async () => {
    // The API serves apps/web/dist: build it (and the API) when its sources changed.
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    t = await createTestApp();
    await seedDemo(t);
    const organizer = await login(t, 'organizer@demo.local');
    ({ plan } = await openCompetition(t, organizer.accessToken, { slug: 'browser-e2e' }));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    profileDir = mkdtempSync(path.join(tmpdir(), 'inovasi-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 390, height: 844 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(`console: ${m.text()}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await t?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `opd-flow-${name}.png`), fullPage: true });

  it('an OPD signs in, drafts, uploads evidence and submits; the language switch relabels the page', async () => {
    await page.goto(`${base}/opd`);
    await page.getByLabel('Email').fill('opd.rsud@demo.local');
    await page.getByLabel('Kata sandi').fill('demo-pass-2024');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inovasi saya' }).waitFor();
    // On a phone the signed-in header stays compact: at most a sixth of the screen (it took a third).
    const header = await page.locator('header.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(844 / 6);

    const edition = page.getByRole('region', { name: 'Kompetisi browser-e2e' });
    await edition.getByLabel('Judul inovasi baru').fill('SiTaro Uji Peramban');
    await edition.getByRole('button', { name: 'Buat draf' }).click();
    await page.getByRole('heading', { level: 1, name: 'SiTaro Uji Peramban' }).waitFor();
    expect(page.url()).toMatch(/\/opd\/innovations\/[0-9a-f-]{36}$/);

    const fill = (id: string, text: string) => page.locator(`#f-${id}`).fill(text);
    await fill('summary', 'Layanan antar obat gratis bagi pasien rawat jalan.');
    await page.locator('#f-phase').selectOption('penerapan');
    await page.locator('#f-digital').selectOption('yes');
    await fill('governmentAffair', 'kesehatan');
    await fill('startDate', '2021-10-25');
    for (const key of ['problem', 'approach', 'results', 'replicability', 'sustainability']) await fill(key, `Uraian ${key} inovasi.`);
    for (const s of plan.proposalForm.sections)
      await fill(`sections-${s.key}`, Array.from({ length: Math.min(20, s.maxWords) }, () => 'layanan').join(' '));
    await expect(page.locator('#f-sections-ringkasan-status').textContent()).resolves.toBe('20 dari 200 kata');

    // Not a PDF inside: the API answers 415 by content, and the page says so.
    const upload = (name: string, buffer: Buffer) =>
      page.getByLabel('Pilih berkas (PDF, JPEG atau PNG)').setInputFiles({ name, mimeType: 'application/pdf', buffer });
    await upload('bukan-pdf.pdf', Buffer.from('just text'));
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByText('Jenis berkas tidak didukung').waitFor();
    await upload('sk-inovasi.pdf', tinyPdf());
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByRole('link', { name: 'Unduh sk-inovasi.pdf' }).waitFor();
    await shot('1-draft-phone');

    await page.getByRole('button', { name: 'Ajukan proposal' }).click();
    await page.getByText('Proposal telah diajukan.').waitFor();
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Diajukan');
    await page.getByText('Draf → Diajukan').waitFor();
    const id = page.url().split('/').pop()!;
    const row = await t.db.query('SELECT status, organization_id FROM innovations WHERE id = $1', [id]);
    expect(row.rows[0]).toEqual({
      status: 'submitted',
      organization_id: await idOf(t, 'organizations', 'name', 'RSUD dr. Chasbullah Abdulmadjid Kota Bekasi'),
    });
    await shot('2-submitted-phone');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Status history' }).waitFor();
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Submitted');
    await expect(page.getByRole('link', { name: 'My innovations' }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot('3-submitted-desktop-en');
    expect(problems).toEqual([]);
  });
});
