import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './support/test-app';
import { IndexSnapshotInputGzip1795880000000 } from '../libs/database/src/migrations/1795880000000-IndexSnapshotInputGzip';
import { exampleIndexInput } from '../libs/regional-index/src/testing/fixtures';
import { createIndexSnapshot } from '@app/regional-index';

// The DESIGN §4b example with a validator's note (quotes, a backslash, a line break) on its region answer.
const example = exampleIndexInput();
const INPUT = {
  ...example,
  answers: [{ ...example.answers[0], note: 'Masih "rancangan"\\\nLihat lampiran' }, ...example.answers.slice(1)],
};

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('index snapshots stored as gzip (migration 1795880000000, up and down)', () => {
  let t: TestApp;
  let ds: DataSource;
  const migration = new IndexSnapshotInputGzip1795880000000();
  const snapshot = createIndexSnapshot(INPUT);
  const canonical = snapshot.inputJson.toString('utf8');

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(async () => t?.close());

  /** Runs one side of the migration in a transaction, as the migrations run. */
  async function migrate(side: 'up' | 'down'): Promise<void> {
    const q = ds.createQueryRunner();
    try {
      await q.startTransaction();
      await migration[side](q);
      await q.commitTransaction();
    } catch (err) {
      await q.rollbackTransaction();
      throw err;
    } finally {
      await q.release();
    }
  }

  const column = async (name: string) =>
    (
      await t.db.query(
        `SELECT attstorage FROM pg_attribute WHERE attrelid = 'index_snapshots'::regclass AND attname = $1 AND NOT attisdropped`,
        [name],
      )
    ).rows[0]?.attstorage ?? null;

  it('converts json inputs to the gzip of their canonical JSON (an input stored as jsonb is canonicalized), and back', async () => {
    await migrate('down');
    expect(await column('input_gzip')).toBeNull();
    const edition = randomUUID();
    const insert = (version: number, input: string) =>
      t.db.query(
        `INSERT INTO index_snapshots (edition_id, version, input, output, hash, labels, published_by) VALUES ($1, $2, $3::json, $4::jsonb, $5, '{}', $6)`,
        [edition, version, input, JSON.stringify(snapshot.output), snapshot.hash, randomUUID()],
      );
    // v1 as the code of 1795830000000 stored it (the canonical text); v2 as a jsonb column had rendered it.
    await insert(1, canonical);
    await insert(2, (await t.db.query(`SELECT $1::jsonb::text AS text`, [canonical])).rows[0].text);
    const v2 = (await t.db.query(`SELECT input::text AS text FROM index_snapshots WHERE edition_id = $1 AND version = 2`, [edition]))
      .rows[0].text;
    expect(v2).not.toBe(canonical);

    await migrate('up');
    expect([await column('input'), await column('input_gzip')]).toEqual([null, 'e']);
    const stored = (
      await t.db.query(`SELECT version, input_gzip AS gzip, output FROM index_snapshots WHERE edition_id = $1 ORDER BY version`, [edition])
    ).rows as { version: number; gzip: Buffer; output: { inputsDigest: string } }[];
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(gunzipSync(row.gzip).toString('utf8')).toBe(canonical);
      expect(sha256(gunzipSync(row.gzip))).toBe(row.output.inputsDigest);
    }
    // Immutable again once converted.
    await expect(t.db.query(`UPDATE index_snapshots SET hash = 'x' WHERE edition_id = $1`, [edition])).rejects.toThrow(/immutable/);
    // The stored input reaches the snapshot JSON that `cli verify` reads.
    const [v1] = stored;
    const id = (await t.db.query(`SELECT id FROM index_snapshots WHERE edition_id = $1 AND version = $2`, [edition, v1.version])).rows[0]
      .id;
    const json = await t.http().get(`/api/public/index-rankings/${id}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ input: INPUT, output: snapshot.output, hash: snapshot.hash, meta: { version: 1 } });

    await migrate('down');
    expect([await column('input'), await column('input_gzip')]).toEqual(['x', null]);
    const back = (await t.db.query(`SELECT input::text AS text FROM index_snapshots WHERE edition_id = $1 ORDER BY version`, [edition]))
      .rows;
    expect(back.map((r) => r.text)).toEqual([canonical, canonical]);
    await expect(t.db.query(`UPDATE index_snapshots SET hash = 'x' WHERE edition_id = $1`, [edition])).rejects.toThrow(/immutable/);

    await migrate('up');
    const again = (await t.db.query(`SELECT input_gzip AS gzip FROM index_snapshots WHERE edition_id = $1 ORDER BY version`, [edition]))
      .rows;
    expect(again.map((r) => gunzipSync(r.gzip).toString('utf8'))).toEqual([canonical, canonical]);
  });
});
