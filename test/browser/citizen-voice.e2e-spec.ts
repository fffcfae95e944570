import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, buildWebIfStale, chromiumOrSkip, launchChromium, watchProblems } from '../support/browser';
import { createTestApp, type TestApp } from '../support/test-app';
import { demoDeskReview } from '../support/demo-desk-review';
import { seedDemo } from '../support/factories';

const hasChromium = chromiumOrSkip('test/browser/citizen-voice.e2e-spec.ts');

const PHONE = { width: 390, height: 844 };

/**
 * The citizens' voice in the browser: the juror's dossier with SiTaro's survey evidence next to "kemanfaatan"
 * (demo data: its pharmacy surveyed before and after its 2021 launch).
 */
(hasChromium ? describe : describe.skip)("citizens' voice pages in real Chromium", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebIfStale();
    t = await createTestApp();
    await seedDemo(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
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
    await criterion.getByRole('complementary').getByText(/IKM Instalasi Farmasi Rawat Jalan: \d+,\d+ \(C\) → \d+,\d+ \(B\) \(n = 290 → 310\)/).waitFor();
    expect(await page.locator('.criterion .impact-summary').count()).toBe(1);
    await shot(page, 'juror-dossier');

    expect(problems).toEqual([]);
  }, 120_000);
});
