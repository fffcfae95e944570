import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedPortFor } from './embedded-postgres';

describe('embeddedPortFor: the embedded PostgreSQL keeps its port across restarts', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'pg-port-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('chooses a free port on the first start, keeps it in DATA_DIR/pg.port and returns it on every later start', async () => {
    const first = await embeddedPortFor(dir, null);
    expect(first).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'pg.port'), 'utf8').trim()).toBe(String(first));
    expect(await embeddedPortFor(dir, null)).toBe(first);
  });

  it('EMBEDDED_PG_PORT wins over the kept port', async () => {
    writeFileSync(path.join(dir, 'pg.port'), '54000\n');
    expect(await embeddedPortFor(dir, 54329)).toBe(54329);
  });

  it('a kept file that is not a port is replaced by a fresh one', async () => {
    writeFileSync(path.join(dir, 'pg.port'), 'rusak\n');
    const port = await embeddedPortFor(dir, null);
    expect(readFileSync(path.join(dir, 'pg.port'), 'utf8').trim()).toBe(String(port));
  });
});
