// COPY on a transaction's own connection (pg-copy-streams): rows read as bytes (binary format, no value parsed
// into a string or an object per row) and a row written as a stream of chunks (nothing copied into one piece).
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

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
 * Runs `COPY table (columns) FROM STDIN` (text format) in `tx` with the chunks `write` hands it, waiting while the
 * connection is busy; `write` returns when it has written everything (rows end with "\n", fields are
 * separated by "\t" and escaped with {@link copyText}). A failure of `write` cancels the COPY (CopyFail) and is
 * thrown; the transaction then rolls back.
 */
export async function copyIn(
  tx: EntityManager,
  table: string,
  columns: readonly string[],
  write: (send: (chunk: Buffer) => Promise<void>) => Promise<void>,
): Promise<void> {
  const client = await clientOf(tx);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
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
    throw err;
  }
  await finished;
}

/** The text-format COPY form of a field (\N for null): backslash, newline, carriage return and tab escaped. */
export function copyText(value: string | null): string {
  return value === null
    ? '\\N'
    : value.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

/**
 * A chunk of JSON text in the text-format COPY form: JSON text has no raw newline, carriage return or tab (they
 * are escaped in its strings), so only its backslashes are doubled; the chunk itself when it has none.
 */
export function copyJsonBytes(chunk: Buffer): Buffer {
  let at = chunk.indexOf(0x5c);
  if (at < 0) return chunk;
  const out = Buffer.allocUnsafe(chunk.length * 2);
  let length = 0;
  let from = 0;
  while (at >= 0) {
    length += chunk.copy(out, length, from, at + 1);
    out[length++] = 0x5c;
    from = at + 1;
    at = chunk.indexOf(0x5c, from);
  }
  length += chunk.copy(out, length, from);
  return out.subarray(0, length);
}

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
