import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWebIfStale, chromiumOrSkip, launchChromium, watchProblems } from '../support/browser';
import { readPdf } from '../support/documents';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The printable guides: each role's guide as the web app renders it (/bantuan/<role>, print styles: no header,
 * no buttons), printed by Chromium's page.pdf(). `npm run guides:pdf` (GUIDES_PDF=write) writes them to
 * docs/guides/pdf/<lang>/<role>.pdf (committed: the help section links them); in `npm test` they go to a temporary
 * folder, their text is read back and compared with the committed ones', and the links are followed.
 */
const ROOT = path.join(__dirname, '..', '..');
const WRITE = process.env.GUIDES_PDF === 'write';
const ROLES = ['opd', 'coordinator', 'juror', 'organizer', 'public'] as const;
const LANGS = ['id', 'en'] as const;

/** The guide's title and task headings, as the Markdown writes them (without their `{#anchor}`). */
function headings(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const m = /^#{1,3} (.*?)(?:\s*\{#[a-z0-9-]+\})?\s*$/.exec(line);
    return m ? [m[1].replace(/[*_`]/g, '')] : [];
  });
}

(chromiumOrSkip('test/guides/pdf.e2e-spec.ts') ? describe : describe.skip)('role guides as PDF (npm run guides:pdf)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  const out = WRITE ? path.join(ROOT, 'docs', 'guides', 'pdf') : mkdtempSync(path.join(tmpdir(), 'guides-pdf-'));
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebIfStale();
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watchProblems(page, problems);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Prints one guide; returns the file. */
  async function print(lang: (typeof LANGS)[number], role: (typeof ROLES)[number]): Promise<string> {
    await page.goto(`${base}/bantuan/${role}`);
    await page.evaluate(`localStorage.setItem('inovasi.lang', '${lang}')`);
    await page.reload();
    await page.locator('.guide-body h1').waitFor();
    // Every picture in, lazy or not, before printing.
    // (A script string: the tests are compiled without the DOM's types.)
    const images = await page.evaluate<{ src: string; width: number }[]>(`(async () => {
      const all = [...document.images];
      for (const img of all) img.loading = 'eager';
      await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
      return all.map((img) => ({ src: img.src, width: img.naturalWidth }));
    })()`);
    expect(images.filter((i) => i.width === 0)).toEqual([]);
    const file = path.join(out, lang, `${role}.pdf`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } }),
    );
    return file;
  }

  // The command prints every guide; `npm test` prints three (each language, the longest guide) to keep its time.
  const ALL = LANGS.flatMap((lang) => ROLES.map((role) => [lang, role] as const));
  const CHECKED = WRITE
    ? ALL
    : ALL.filter(
        ([lang, role]) => `${lang}/${role}` === 'id/opd' || `${lang}/${role}` === 'id/organizer' || `${lang}/${role}` === 'en/public',
      );
  it.each(CHECKED)('%s/%s: one PDF with the guide’s title, every task and no page chrome', async (lang, role) => {
    const file = await print(lang, role);
    const pdf = readPdf(readFileSync(file));
    // Compared without spaces: pdf.js reads a ligature (fi, fl) as a run of its own.
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const text = squeeze(pdf.items.map((i) => i.str).join(''));
    for (const heading of headings(readFileSync(path.join(ROOT, 'docs', 'guides', lang, `${role}.md`), 'utf8')))
      expect({ heading, found: text.includes(squeeze(heading)) }).toEqual({ heading, found: true });
    // Printed without the site's header, footer and buttons.
    for (const chrome of lang === 'id'
      ? ['Kompetisi Inovasi Daerah', 'Platform terbuka untuk kompetisi inovasi daerah.', 'Cetak atau simpan sebagai PDF']
      : ['Regional Innovation Competition', 'An open platform for regional innovation competitions.', 'Print or save as PDF']) {
      expect(text).not.toContain(squeeze(chrome));
    }
    // The committed PDF the app links (docs/guides/pdf) says what the guide says now: `npm run guides:pdf` was run.
    if (!WRITE) {
      const committed = readPdf(readFileSync(path.join(ROOT, 'docs', 'guides', 'pdf', lang, `${role}.pdf`)));
      expect({ file: `docs/guides/pdf/${lang}/${role}.pdf`, text: squeeze(committed.items.map((i) => i.str).join('')) }).toEqual({
        file: `docs/guides/pdf/${lang}/${role}.pdf`,
        text,
      });
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGS)('%s: /bantuan and every guide page link that guide’s PDF, which the server sends as application/pdf', async (lang) => {
    await page.goto(`${base}/bantuan`);
    await page.evaluate(`localStorage.setItem('inovasi.lang', '${lang}')`);
    await page.reload();
    const links = page.locator('a.guide-pdf');
    await links.first().waitFor();
    expect(await links.count()).toBe(ROLES.length);
    const listed: string[] = [];
    for (let i = 0; i < ROLES.length; i++) listed.push((await links.nth(i).getAttribute('href'))!);
    for (const [i, role] of ROLES.entries()) {
      await page.goto(`${base}/bantuan/${role}`);
      await page.locator('.guide-body h1').waitFor();
      const href = (await page.locator('a.guide-pdf').getAttribute('href'))!;
      expect(href).toBe(listed[i]);
      const res = await fetch(new URL(href, base));
      const body = Buffer.from(await res.arrayBuffer());
      expect({ href, status: res.status, type: res.headers.get('content-type'), magic: body.subarray(0, 5).toString('latin1') }).toEqual({
        href,
        status: 200,
        type: 'application/pdf',
        magic: '%PDF-',
      });
      // The guide of that role, in that language.
      const title = headings(readFileSync(path.join(ROOT, 'docs', 'guides', lang, `${role}.md`), 'utf8'))[0];
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      expect(
        squeeze(
          readPdf(body)
            .items.map((x) => x.str)
            .join(''),
        ),
      ).toContain(squeeze(title));
    }
    expect(problems).toEqual([]);
  });
});
