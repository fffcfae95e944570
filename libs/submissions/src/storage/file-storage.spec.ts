import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalDiskStorage } from './file-storage';

describe('LocalDiskStorage: what a crash leaves behind', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const now = new Date('2025-06-01T10:00:00Z');
  const hourAgo = new Date(now.getTime() - 3600_000);
  const put = (rel: string, at: Date, text = rel) => {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    utimesSync(p, at, at);
    return p;
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'file-storage-spec-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('sweepStaged deletes staged files last written before the cut-off and keeps the others', async () => {
    const old = put('tmp/a.part', new Date(hourAgo.getTime() - 1));
    const fresh = put('tmp/b.part', now);
    expect(await storage.sweepStaged(hourAgo)).toBe(1);
    expect([existsSync(old), existsSync(fresh)]).toEqual([false, true]);
  });

  it('sweepStaged with no staging directory yet sweeps nothing', async () => {
    expect(await storage.sweepStaged(now)).toBe(0);
  });

  it('trash moves a file aside, restore puts it back, purge erases it', async () => {
    const file = put('files/ab/doc-1.pdf', hourAgo, 'bukti');
    await storage.trash('ab/doc-1.pdf');
    expect(existsSync(file)).toBe(false);
    await storage.restore('ab/doc-1.pdf');
    expect(readFileSync(file, 'utf8')).toBe('bukti');
    await storage.trash('ab/doc-1.pdf');
    await storage.purge('ab/doc-1.pdf');
    expect(existsSync(file)).toBe(false);
    expect(await storage.trashed(new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('trashed lists keys trashed before the cut-off only, counting from the move (not the upload)', async () => {
    put('files/ab/old.pdf', new Date('2020-01-01T00:00:00Z'));
    await storage.trash('ab/old.pdf');
    expect(await storage.trashed(new Date(Date.now() - 60_000))).toEqual([]);
    expect(await storage.trashed(new Date(Date.now() + 60_000))).toEqual(['ab/old.pdf']);
  });

  it('trash and restore of a file that is not there are no-ops (a missing file never blocks deleting its row)', async () => {
    await expect(storage.trash('cd/missing.pdf')).resolves.toBeUndefined();
    await expect(storage.restore('cd/missing.pdf')).resolves.toBeUndefined();
  });
});
