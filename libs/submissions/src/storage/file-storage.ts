import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
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
}

export class LocalDiskStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!/^[a-z0-9/_-]+(\.[a-z0-9]+)?$/i.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, 'files', key);
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
}
