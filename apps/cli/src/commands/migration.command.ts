import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../cli-command';
import { runMigrations } from '@app/database';
import { dataSourceFor, openDatabase } from '../database';

export const migrationRunCommand: CliCommand = {
  description: 'Apply pending migrations to DATABASE_URL (or the embedded database)',
  async run() {
    const { url, embedded } = await openDatabase();
    const ds = dataSourceFor(url);
    try {
      await ds.initialize();
      // Under the start-up advisory lock, like an API starting: never two migration runs at once.
      const applied = await runMigrations(ds);
      process.stdout.write(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') + '\n' : 'no pending migrations\n');
      return 0;
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await embedded?.stop();
    }
  },
};

/**
 * Writes libs/database/src/migrations/<timestamp>-<Name>.ts with the SQL that brings a database holding all
 * current migrations up to the entities. It works in a scratch database that it drops afterwards. Read the
 * file, then add the class to the explicit list in migrations/index.ts.
 */
export const migrationGenerateCommand: CliCommand = {
  description: 'migration:generate Name — diff the entities against the migrations into a new migration file',
  async run(args) {
    const name = args[0];
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
      process.stderr.write('usage: npm run -s cli -- migration:generate PascalCaseName\n');
      return 2;
    }
    const { url, embedded } = await openDatabase();
    const scratch = `migration_scratch_${Date.now()}`;
    const admin = dataSourceFor(url);
    await admin.initialize();
    await admin.query(`CREATE DATABASE ${scratch}`);
    const scratchUrl = new URL(url);
    scratchUrl.pathname = `/${scratch}`;
    const ds = dataSourceFor(scratchUrl.toString());
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'all' });
      const sql = await ds.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        process.stdout.write('the schema matches the entities: no migration needed\n');
        return 0;
      }
      const stamp = Date.now();
      const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
      const line = (q: { query: string; parameters?: unknown[] }) =>
        `    await q.query(\`${esc(q.query)}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
      const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(line).join('\n')}
  }
}
`;
      const dir = path.resolve('libs/database/src/migrations');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${stamp}-${name}.ts`);
      writeFileSync(file, body);
      process.stdout.write(
        `wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements); add ${name}${stamp} to migrations/index.ts\n`,
      );
      return 0;
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
      await admin.destroy();
      await embedded?.stop();
    }
  },
};
