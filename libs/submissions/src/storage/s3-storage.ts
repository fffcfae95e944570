import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertStorageKey, FileStorage, stageToDisk, StoredFileMissing, sweepDir, type StagedFile } from './file-storage';

export interface S3StorageOptions {
  /** S3-compatible endpoint (MinIO, …); null = AWS for `region`. */
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
  /** Local folder where this instance stages uploads before they are committed to the bucket. */
  stagingDir: string;
}

const FILES = 'files/';
const TRASH = 'trash/';

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.Code === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Evidence in an S3-compatible bucket, shared by every API instance. Objects live under `files/<key>`; a
 * deletion in progress moves the object to `trash/<key>` (copy + delete; the copy's LastModified is the
 * time it was trashed), so the sweep settles it against the rows exactly as on the local disk. Uploads are
 * staged on the receiving instance's disk (swept there) and put into the bucket inside the row's transaction.
 */
export class S3Storage extends FileStorage {
  readonly kind = 's3';
  readonly scope: string;
  private readonly client: S3Client;
  private bucketReady: Promise<void> | null = null;

  constructor(private readonly options: S3StorageOptions) {
    super();
    this.scope = `s3:${options.endpoint ?? options.region}/${options.bucket}`;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      // Plain signed requests: S3-compatible servers do not all take the SDK's default checksum trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private get bucket(): string {
    return this.options.bucket;
  }

  /** Creates the bucket on first use when it does not exist (a fresh MinIO has none). */
  private ready(): Promise<void> {
    this.bucketReady ??= (async () => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      } catch (err) {
        if (!isMissing(err)) throw err;
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket })).catch((e: { name?: string }) => {
          // Another instance created it a moment ago.
          if (e?.name !== 'BucketAlreadyOwnedByYou' && e?.name !== 'BucketAlreadyExists') throw e;
        });
      }
    })().catch((err: unknown) => {
      this.bucketReady = null;
      throw err;
    });
    return this.bucketReady;
  }

  stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    return stageToDisk(this.options.stagingDir, source, maxBytes);
  }

  async commit(staged: StagedFile, key: string): Promise<void> {
    await this.ready();
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: FILES + assertStorageKey(key),
        Body: createReadStream(staged.tempPath),
        ContentLength: staged.size,
      }),
    );
    await rm(staged.tempPath, { force: true });
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.tempPath, { force: true });
  }

  async open(key: string): Promise<Readable> {
    await this.ready();
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: FILES + assertStorageKey(key) }));
      return res.Body as Readable;
    } catch (err) {
      throw isMissing(err) ? new StoredFileMissing(key) : err;
    }
  }

  async exists(key: string): Promise<boolean> {
    await this.ready();
    return this.head(FILES + assertStorageKey(key));
  }

  private async head(objectKey: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await this.ready();
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: FILES + assertStorageKey(key) }));
  }

  /** Copies `from` to `to` and deletes `from`; a missing `from` is a no-op (already moved, or never there). */
  private async move(from: string, to: string): Promise<void> {
    await this.ready();
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: to,
          CopySource: `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
        }),
      );
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: from }));
  }

  trash(key: string): Promise<void> {
    return this.move(FILES + assertStorageKey(key), TRASH + key);
  }

  restore(key: string): Promise<void> {
    return this.move(TRASH + assertStorageKey(key), FILES + key);
  }

  async purge(key: string): Promise<void> {
    await this.ready();
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: TRASH + assertStorageKey(key) }));
  }

  async trashed(before: Date): Promise<string[]> {
    return (await this.list(TRASH)).filter((o) => o.lastModified < before).map((o) => o.key);
  }

  private async list(prefix: string): Promise<{ key: string; lastModified: Date }[]> {
    await this.ready();
    const out: { key: string; lastModified: Date }[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? [])
        if (o.Key) out.push({ key: o.Key.slice(prefix.length), lastModified: o.LastModified ?? new Date(0) });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  /** Staged uploads are on this instance's disk: each instance sweeps its own. */
  sweepStaged(before: Date): Promise<number> {
    return sweepDir(this.options.stagingDir, before);
  }

  override close(): void {
    this.client.destroy();
  }
}
