// COPY on a transaction's own connection (pg-copy-streams): rows read as bytes (binary format, no value parsed
// into a string or an object per row) and a row written as a stream of chunks (nothing copied into one piece).
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { type EntityManager, QueryFailedError } from 'typeorm';

/** The pg client of a transaction's query runner (COPY runs on it, inside the transaction). */
async function clientOf(tx: EntityManager): Promise<PoolClient> {
  const runner = tx.queryRunner as unknown as { connect(): Promise<PoolClient> } | undefined;
  if (!runner) throw new Error('COPY needs a transaction (an EntityManager with its query runner)');
  return runner.connect();
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` in `tx` and calls `onRow` once per row with the bytes it came in
 * and each field's place: `fields[2k]` the offset of field k, `fields[2k + 1]` its length (-1: NULL). The bytes are
 * valid only during the call. `query` is SQL text: COPY takes no parameters.
 */
export async function copyOutBinary(
  tx: EntityManager,
  query: string,
  fieldCount: number,
  onRow: (bytes: Buffer, fields: Int32Array) => void,
): Promise<number> {
  const client = await clientOf(tx);
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
  const fields = new Int32Array(fieldCount * 2);
  let pending: Buffer | null = null;
  let header = true;
  let ended = false;
  let rows = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    if (header) {
      if (bytes.length < 19) {
        pending = bytes;
        continue;
      }
      if (!bytes.subarray(0, 11).equals(SIGNATURE)) throw new Error('COPY binary: not the PGCOPY signature');
      const extension = int32(bytes, 15);
      if (bytes.length < 19 + extension) {
        pending = bytes;
        continue;
      }
      at = 19 + extension;
      header = false;
    }
    for (;;) {
      if (ended || at + 2 > bytes.length) break;
      const count = (bytes[at] << 8) | bytes[at + 1];
      if (count === 0xffff) {
        ended = true;
        at += 2;
        break;
      }
      if (count !== fieldCount) throw new Error(`COPY binary: a row of ${count} fields, expected ${fieldCount}`);
      let p = at + 2;
      let whole = true;
      for (let k = 0; k < count; k++) {
        if (p + 4 > bytes.length) {
          whole = false;
          break;
        }
        const length = int32(bytes, p);
        p += 4;
        if (length < 0) {
          fields[2 * k] = p;
          fields[2 * k + 1] = -1;
          continue;
        }
        if (p + length > bytes.length) {
          whole = false;
          break;
        }
        fields[2 * k] = p;
        fields[2 * k + 1] = length;
        p += length;
      }
      if (!whole) break;
      onRow(bytes, fields);
      rows++;
      at = p;
    }
    pending = at < bytes.length ? bytes.subarray(at) : null;
  }
  if (!ended || pending) throw new Error('COPY binary: the data ended inside a row');
  return rows;
}

function int32(bytes: Buffer, at: number): number {
  return (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}

/**
 * Runs `COPY table (columns) FROM STDIN (FORMAT binary)` in `tx` with the bytes `write` hands it, waiting while the
 * connection is busy; `write` returns when it has written everything, from {@link BINARY_COPY_HEADER} to
 * {@link BINARY_COPY_TRAILER} (rows as {@link binaryRow} and {@link binaryField} make them). A failure of `write` cancels
 * the COPY (CopyFail) and is thrown; the transaction then rolls back. Binary: a value's bytes go as they are (no
 * escaping, nothing for PostgreSQL to scan for delimiters), each after its length.
 */
export async function copyIn(
  tx: EntityManager,
  table: string,
  columns: readonly string[],
  write: (send: (chunk: Buffer) => Promise<void>) => Promise<void>,
): Promise<void> {
  const client = await clientOf(tx);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  finished.catch(() => undefined);
  try {
    await write(async (chunk) => {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), finished]);
    });
    stream.end();
  } catch (err) {
    stream.destroy(err as Error);
    await finished.catch(() => undefined);
    throw asQueryFailed(err, table);
  }
  await finished.catch((err: unknown) => {
    throw asQueryFailed(err, table);
  });
}

/**
 * PostgreSQL's refusal of a COPY (e.g. 22021, a NUL character in a text value) as TypeORM reports a failed statement
 * (QueryFailedError with the driver's error), so the API answers it as it answers the same value in an INSERT (400
 * INVALID_VALUE for SQLSTATE class 22) instead of a 500. Anything else is returned as it is.
 */
export function asQueryFailed(err: unknown, table: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !(err instanceof QueryFailedError)
    ? new QueryFailedError(`COPY ${table} FROM STDIN`, undefined, err)
    : err;
}

/** The binary COPY header: signature, no flags, no extension. */
export const BINARY_COPY_HEADER = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
/** The binary COPY trailer (a row of -1 fields). */
export const BINARY_COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** A binary COPY row's start: its field count. */
export function binaryRow(fields: number): Buffer {
  const b = Buffer.allocUnsafe(2);
  b.writeInt16BE(fields);
  return b;
}

/** A binary COPY field: its length (-1: NULL) and, when `value` is given, its bytes (else they follow, `length` of them). */
export function binaryField(value: Buffer | null, length = value?.length ?? -1): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(length);
  return value ? Buffer.concat([b, value]) : b;
}

/** Binary forms of values: int4, jsonb (version 1 + text), text. */
export const binaryValue = {
  int4(n: number): Buffer {
    const b = Buffer.allocUnsafe(4);
    b.writeInt32BE(n);
    return b;
  },
  jsonb(value: unknown): Buffer {
    // One buffer, written in place (a national ranking's labels are ≈ 11 MB of JSON: no copies of it concatenated).
    const text = JSON.stringify(value);
    const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(text, 'utf8'));
    bytes[0] = 1;
    bytes.write(text, 1, 'utf8');
    return bytes;
  },
  text(value: string | null): Buffer | null {
    return value === null ? null : Buffer.from(value, 'utf8');
  },
  uuid(value: string): Buffer {
    const bytes = uuidBytes(value);
    if (!bytes) throw new Error(`not a uuid: ${value}`);
    return bytes;
  },
};

/**
 * Finds byte strings (UTF-8 keys, raw uuids) in bytes without making a string: key → its index in the list
 * given, by an open-addressing table over their FNV-1a hashes.
 */
export class ByteKeys {
  private readonly bytes: Buffer;
  private readonly starts: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(keys: readonly Uint8Array[]) {
    this.bytes = Buffer.concat(keys);
    this.starts = new Int32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) this.starts[i + 1] = this.starts[i] + keys[i].length;
    let size = 8;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      if (this.get(this.bytes, this.starts[i], keys[i].length) >= 0) continue; // a repeated key: the first wins
      let slot = hash(this.bytes, this.starts[i], keys[i].length) & this.mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i;
    }
  }

  /** The index of the key `bytes[start, start + length)`, or -1. */
  get(bytes: Uint8Array, start: number, length: number): number {
    let slot = hash(bytes, start, length) & this.mask;
    for (;;) {
      const key = this.slots[slot];
      if (key < 0) return -1;
      const from = this.starts[key];
      if (this.starts[key + 1] - from === length) {
        let k = 0;
        while (k < length && this.bytes[from + k] === bytes[start + k]) k++;
        if (k === length) return key;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

function hash(bytes: Uint8Array, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start, end = start + length; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** A uuid's 16 bytes from its text form; null when it is not one. */
export function uuidBytes(text: string): Buffer | null {
  const hex = text.replace(/-/g, '');
  return /^[0-9a-fA-F]{32}$/.test(hex) && text.length === 36 ? Buffer.from(hex, 'hex') : null;
}
