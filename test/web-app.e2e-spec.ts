import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { findWebDist } from '../apps/api/src/http/web-app';
import { createTestApp, type TestApp } from './support/test-app';

const ROOT = path.join(__dirname, '..');

describe('the web app served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
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

  it('keeps /api, /docs and /health to the API, with its JSON 404', async () => {
    const res = await t.http().get('/api/no-such-route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.http().get('/docs/nothing-here').expect(404).expect('content-type', /json/);
    await t.http().get('/health').expect(200).expect('content-type', /json/);
    await t.http().get('/docs-json').expect(200).expect('content-type', /json/);
    await t.http().post('/opd').expect(404).expect('content-type', /json/);
  });

  it('finds no build outside the repository (the API then starts without it)', () => {
    expect(findWebDist(path.parse(ROOT).root)).toBeNull();
  });
});
