import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file received into temporary storage, measured and hashed on the way in. */
export interface StagedFile {
  tempPath: string;
  size: number;
  sha256: string;
  head: Buffer;
  truncated: boolean;
}

/** The stored file of a key is not there (lost, or never copied to this store): the API answers 404, never 500. */
export class StoredFileMissing extends Error {
  constructor(readonly key: string) {
    super(`stored file ${key} is missing`);
    this.name = 'StoredFileMissing';
  }
}

/** Storage keys are made by DocumentsService (`ab/<uuid>.pdf`); anything else is refused before it reaches a path or an object name. */
export function assertStorageKey(key: string): string {
  if (!/^[a-z0-9/_-]+(\.[a-z0-9]+)?$/i.test(key) || key.includes('..') || key.startsWith('/'))
    throw new Error(`invalid storage key ${key}`);
  return key;
}

/**
 * Streams `source` into a new file in `dir`, measuring and hashing it and keeping its first bytes for type
 * sniffing; stops writing at `maxBytes` (then `truncated`). Both adapters stage on the local disk.
 */
export async function stageToDisk(dir: string, source: Readable, maxBytes: number): Promise<StagedFile> {
  await mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let truncated = false;
  const headChunks: Buffer[] = [];
  let headLen = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (truncated) return done();
      if (size + chunk.length > maxBytes) {
        truncated = true;
        source.resume();
        return done();
      }
      size += chunk.length;
      hash.update(chunk);
      if (headLen < 16) {
        headChunks.push(chunk.subarray(0, 16 - headLen));
        headLen += Math.min(chunk.length, 16 - headLen);
      }
      done(null, chunk);
    },
  });
  const out = createWriteStream(tempPath, { mode: 0o600 });
  try {
    await pipeline(source, meter, out);
  } catch (err) {
    // The file is removed once its stream has closed: removed earlier, a stream still opening would create it again.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(tempPath, { force: true });
    throw err;
  }
  const s = source as Readable & { truncated?: boolean };
  return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks), truncated: truncated || s.truncated === true };
}

/** Deletes the files in `dir` last modified before `before`; returns how many. */
export async function sweepDir(dir: string, before: Date): Promise<number> {
  const old = await olderThan(dir, before);
  for (const name of old) await rm(path.join(dir, name), { force: true });
  return old.length;
}

/** Names of the files in `dir` last modified before `before` (none when `dir` does not exist). */
async function olderThan(dir: string, before: Date): Promise<string[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const old: string[] = [];
  for (const name of names) {
    const s = await stat(path.join(dir, name)).catch(() => null);
    if (s?.isFile() && s.mtime < before) old.push(name);
  }
  return old;
}

/**
 * Where evidence files live: the port, with a local-disk adapter (one machine, the default) and an
 * S3-compatible one (`STORAGE=s3`, for several API instances). Uploads are staged on the local disk of the
 * instance that receives them, then committed to the store inside the row's transaction.
 */
export abstract class FileStorage {
  /** `local` or `s3`, as in STORAGE. */
  abstract readonly kind: 'local' | 's3';
  /** Which store this is (a bucket, or a folder on one host): instances sharing it settle its trash once, not each. */
  abstract readonly scope: string;
  /** Streams `source` into temporary storage, keeping the first bytes for type sniffing; stops at `maxBytes`. */
  abstract stage(source: Readable, maxBytes: number): Promise<StagedFile>;
  /** Moves a staged file to its permanent key. */
  abstract commit(staged: StagedFile, key: string): Promise<void>;
  abstract discard(staged: StagedFile): Promise<void>;
  /** The stored bytes; rejects with {@link StoredFileMissing} when the key has no file. */
  abstract open(key: string): Promise<Readable>;
  /** Whether the key has a stored file (not counting the trash). */
  abstract exists(key: string): Promise<boolean>;
  abstract remove(key: string): Promise<void>;
  /**
   * Deleting a file in step with its row: `trash` moves it aside (inside the row's transaction), then `purge`
   * erases it after the commit or `restore` puts it back when the transaction fails. `trashed` lists what a
   * crash left in between, for the sweep to settle against the rows.
   */
  abstract trash(key: string): Promise<void>;
  abstract restore(key: string): Promise<void>;
  abstract purge(key: string): Promise<void>;
  abstract trashed(before: Date): Promise<string[]>;
  /** Deletes staged files last written before `before` (uploads cut off by a crash); returns how many. */
  abstract sweepStaged(before: Date): Promise<number>;
  /** Releases connections (the S3 client's sockets); Nest calls it on shutdown. */
  close(): void {}
  onApplicationShutdown(): void {
    this.close();
  }
}

export class LocalDiskStorage extends FileStorage {
  readonly kind = 'local';
  readonly scope: string;

  constructor(private readonly root: string) {
    super();
    this.scope = `local:${hostname()}:${path.resolve(root)}`;
  }

  private pathOf(key: string): string {
    return path.join(this.root, 'files', assertStorageKey(key));
  }

  /** A trashed key's file name: the key with "/" made "+" (a key never holds "+"). */
  private trashPathOf(key: string): string {
    return path.join(this.root, 'trash', assertStorageKey(key).replaceAll('/', '+'));
  }

  stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    return stageToDisk(path.join(this.root, 'tmp'), source, maxBytes);
  }

  async commit(staged: StagedFile, key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged.tempPath, target);
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true });
  }

  async open(key: string): Promise<Readable> {
    const p = this.pathOf(key);
    await stat(p).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT' ? new StoredFileMissing(key) : err;
    });
    return createReadStream(p);
  }

  async exists(key: string): Promise<boolean> {
    return (await stat(this.pathOf(key)).catch(() => null))?.isFile() === true;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async trash(key: string): Promise<void> {
    const target = this.trashPathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(this.pathOf(key), target);
    } catch (err) {
      // Already gone (or left in the trash by an interrupted delete): nothing to move.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    // Its age in the trash counts from now (a rename keeps the upload's mtime).
    const now = new Date();
    await utimes(target, now, now);
  }

  async restore(key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(this.trashPathOf(key), target).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  async purge(key: string): Promise<void> {
    await rm(this.trashPathOf(key), { force: true });
  }

  async trashed(before: Date): Promise<string[]> {
    const old = await olderThan(path.join(this.root, 'trash'), before);
    return old.map((name) => name.replaceAll('+', '/'));
  }

  sweepStaged(before: Date): Promise<number> {
    return sweepDir(path.join(this.root, 'tmp'), before);
  }
}

/** The staging folder of an instance: DATA_DIR/storage/tmp for both adapters. */
export function stagingDirOf(dataDir: string): string {
  return path.join(dataDir, 'storage', 'tmp');
}
