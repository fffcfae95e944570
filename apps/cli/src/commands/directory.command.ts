import { DirectoryService } from '@app/directory';
import type { CliCommand } from '../cli-command';
import { withApp } from '../app-context';
import { progressPrinter } from '../progress';

/** `directory:import-areas`: Indonesia's provinces, kabupaten and kota with their Kemendagri codes; idempotent. */
export const directoryImportAreasCommand: CliCommand = {
  description:
    'directory:import-areas — load the 38 provinces, 416 kabupaten and 98 kota with their Kemendagri codes (idn-area-data); idempotent',
  async run(args) {
    if (args.length) {
      process.stderr.write('usage: npm run -s cli -- directory:import-areas\n');
      return 2;
    }
    return withApp(async (app) => {
      const printer = progressPrinter('directory:import-areas');
      const r = await app
        .get(DirectoryService)
        .importNationalAreas(null, printer.report)
        .finally(() => printer.end());
      process.stdout.write(
        `directory:import-areas from ${r.source}: ${r.provinces} provinsi, ${r.kabupaten} kabupaten, ${r.kota} kota — ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged\n`,
      );
      return 0;
    });
  },
};
