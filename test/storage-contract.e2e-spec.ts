import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { validateEnv } from '../libs/config/src/env';
import { storageFor } from '../libs/submissions/src/submissions.module';
import { StoredFileMissing, type FileStorage } from '../libs/submissions/src/storage/file-storage';
import { startS3Server, type S3Server } from './support/s3-server';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

/** The same contract for every adapter of the storage port: local disk, and S3 against a real S3-protocol server (s3rver). */
describe.each(['local', 's3'] as const)('FileStorage contract: %s', (kind) => {
  let s3: S3Server | null = null;
  let dataDir: string;
  let storage: FileStorage;
  const put = async (key: string, body: Buffer) => {
    const staged = await storage.stage(Readable.from(body), 1024 * 1024);
    await storage.commit(staged, key);
    await storage.discard(staged);
  };

  beforeAll(async () => {
    if (kind === 's3') s3 = await startS3Server();
    dataDir = mkdtempSync(path.join(tmpdir(), 'storage-contract-'));
    storage = storageFor(validateEnv(s3?.env ?? {}).storage, dataDir);
    expect(storage.kind).toBe(kind);
  });
  afterAll(async () => {
    storage?.close();
    await s3?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stages (size, sha256, first bytes), commits and serves the same bytes', async () => {
    const body = pdf('bukti SiTaro');
    const staged = await storage.stage(Readable.from(body), 1024);
    expect(staged).toMatchObject({ size: body.length, sha256: sha(body), truncated: false });
    expect(staged.head.toString('latin1')).toBe('%PDF-1.4\nbukti S');
    await storage.commit(staged, 'ab/roundtrip.pdf');
    await storage.discard(staged);
    expect(await storage.exists('ab/roundtrip.pdf')).toBe(true);
    expect(sha(await bytes(await storage.open('ab/roundtrip.pdf')))).toBe(sha(body));
  });

  it('stops staging at the limit and says so', async () => {
    const staged = await storage.stage(Readable.from(Buffer.alloc(5000, 1)), 1000);
    expect(staged.truncated).toBe(true);
    expect(staged.size).toBeLessThanOrEqual(1000);
    await storage.discard(staged);
  });

  it('a key without a file: open rejects with StoredFileMissing (never a raw ENOENT/NoSuchKey), exists is false', async () => {
    await expect(storage.open('cd/never-stored.pdf')).rejects.toBeInstanceOf(StoredFileMissing);
    expect(await storage.exists('cd/never-stored.pdf')).toBe(false);
  });

  it('refuses keys that could leave the store', async () => {
    for (const key of ['../etc/passwd', '/abs.pdf', 'a/../../b.pdf', 'a b.pdf'])
      await expect(storage.open(key)).rejects.toThrow(/invalid storage key/);
  });

  it('trash moves a file aside, restore puts it back, purge erases it; trashed lists by the time of the move', async () => {
    await put('ef/doc-1.pdf', pdf('satu'));
    await storage.trash('ef/doc-1.pdf');
    await expect(storage.open('ef/doc-1.pdf')).rejects.toBeInstanceOf(StoredFileMissing);
    expect(await storage.trashed(new Date(Date.now() - 60_000))).toEqual([]);
    expect(await storage.trashed(new Date(Date.now() + 60_000))).toEqual(['ef/doc-1.pdf']);
    await storage.restore('ef/doc-1.pdf');
    expect((await bytes(await storage.open('ef/doc-1.pdf'))).toString()).toContain('satu');
    expect(await storage.trashed(new Date(Date.now() + 60_000))).toEqual([]);
    await storage.trash('ef/doc-1.pdf');
    await storage.purge('ef/doc-1.pdf');
    expect(await storage.exists('ef/doc-1.pdf')).toBe(false);
    expect(await storage.trashed(new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('trash, restore, purge and remove of a key that is not there are no-ops', async () => {
    await expect(storage.trash('gh/missing.pdf')).resolves.toBeUndefined();
    await expect(storage.restore('gh/missing.pdf')).resolves.toBeUndefined();
    await expect(storage.purge('gh/missing.pdf')).resolves.toBeUndefined();
    await expect(storage.remove('gh/missing.pdf')).resolves.toBeUndefined();
  });

  it('remove deletes the stored file', async () => {
    await put('ij/gone.pdf', pdf('dua'));
    await storage.remove('ij/gone.pdf');
    expect(await storage.exists('ij/gone.pdf')).toBe(false);
  });

  (kind === 's3' ? it : it.skip)(
    'creates a missing bucket on first use (a fresh MinIO has none), also when two instances do it at once',
    async () => {
      const fresh = () => storageFor(validateEnv({ ...s3!.env, S3_BUCKET: 'bucket-baru' }).storage, dataDir);
      const [one, two] = [fresh(), fresh()];
      try {
        expect(await Promise.all([one.exists('kl/x.pdf'), two.exists('kl/x.pdf')])).toEqual([false, false]);
        const staged = await one.stage(Readable.from(pdf('ember baru')), 1024);
        await one.commit(staged, 'kl/x.pdf');
        expect(await two.exists('kl/x.pdf')).toBe(true);
      } finally {
        one.close();
        two.close();
      }
    },
  );

  it('sweepStaged deletes staged uploads last written before the cut-off and keeps fresh ones', async () => {
    const old = await storage.stage(Readable.from(pdf('terputus')), 1024);
    const fresh = await storage.stage(Readable.from(pdf('baru')), 1024);
    const longAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old.tempPath, longAgo, longAgo);
    expect(await storage.sweepStaged(new Date(Date.now() - 3600_000))).toBe(1);
    const left = await readdir(path.dirname(fresh.tempPath));
    expect([left.includes(path.basename(old.tempPath)), left.includes(path.basename(fresh.tempPath))]).toEqual([false, true]);
    await storage.discard(fresh);
  });
});
