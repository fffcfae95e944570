import type { DataSource } from 'typeorm';

/** A document's stored file, as `storage:migrate` walks them. */
export interface StoredFileRow {
  id: string;
  storage_key: string;
  sha256: string;
  size: number;
}

/** Every document's stored file (key, sha256, size), in id order. */
export function storedFiles(db: DataSource): Promise<StoredFileRow[]> {
  return db.query(`SELECT id, storage_key, sha256, size FROM documents ORDER BY id`);
}
