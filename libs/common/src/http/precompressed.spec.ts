import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { accepts, acceptsGzip, precompress, precompressWithBrotli, sendPrecompressed, type PrecompressedBody } from './precompressed';

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['*', true],
    ['identity', false],
    ['br, zstd', false],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['', false],
    [undefined, false],
    [['deflate', 'gzip'], true],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header as string | string[] | undefined)).toBe(expected);
  });
});

describe('sendPrecompressed', () => {
  const body: PrecompressedBody = { raw: Buffer.from('{"a":1}'), gzip: Buffer.from('gz'), etag: '"abc"' };
  function reply() {
    const r = { status: 200, headers: {} as Record<string, string>, sent: undefined as unknown };
    const api = {
      code: (s: number) => ((r.status = s), api),
      header: (k: string, v: string) => ((r.headers[k] = v), api),
      send: (b?: unknown) => ((r.sent = b), api),
    };
    return { r, api };
  }

  it.each([
    [{}, 200, 'raw', undefined],
    [{ 'accept-encoding': 'gzip' }, 200, 'gzip', 'gzip'],
    [{ 'if-none-match': '"abc"' }, 304, 'none', undefined],
    [{ 'if-none-match': 'W/"abc"', 'accept-encoding': 'gzip' }, 304, 'none', undefined],
    [{ 'if-none-match': '"x", "abc"' }, 304, 'none', undefined],
    [{ 'if-none-match': '"other"' }, 200, 'raw', undefined],
  ])('%j → %d with the %s body', (headers, status, which, encoding) => {
    const { r, api } = reply();
    sendPrecompressed({ headers }, api, body, 'application/json', 'public, max-age=60');
    expect(r.status).toBe(status);
    expect(r.sent).toBe(which === 'raw' ? body.raw : which === 'gzip' ? body.gzip : undefined);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers).toMatchObject({ etag: '"abc"', vary: 'accept-encoding', 'cache-control': 'public, max-age=60' });
  });
});

describe('brotli bodies', () => {
  const body: PrecompressedBody = { raw: Buffer.from('{"a":1}'), gzip: Buffer.from('gz'), br: Buffer.from('br'), etag: '"abc"' };
  const send = (headers: Record<string, string>) => {
    const r = { headers: {} as Record<string, string>, sent: undefined as unknown };
    const api = {
      code: () => api,
      header: (k: string, v: string) => ((r.headers[k] = v), api),
      send: (b?: unknown) => ((r.sent = b), api),
    };
    sendPrecompressed({ headers }, api, body, 'application/json', 'public, max-age=60');
    return r;
  };

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
  ])('%j → %s', (acceptEncoding, encoding) => {
    const r = send({ 'accept-encoding': acceptEncoding });
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.sent).toBe(encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.raw);
  });

  it('sends gzip to a br client when the body has no brotli form', () => {
    expect(accepts('br', 'br')).toBe(true);
    const r = { headers: {} as Record<string, string> };
    const api = { code: () => api, header: (k: string, v: string) => ((r.headers[k] = v), api), send: () => api };
    sendPrecompressed({ headers: { 'accept-encoding': 'gzip, br' } }, api, { ...body, br: undefined }, 'application/json', 'x');
    expect(r.headers['content-encoding']).toBe('gzip');
  });

  it('makes brotli and gzip forms that decode to the raw bytes, with the same ETag as precompress', async () => {
    const raw = Buffer.from(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ region: `id-${i % 7}`, rank: i })) }));
    const made = await precompressWithBrotli(raw);
    expect(brotliDecompressSync(made.br!).equals(raw)).toBe(true);
    expect(gunzipSync(made.gzip).equals(raw)).toBe(true);
    expect(made.br!.length).toBeLessThan(made.gzip.length);
    expect(made.etag).toBe(precompress(raw).etag);
  });
});
