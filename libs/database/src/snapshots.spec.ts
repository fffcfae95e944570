import { gunzipSync } from 'node:zlib';
import { gunzipSnapshotInput, gzipChunks, snapshotInputStream } from './snapshots';

describe('a snapshot input stored as gzip', () => {
  const chunks = Array.from({ length: 300 }, (_, i) => Buffer.from(`{"indicator":"k${i % 7}","region":"r${i}","self":"a"},`.repeat(200)));
  const text = Buffer.concat(chunks);

  it('is one gzip member of the chunks as they were handed over, read back whole or as a stream', async () => {
    const gzip = await gzipChunks(chunks);
    expect([...gzip.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(gzip.length).toBeLessThan(text.length / 10);
    expect(gunzipSync(gzip).equals(text)).toBe(true);
    expect((await gunzipSnapshotInput(gzip)).equals(text)).toBe(true);
    const streamed: Buffer[] = [];
    for await (const part of snapshotInputStream(gzip)) streamed.push(part as Buffer);
    expect(streamed.length).toBeGreaterThan(1);
    expect(Buffer.concat(streamed).equals(text)).toBe(true);
    expect(gunzipSync(await gzipChunks([])).length).toBe(0);
  });

  it('fails with the writer: nothing is returned for an input that did not end', async () => {
    function* broken() {
      yield* chunks.slice(0, 100);
      throw new Error('the writer failed');
    }
    await expect(gzipChunks(broken())).rejects.toThrow('the writer failed');
  });
});
