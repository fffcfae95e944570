import type { CliCommand } from './cli-command';

// Commands are loaded lazily so that `rank`, `index` and `verify` never boot Nest or touch a database.
const commands: Record<string, () => Promise<CliCommand>> = {
  rank: async () => (await import('./commands/rank.command.js')).rankCommand,
  index: async () => (await import('./commands/index.command.js')).indexCommand,
  verify: async () => (await import('./commands/verify.command.js')).verifyCommand,
  'admin:create': async () => (await import('./commands/user.commands.js')).adminCreateCommand,
  'seed:demo': async () => (await import('./commands/user.commands.js')).seedDemoCommand,
  'directory:import-areas': async () => (await import('./commands/directory.command.js')).directoryImportAreasCommand,
  'import:organizations': async () => (await import('./commands/operation.commands.js')).importOrganizationsCommand,
  'import:users': async () => (await import('./commands/operation.commands.js')).importUsersCommand,
  'results:publish': async () => (await import('./commands/operation.commands.js')).resultsPublishCommand,
  'jury:assign': async () => (await import('./commands/operation.commands.js')).juryAssignCommand,
  'index:publish': async () => (await import('./commands/operation.commands.js')).indexPublishCommand,
  'storage:migrate': async () => (await import('./commands/storage.command.js')).storageMigrateCommand,
  'migration:run': async () => (await import('./commands/migration.command.js')).migrationRunCommand,
  'migration:generate': async () => (await import('./commands/migration.command.js')).migrationGenerateCommand,
};

function usage(): string {
  return ['usage: npm run -s cli -- <command> [args]', '', 'commands:', ...Object.keys(commands).map((c) => `  ${c}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stderr.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
