import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { storedFiles } from '../persistence/stored-files';
import { FileStorage, StoredFileMissing } from './file-storage';

export interface StorageMigration {
  /** Already in the target with the right sha256 (a restarted run skips them). */
  skipped: number;
  copied: number;
  /** Rows whose file the source does not have. */
  missing: string[];
  /** Files whose bytes do not hash to the row's sha256 (not copied). */
  corrupt: string[];
}

export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies every stored document's file from `from` to `to` (`npm run -s cli -- storage:migrate`). Each file
 * is checked against its row's sha256 on the way in and read back from the target; one already in the
 * target with the right hash is skipped, so an interrupted run is simply run again. Nothing is deleted from
 * the source. `log` gets one line per file that needed attention.
 */
export async function migrateStorage(
  db: DataSource,
  from: FileStorage,
  to: FileStorage,
  log: (line: string) => void = () => undefined,
): Promise<StorageMigration> {
  const rows = await storedFiles(db);
  const result: StorageMigration = { skipped: 0, copied: 0, missing: [], corrupt: [] };
  const hashIn = async (store: FileStorage, key: string) => sha256Of(await store.open(key));
  for (const row of rows) {
    const key = row.storage_key;
    if ((await to.exists(key)) && (await hashIn(to, key)) === row.sha256) {
      result.skipped++;
      continue;
    }
    let source: Readable;
    try {
      source = await from.open(key);
    } catch (err) {
      if (!(err instanceof StoredFileMissing)) throw err;
      result.missing.push(row.id);
      log(`document ${row.id}: ${key} is missing from the source`);
      continue;
    }
    const staged = await to.stage(source, Number(row.size) + 1);
    try {
      if (staged.sha256 !== row.sha256) {
        result.corrupt.push(row.id);
        log(`document ${row.id}: ${key} hashes to ${staged.sha256}, its row says ${row.sha256}; not copied`);
        continue;
      }
      await to.commit(staged, key);
    } finally {
      await to.discard(staged);
    }
    if ((await hashIn(to, key)) !== row.sha256)
      throw new Error(`document ${row.id}: ${key} reads back with another sha256 from the target`);
    result.copied++;
  }
  return result;
}
