import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWebIfStale, chromiumOrSkip, launchChromium, watchProblems } from '../support/browser';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, completeProposal, login, openCompetition, seedDemo, uploadPdf } from '../support/factories';

/**
 * `npm run guides:screenshots` (GUIDES_SCREENSHOTS=write): walks the screens the role guides show in Chromium,
 * on the demo data, and writes docs/guides/img/<name>.png with docs/guides/img/manifest.json (each shot's step,
 * page, viewport and sha256). apps/web/src/pages/help/guides.test.ts checks that every image a guide shows is in
 * the manifest with that hash, so a picture is always the command's output. Skipped in `npm test`.
 */
const WRITE = process.env.GUIDES_SCREENSHOTS === 'write';
const IMG = path.join(__dirname, '..', '..', 'docs', 'guides', 'img');
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

interface Shot {
  step: string;
  page: string;
  viewport: string;
  sha256: string;
}

if (!WRITE) process.stderr.write('SKIPPED test/guides/screenshots.e2e-spec.ts: run it with `npm run guides:screenshots`\n');

(WRITE && chromiumOrSkip('test/guides/screenshots.e2e-spec.ts') ? describe : describe.skip)(
  'guide screenshots (npm run guides:screenshots)',
  () => {
    let t: TestApp;
    let base: string;
    let browser: Browser;
    let slug: string;
    let competitionId: string;
    let draftId: string;
    const shots: Record<string, Shot> = {};
    const problems: string[] = [];

    beforeAll(async () => {
      buildWebIfStale();
      t = await createTestApp();
      await seedDemo(t, { judged: true });
      const published = await t.db.query(`SELECT id, slug FROM competitions WHERE status = 'published' ORDER BY created_at LIMIT 1`);
      ({ id: competitionId, slug } = published.rows[0]);
      // An edition open for submissions, checked by the region's coordinator: one proposal waits in the queue, one is a draft.
      const organizer = (await login(t, 'organizer@demo.local')).accessToken;
      const open = await openCompetition(t, organizer, { slug: 'panduan-2027', requireCoordinator: true });
      const opd = (await login(t, 'opd.rsud@demo.local')).accessToken;
      const submitted = await t
        .http()
        .post(`/api/competitions/${open.id}/innovations`)
        .set(bearer(opd))
        .send(completeProposal('Apotek Keliling Kelurahan'));
      await uploadPdf(t, opd, submitted.body.id);
      const sent = await t.http().post(`/api/innovations/${submitted.body.id}/submit`).set(bearer(opd)).send({});
      if (sent.status >= 300) throw new Error(`submit: ${sent.status} ${JSON.stringify(sent.body)}`);
      const draft = await t
        .http()
        .post(`/api/competitions/${open.id}/innovations`)
        .set(bearer(opd))
        .send({ title: 'Layanan Resep Daring', summary: 'Resep dokter dikirim ke apotek rumah sakit sebelum pasien datang.' });
      draftId = draft.body.id;
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      browser = await launchChromium();
      mkdirSync(IMG, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      if (Object.keys(shots).length)
        writeFileSync(
          path.join(IMG, 'manifest.json'),
          `${JSON.stringify({ generatedBy: 'npm run guides:screenshots (test/guides/screenshots.e2e-spec.ts)', shots }, null, 2)}\n`,
        );
      await browser?.close();
      await t?.close();
    });

    async function as(email: string | null, viewport: { width: number; height: number }): Promise<Page> {
      const page = await (await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'id-ID' })).newPage();
      watchProblems(page, problems);
      if (email) {
        await page.goto(`${base}/sign-in`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Kata sandi').fill('demo-pass-2024');
        await page.getByRole('button', { name: 'Masuk', exact: true }).click();
        await page.getByRole('button', { name: 'Keluar' }).waitFor();
      }
      return page;
    }

    /** One picture: the viewport (or one element) of `url` once `ready` shows, recorded in the manifest. */
    async function shot(page: Page, name: string, step: string, url: string, ready: (p: Page) => Promise<unknown>, element?: string) {
      await page.goto(`${base}${url}`);
      await ready(page);
      await page.evaluate('document.fonts.ready.then(() => true)');
      const file = path.join(IMG, name);
      if (element) await page.locator(element).screenshot({ path: file });
      else await page.screenshot({ path: file });
      const size = page.viewportSize()!;
      shots[name] = {
        step,
        page: url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
        viewport: `${size.width}x${size.height}`,
        sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      };
    }

    it('OPD: my innovations and the proposal form', async () => {
      const page = await as('opd.rsud@demo.local', PHONE);
      await shot(page, 'opd-innovations.png', 'OPD signs in and opens Inovasi saya', '/opd', (p) =>
        p.getByRole('heading', { level: 1, name: 'Inovasi saya' }).waitFor(),
      );
      await shot(page, 'opd-proposal.png', 'OPD opens its draft proposal', `/opd/innovations/${draftId}`, (p) =>
        p.getByRole('heading', { level: 1, name: 'Layanan Resep Daring' }).waitFor(),
      );
    });

    it('coordinator: the review queue', async () => {
      const page = await as('coordinator.bekasi@demo.local', PHONE);
      await shot(page, 'coordinator-queue.png', 'The coordinator of Kota Bekasi opens the review queue', '/coordinator', (p) =>
        p.getByText('Apotek Keliling Kelurahan').first().waitFor(),
      );
    });

    it('juror: the assignments', async () => {
      const juror = (
        await t.db.query(
          `SELECT u.email FROM assignments a JOIN users u ON u.id = a.juror_id WHERE a.competition_id = $1 ORDER BY u.email LIMIT 1`,
          [competitionId],
        )
      ).rows[0].email;
      const page = await as(juror, PHONE);
      await shot(page, 'juror-assignments.png', 'A juror of the demo edition opens Penilaian', '/juri', (p) =>
        p.getByRole('heading', { level: 1 }).waitFor(),
      );
    });

    it('organizer: the directory import and the results page', async () => {
      const page = await as('organizer@demo.local', DESK);
      await shot(page, 'organizer-import.png', 'The organizer opens Impor direktori', '/panitia/direktori', (p) =>
        p.getByRole('heading', { level: 1, name: 'Impor direktori' }).waitFor(),
      );
      await shot(
        page,
        'organizer-results.png',
        'The organizer opens the results of the published demo edition',
        `/panitia/edisi/${competitionId}/hasil`,
        (p) => p.getByRole('heading', { level: 2 }).first().waitFor(),
      );
    });

    it('public: the published results and their verification', async () => {
      const page = await as(null, PHONE);
      await shot(page, 'public-results.png', 'Anyone opens the published demo results', `/kompetisi/${slug}`, (p) =>
        p.getByRole('table').first().waitFor(),
      );
      await shot(
        page,
        'public-verify.png',
        'Anyone checks the snapshot hash in the browser',
        `/kompetisi/${slug}`,
        async (p) => {
          await p.getByRole('button', { name: 'Periksa hash di peramban ini' }).click();
          await p.getByText(/^Cocok:/).waitFor();
        },
        'section.verify',
      );
      expect(problems).toEqual([]);
    });
  },
);
