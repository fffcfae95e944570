import { type RankingSnapshot, verifySnapshot } from '@app/scoring';
import type { CliCommand } from '../cli-command';
import { runOnJsonFile, write } from './rank.command';

/**
 * `verify FILE`: recomputes a ranking snapshot `{input, output, hash}`. Exit 0 when the output and the hash
 * match, 1 with what differs on stderr otherwise, 2 for an unreadable or invalid file.
 */
export const verifyCommand: CliCommand = {
  description: 'verify FILE — recompute a ranking snapshot {input, output, hash} and check it',
  run: (args) =>
    runOnJsonFile('verify', args, async (snapshot) => {
      const result = verifySnapshot(snapshot);
      if (!result.ok) {
        await write(process.stderr, `verify: ${args[0]} does not match:\n${result.differences.map((d) => `  ${d}\n`).join('')}`);
        return 1;
      }
      const { output, hash } = snapshot as RankingSnapshot; // equal to the recomputed output, so well-formed
      const ranked = Object.values(output.categories).reduce((n, rows) => n + rows.length, 0);
      await write(process.stdout, `ok ${hash} (${ranked} ranked, ${output.unranked.length} unranked)\n`);
      return 0;
    }),
};
