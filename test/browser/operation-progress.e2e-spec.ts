import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { chromiumOrSkip, startDemoInChromium, watchProblems } from '../support/browser';
import type { TestApp } from '../support/test-app';

/**
 * Issue 23: a long operation shows a progress bar while its request runs, the page stays usable, and after a
 * reload the page picks the operation up again (its id is in sessionStorage) and shows how it ended. The
 * import (or the export, by the competition's lock) is held by an advisory lock on another connection; the test
 * waits on what the page shows.
 */
(chromiumOrSkip('test/browser/operation-progress.e2e-spec.ts') ? describe : describe.skip)(
  'progress of a long operation in real Chromium, across a reload',
  () => {
    let t: TestApp;
    let base: string;
    let browser: Browser;
    let page: Page;
    let blocker: Client;
    const problems: string[] = [];

    beforeAll(async () => {
      ({ t, base, browser } = await startDemoInChromium({ judged: true }));
      page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      watchProblems(page, problems);
      blocker = new Client({ connectionString: t.databaseUrl });
      await blocker.connect();
    }, 120_000);

    afterAll(async () => {
      await blocker?.end();
      await browser?.close();
      await t?.close();
    });

    it('an organizations import shows its phase, survives a reload, and ends with its outcome', async () => {
      await page.goto(`${base}/panitia/direktori`);
      await page.getByLabel('Email').fill('organizer@demo.local');
      await page.getByLabel('Kata sandi').fill('demo-pass-2024');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      const form = page.locator('form[aria-labelledby="csv-organizations-title"]');
      await form.getByLabel('Isi CSV').fill('name,region\nDinas Peramban Satu,32.75\nDinas Peramban Dua,32.75\n');

      await blocker.query(`SELECT pg_advisory_lock(hashtext('import:organizations'))`);
      try {
        await form.getByRole('button', { name: 'Impor' }).click();
        const progress = form.locator('.operation');
        await progress.locator('[data-phase="waiting"]').waitFor();
        expect(await progress.textContent()).toContain('Impor organisasi: Menunggu giliran — 0 dari 2');
        // The page stays usable meanwhile: the language switch relabels it, the progress included.
        await page.getByRole('button', { name: 'English' }).click();
        await form.locator('.operation', { hasText: 'Organizations import: Waiting for its turn — 0 of 2' }).waitFor();
        await page.getByRole('button', { name: 'Indonesia' }).click();

        await page.reload();
        await form
          .locator('.operation', { hasText: 'Proses yang Anda mulai sebelum halaman dimuat ulang' })
          .locator('[data-phase="waiting"]')
          .waitFor();
        // A second click cannot start the same import twice while it runs.
        expect(await form.getByRole('button', { name: 'Impor' }).isDisabled()).toBe(true);
      } finally {
        await blocker.query(`SELECT pg_advisory_unlock(hashtext('import:organizations'))`);
      }
      const done = form.locator('[data-state="succeeded"]');
      await done.waitFor();
      expect(await done.textContent()).toContain('Impor organisasi: Proses selesai.');
      const made = await t.db.query(`SELECT count(*)::int AS n FROM organizations WHERE name LIKE 'Dinas Peramban %'`);
      expect(made.rows[0].n).toBe(2);
      expect(await page.evaluate<string[]>(`Object.keys(sessionStorage).filter((k) => k.startsWith('inovasi.operation.'))`)).toEqual([]);
      await done.getByRole('button', { name: 'Tutup' }).click();
      expect(await form.locator('[data-state]').count()).toBe(0);
      expect(problems).toEqual([]);
    });

    it('an export of the published ranking shows its progress, survives a reload, and ends with its file downloadable', async () => {
      const { id, slug } = (await t.db.query(`SELECT id, slug FROM competitions WHERE status = 'published' ORDER BY created_at LIMIT 1`))
        .rows[0];
      await page.goto(`${base}/panitia/edisi/${id}/hasil`);
      const box = page.locator('.export-downloads');
      await box.getByRole('button', { name: 'Unduh CSV' }).waitFor();

      // A publication of the competition under way holds its lock (space 7301): the export waits for it.
      await blocker.query(`SELECT pg_advisory_lock(7301, hashtext($1))`, [id]);
      try {
        await box.getByRole('button', { name: 'Unduh CSV' }).click();
        await box.locator('.operation [data-phase="waiting"]').waitFor();
        expect(await box.locator('.operation').textContent()).toContain('Ekspor peringkat: Menunggu giliran');
        await page.reload();
        await box
          .locator('.operation', { hasText: 'Proses yang Anda mulai sebelum halaman dimuat ulang' })
          .locator('[data-phase="waiting"]')
          .waitFor();
        expect(await box.getByRole('button', { name: 'Unduh CSV' }).isDisabled()).toBe(true);
      } finally {
        await blocker.query(`SELECT pg_advisory_unlock(7301, hashtext($1))`, [id]);
      }
      // The answer was lost with the reload; the operation kept the file, which the page offers.
      const done = box.locator('[data-state="succeeded"]');
      await done.waitFor();
      expect(await done.textContent()).toContain('Ekspor peringkat: Proses selesai.');
      const fileName = `${slug}-v${(await t.db.query(`SELECT max(version)::int AS v FROM ranking_snapshots WHERE competition_id = $1`, [id])).rows[0].v}.csv`;
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        done.getByRole('button', { name: `Unduh ${fileName}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      const saved = readFileSync((await download.path())!);
      const pub = Buffer.from(await (await fetch(`${base}/api/public/competitions/${slug}/rankings.csv`)).arrayBuffer());
      expect(saved.equals(pub)).toBe(true);
      expect(problems).toEqual([]);
    });
  },
);
