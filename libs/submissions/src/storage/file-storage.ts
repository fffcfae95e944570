import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
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

/** Where evidence files live. One implementation today (local disk); the interface is the seam for S3-like stores. */
export abstract class FileStorage {
  /** Streams `source` into temporary storage, keeping the first bytes for type sniffing; stops at `maxBytes`. */
  abstract stage(source: Readable, maxBytes: number): Promise<StagedFile>;
  /** Moves a staged file to its permanent key. */
  abstract commit(staged: StagedFile, key: string): Promise<void>;
  abstract discard(staged: StagedFile): Promise<void>;
  abstract open(key: string): Promise<ReadStream>;
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
}

export class LocalDiskStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!/^[a-z0-9/_-]+(\.[a-z0-9]+)?$/i.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, 'files', key);
  }

  /** A trashed key's file name: the key with "/" made "+" (a key never holds "+"). */
  private trashPathOf(key: string): string {
    this.pathOf(key);
    return path.join(this.root, 'trash', key.replaceAll('/', '+'));
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tempPath = path.join(tmpDir, `${randomUUID()}.part`);
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
    try {
      await pipeline(source, meter, createWriteStream(tempPath, { mode: 0o600 }));
    } catch (err) {
      await rm(tempPath, { force: true });
      throw err;
    }
    const s = source as Readable & { truncated?: boolean };
    return { tempPath, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks), truncated: truncated || s.truncated === true };
  }

  async commit(staged: StagedFile, key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged.tempPath, target);
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true });
  }

  async open(key: string): Promise<ReadStream> {
    const p = this.pathOf(key);
    await stat(p);
    return createReadStream(p);
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
    await rename(this.trashPathOf(key), this.pathOf(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  async purge(key: string): Promise<void> {
    await rm(this.trashPathOf(key), { force: true });
  }

  async trashed(before: Date): Promise<string[]> {
    const old = await this.olderThan(path.join(this.root, 'trash'), before);
    return old.map((name) => name.replaceAll('+', '/'));
  }

  async sweepStaged(before: Date): Promise<number> {
    const dir = path.join(this.root, 'tmp');
    const old = await this.olderThan(dir, before);
    for (const name of old) await rm(path.join(dir, name), { force: true });
    return old.length;
  }

  /** Names of the files in `dir` last modified before `before` (none when `dir` does not exist). */
  private async olderThan(dir: string, before: Date): Promise<string[]> {
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
}
