import { ConfigError, loadEnv, validateEnv } from '@app/config';
import { migrateStorage, storageFor } from '@app/submissions';
import type { CliCommand } from '../cli-command';
import { dataSourceFor, openDatabase } from '../database';
import { flag } from './user.commands';

const KINDS = ['local', 's3'] as const;

export const storageMigrateCommand: CliCommand = {
  description: 'storage:migrate --from local|s3 --to s3|local — copy every document file between stores, sha256-checked, restartable',
  async run(args) {
    const from = flag(args, 'from');
    const to = flag(args, 'to');
    if (!KINDS.includes(from as never) || !KINDS.includes(to as never) || from === to) {
      process.stderr.write('usage: npm run -s cli -- storage:migrate --from local --to s3   (or --from s3 --to local)\n');
      return 2;
    }
    let env;
    let s3;
    try {
      env = loadEnv();
      // The S3_* variables describe the bucket whatever STORAGE says now.
      s3 = validateEnv({ ...process.env, STORAGE: 's3' }).storage;
    } catch (err) {
      if (err instanceof ConfigError) {
        process.stderr.write(`${err.message}\n`);
        return 2;
      }
      throw err;
    }
    const source = storageFor(from === 's3' ? s3 : { kind: 'local' }, env.dataDir);
    const target = storageFor(to === 's3' ? s3 : { kind: 'local' }, env.dataDir);
    const { url, embedded } = await openDatabase(env);
    const ds = dataSourceFor(url);
    try {
      await ds.initialize();
      const r = await migrateStorage(ds, source, target, (line) => process.stderr.write(line + '\n'));
      process.stdout.write(
        `storage:migrate ${from} → ${to}: ${r.copied} copied, ${r.skipped} already there, ${r.missing.length} missing from ${from}, ${r.corrupt.length} not matching their sha256\n`,
      );
      return r.missing.length + r.corrupt.length ? 1 : 0;
    } finally {
      source.close();
      target.close();
      if (ds.isInitialized) await ds.destroy();
      await embedded?.stop();
    }
  },
};
