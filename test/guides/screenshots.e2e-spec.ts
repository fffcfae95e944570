import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
 * the manifest with that hash, so a picture is always the command's output. In `npm test` (no GUIDES_SCREENSHOTS)
 * the same shots go to a temporary folder and each must have its manifest's sha256: a screen that changed without
 * `npm run guides:screenshots` fails here, naming the picture.
 *
 * The pictures are the same on every run when the screens did not change: row ids come from per-table sequences
 * (so the demo's automatic assignment and snapshot ids repeat), the open edition's deadline is fixed (30 June
 * 2030: far from any run, so never moved below; the demo's own edition is dated 2024), and what
 * still depends on the moment or the machine is shown steadily (steady-text.browser.js): the server's origin (a free
 * port) as http://localhost:3000, a SHA-256 as a fixed example, and a date within 60 days of the run as the
 * same distance from 1 Dec 2026, at 09.00.
 */
const WRITE = process.env.GUIDES_SCREENSHOTS === 'write';
const IMG = path.join(__dirname, '..', '..', 'docs', 'guides', 'img');
const OUT = WRITE ? IMG : mkdtempSync(path.join(tmpdir(), 'guide-shots-'));
const COMMITTED = (JSON.parse(readFileSync(path.join(IMG, 'manifest.json'), 'utf8')) as { shots: Record<string, Shot> }).shots;
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };
/** What the pictures show for the server's origin, a hash and "today". */
const SHOWN_ORIGIN = 'http://localhost:3000';
const SHOWN_HASH = `sha256:${'3f2a9c41'.repeat(8)}`;
const SHOWN_TODAY = '2026-12-01';
/** `steady(args)`: shows the volatile text steadily (see that file). */
const STEADY = readFileSync(path.join(__dirname, 'steady-text.browser.js'), 'utf8');

interface Shot {
  step: string;
  page: string;
  viewport: string;
  sha256: string;
}

(chromiumOrSkip('test/guides/screenshots.e2e-spec.ts') ? describe : describe.skip)('guide screenshots (npm run guides:screenshots)', () => {
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
    await sequentialIds(t);
    await seedDemo(t, { judged: true });
    const published = await t.db.query(`SELECT id, slug FROM competitions WHERE status = 'published' ORDER BY created_at LIMIT 1`);
    ({ id: competitionId, slug } = published.rows[0]);
    // An edition open for submissions, checked by the region's coordinator: one proposal waits in the queue, one is a draft.
    const organizer = (await login(t, 'organizer@demo.local')).accessToken;
    const open = await openCompetition(t, organizer, { slug: 'panduan-2030', year: 2030, requireCoordinator: true });
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
    // Whole tiles rastered, sRGB, grey-scale anti-aliasing: the same pixels for the same page on every run.
    browser = await launchChromium(['--disable-partial-raster', '--force-color-profile=srgb', '--disable-lcd-text']);
    mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    if (WRITE && Object.keys(shots).length)
      writeFileSync(
        path.join(IMG, 'manifest.json'),
        `${JSON.stringify({ generatedBy: 'npm run guides:screenshots (test/guides/screenshots.e2e-spec.ts)', shots }, null, 2)}\n`,
      );
    await browser?.close();
    await t?.close();
  });

  async function as(email: string | null, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'id-ID' });
    // Volatile text is replaced as the app writes it, before it is painted (a repaint of a part differs by a shade).
    const steady = { origin: base, shownOrigin: SHOWN_ORIGIN, shownHash: SHOWN_HASH, today: wibToday(), shownToday: SHOWN_TODAY };
    await context.addInitScript({ content: `${STEADY}\nsteady(${JSON.stringify(steady)});` });
    const page = await context.newPage();
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

  /**
   * One picture: the viewport (or one element) of `url` once `ready` shows and nothing is loading any more, with
   * its volatile text shown steadily, recorded in the manifest.
   */
  async function shot(page: Page, name: string, step: string, url: string, ready: (p: Page) => Promise<unknown>, element?: string) {
    await page.goto(`${base}${url}`);
    await ready(page);
    // A function, not a string: the app's CSP refuses eval. (`globalThis`: the tests have no DOM types.)
    await page.waitForFunction(
      () => !(globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('Memuat…'),
    );
    await page.evaluate('document.fonts.ready.then(() => true)');
    const file = path.join(OUT, name);
    const options = { path: file, animations: 'disabled', caret: 'hide' } as const;
    if (element) await page.locator(element).screenshot(options);
    else await page.screenshot(options);
    const size = page.viewportSize()!;
    shots[name] = {
      step,
      page: url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
      viewport: `${size.width}x${size.height}`,
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
    };
    if (!WRITE)
      expect({ name, sha256: shots[name].sha256, todo: 'npm run guides:screenshots' }).toEqual({
        name,
        sha256: COMMITTED[name]?.sha256,
        todo: 'npm run guides:screenshots',
      });
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
});

/**
 * Row ids from a sequence per table (md5 of the table's name and the row's number, shaped as a v4 UUID) instead of gen_random_uuid():
 * the demo is seeded in a fixed order, so the same rows get the same ids on every run, and what is ordered by id
 * (the balanced automatic assignment, the ranking's ties) comes out the same. Only in this spec's own database.
 */
async function sequentialIds(t: TestApp): Promise<void> {
  await t.db.query(`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT table_name FROM information_schema.columns
             WHERE table_schema = 'public' AND column_name = 'id' AND column_default = 'gen_random_uuid()' LOOP
      EXECUTE format('CREATE SEQUENCE %I', 'guide_ids_' || r.table_name);
      EXECUTE format(
        'ALTER TABLE %I ALTER COLUMN id SET DEFAULT overlay(overlay(md5(%L || nextval(%L)) placing ''4'' from 13) placing ''8'' from 17)::uuid',
        r.table_name, r.table_name, 'guide_ids_' || r.table_name);
    END LOOP; END $$`);
}

/** Today in WIB (the app's calendar), as YYYY-MM-DD. */
function wibToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
