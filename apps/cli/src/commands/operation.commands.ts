import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { DomainError, type Actor, type OnProgress } from '@app/common';
import { DirectoryService } from '@app/directory';
import { UsersService } from '@app/identity';
import { IndexEditionsService } from '@app/index-editions';
import { AssignmentsService } from '@app/judging';
import { ResultsService } from '@app/results';
import type { CliCommand } from '../cli-command';
import { withApp } from '../app-context';
import { progressPrinter } from '../progress';
import { flag } from './user.commands';

/** The positional arguments (those not a --flag or its value). */
function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      if (!args[i].includes('=')) i++;
    } else out.push(args[i]);
  }
  return out;
}

/**
 * A long operation run from the CLI as the account named by `--as` (its role's rules apply, as over HTTP):
 * progress on stderr (one line rewritten on a terminal, plain lines otherwise), the result JSON on stdout.
 * A refused operation prints its error code and message and exits 1.
 */
function operationCommand(spec: {
  usage: string;
  description: string;
  positionals: number;
  run(app: INestApplicationContext, actor: Actor, args: string[], all: string[], progress: OnProgress): Promise<unknown>;
}): CliCommand {
  return {
    description: spec.description,
    async run(all) {
      const args = positional(all);
      const as = flag(all, 'as');
      if (args.length < spec.positionals || !as) {
        process.stderr.write(`usage: npm run -s cli -- ${spec.usage}\n`);
        return 2;
      }
      return withApp(async (app) => {
        const printer = progressPrinter(spec.usage.split(' ')[0]);
        try {
          const actor = await app.get(UsersService).actorByEmail(as);
          const result = await spec.run(app, actor, args, all, printer.report);
          printer.report({ phase: 'done', done: 1, total: 1 });
          printer.end();
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return 0;
        } catch (err) {
          printer.end();
          if (!(err instanceof DomainError)) throw err;
          process.stderr.write(`${err.code}: ${err.message}${err.details ? `\n${JSON.stringify(err.details)}` : ''}\n`);
          return 1;
        }
      });
    },
  };
}

export const importOrganizationsCommand = operationCommand({
  usage: 'import:organizations FILE.csv --as EMAIL',
  description:
    'import:organizations FILE.csv --as EMAIL — all-or-nothing CSV import of organizations (name,region,kind,code,email), with progress',
  positionals: 1,
  run: (app, actor, [file], _all, progress) => app.get(DirectoryService).importOrganizations(actor, readFileSync(file, 'utf8'), progress),
});

export const importUsersCommand = operationCommand({
  usage: 'import:users FILE.csv --as EMAIL',
  description: 'import:users FILE.csv --as EMAIL — all-or-nothing CSV import of accounts (admin), each invited by e-mail, with progress',
  positionals: 1,
  run: (app, actor, [file], _all, progress) => app.get(UsersService).importCsv(actor, readFileSync(file, 'utf8'), progress),
});

export const resultsPublishCommand = operationCommand({
  usage: 'results:publish COMPETITION_ID --as EMAIL [--reason TEXT]',
  description: 'results:publish COMPETITION_ID --as EMAIL [--reason TEXT] — publish the next immutable ranking snapshot, with progress',
  positionals: 1,
  run: (app, actor, [id], all, progress) => app.get(ResultsService).publish(actor, id, flag(all, 'reason'), undefined, progress),
});

export const juryAssignCommand = operationCommand({
  usage: 'jury:assign COMPETITION_ID STAGE --as EMAIL [--k N]',
  description: 'jury:assign COMPETITION_ID STAGE --as EMAIL [--k N] — automatic assignment of k jurors per innovation, with progress',
  positionals: 2,
  run: (app, actor, [id, stage], all, progress) => {
    const k = flag(all, 'k');
    return app.get(AssignmentsService).autoAssign(actor, id, stage, { k: k ? Number(k) : undefined }, progress);
  },
});

export const indexPublishCommand = operationCommand({
  usage: 'index:publish EDITION_ID --as EMAIL [--reason TEXT]',
  description: 'index:publish EDITION_ID --as EMAIL [--reason TEXT] — publish the next immutable regional index snapshot, with progress',
  positionals: 1,
  run: (app, actor, [id], all, progress) => app.get(IndexEditionsService).publish(actor, id, flag(all, 'reason'), progress),
});
