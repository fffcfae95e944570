import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type request from 'supertest';
import path from 'node:path';
import { findWebDist } from '../apps/api/src/http/web-app';
import { createTestApp, type TestApp } from './support/test-app';

const ROOT = path.join(__dirname, '..');

describe('the web app served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers page paths with index.html, never cached, under the CSP', async () => {
    for (const url of ['/', '/opd', '/coordinator/innovations/0b6f6c1e-1111-4b1b-9c1a-111111111111']) {
      const res = await t.http().get(url).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    }
  });

  it('serves hashed assets for a year, and a missing asset is a 404', async () => {
    const dist = findWebDist()!;
    const js = readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await t.http().get(`/assets/${js}`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    await t.http().get('/assets/index-missing.js').expect(404).expect('content-type', /json/);
  });

  it('sends the scripts precompressed (brotli, else gzip) with a year of cache, and the same bytes as the file', async () => {
    const dist = findWebDist()!;
    const main = readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => statSync(path.join(dist, 'assets', b)).size - statSync(path.join(dist, 'assets', a)).size)[0];
    const raw = readFileSync(path.join(dist, 'assets', main));
    const asBuffer = (res: request.Response) => res.body as Buffer;
    const get = (encoding: string) =>
      t
        .http()
        .get(`/assets/${main}`)
        .set('accept-encoding', encoding)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const br = await get('gzip, deflate, br').expect(200);
    expect([br.headers['content-encoding'], br.headers['cache-control'], br.headers.vary]).toEqual([
      'br',
      'public, max-age=31536000, immutable',
      expect.stringMatching(/accept-encoding/i),
    ]);
    // superagent decodes br and gzip itself: the body is the file, and what went over the wire is its length.
    expect(asBuffer(br).equals(raw)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(readFileSync(path.join(dist, 'assets', `${main}.br`)).length);
    expect(Number(br.headers['content-length'])).toBeLessThan(raw.length / 3);
    const gz = await get('gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(asBuffer(gz).equals(raw)).toBe(true);
    expect(Number(gz.headers['content-length'])).toBe(readFileSync(path.join(dist, 'assets', `${main}.gz`)).length);
    const plain = await get('identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(asBuffer(plain).equals(raw)).toBe(true);
  });

  it('answers /robots.txt and /favicon.ico with real files, not the app’s HTML', async () => {
    const robots = await t.http().get('/robots.txt').expect(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.text).toMatch(/^User-agent: \*$/m);
    expect(robots.text).toMatch(/^Disallow: \/api\/$/m);
    const icon = await t.http().get('/favicon.ico').buffer(true).expect(200);
    expect(icon.headers['content-type']).toMatch(/icon/);
    expect(icon.headers['content-type']).not.toMatch(/html/);
  });

  it('keeps /api, /docs and /health to the API, with its JSON 404', async () => {
    const res = await t.http().get('/api/no-such-route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.http().get('/docs/nothing-here').expect(404).expect('content-type', /json/);
    await t.http().get('/health').expect(200).expect('content-type', /json/);
    await t.http().get('/docs-json').expect(200).expect('content-type', /json/);
    await t.http().post('/opd').expect(404).expect('content-type', /json/);
  });

  it('is built for production whatever NODE_ENV the build starts under (jest sets "test"): no React development bundle', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'web-build-'));
    try {
      const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--web-only', '--web-out', out, '--quiet'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'test' },
      });
      expect([build.status, build.stderr]).toEqual([0, '']);
      const entry = /src="\/assets\/(index-[\w-]+\.js)"/.exec(readFileSync(path.join(out, 'index.html'), 'utf8'))![1];
      const script = readFileSync(path.join(out, 'assets', entry), 'utf8');
      // A warning only React's development build carries (it made the bundle 479 KB instead of 262 KB).
      expect(script).not.toContain('Each child in a list should have a unique');
      expect(script.length).toBeLessThan(350_000);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('finds no build outside the repository (the API then starts without it)', () => {
    expect(findWebDist(path.parse(ROOT).root)).toBeNull();
  });
});
