import { computeIndex } from '@app/regional-index';
import type { CliCommand } from '../cli-command';
import { runOnJsonFile, write } from './rank.command';

/** `index FILE`: prints the DESIGN §4b result JSON on stdout; invalid input → exit 2, one line on stderr, nothing on stdout. */
export const indexCommand: CliCommand = {
  description: 'index FILE — compute the regional innovation index (DESIGN §4b) and print the result JSON',
  run: (args) =>
    runOnJsonFile('index', args, async (input, step) => {
      step('computing');
      const output = JSON.stringify(computeIndex(input));
      step('writing');
      await write(process.stdout, `${output}\n`);
      return 0;
    }),
};
