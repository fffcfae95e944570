import { acceptsGzip, sendPrecompressed, type PrecompressedBody } from './precompressed';

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
