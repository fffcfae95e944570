import { type IndexSnapshot, isIndexSnapshot, verifyIndexSnapshot } from '@app/regional-index';
import { type RankingSnapshot, verifySnapshot } from '@app/scoring';
import type { CliCommand } from '../cli-command';
import { runOnJsonFile, write } from './rank.command';

/**
 * `verify FILE`: recomputes a ranking snapshot `{input, output, hash}` — a §4 innovation ranking, or a §4b
 * region ranking when its input has `indicators`. Exit 0 when the output and the hash match, 1 with what
 * differs on stderr otherwise, 2 for an unreadable or invalid file.
 */
export const verifyCommand: CliCommand = {
  description: 'verify FILE — recompute a ranking snapshot {input, output, hash} (innovations or regions) and check it',
  run: (args) =>
    runOnJsonFile('verify', args, async (snapshot, step) => {
      step('computing');
      const regions = isIndexSnapshot(snapshot);
      const result = regions ? verifyIndexSnapshot(snapshot) : verifySnapshot(snapshot);
      step('writing');
      if (!result.ok) {
        await write(
          process.stderr,
          `verify: ${args.find((a) => !a.startsWith('--'))} does not match:\n${result.differences.map((d) => `  ${d}\n`).join('')}`,
        );
        return 1;
      }
      await write(
        process.stdout,
        `ok ${(snapshot as { hash: string }).hash} (${regions ? indexSummary(snapshot as IndexSnapshot) : rankSummary(snapshot as RankingSnapshot)})\n`,
      );
      return 0;
    }),
};

/** The stored output equals the recomputed one, so it is well-formed. */
function rankSummary({ output }: RankingSnapshot): string {
  const ranked = Object.values(output.categories).reduce((n, rows) => n + rows.length, 0);
  return `${ranked} ranked, ${output.unranked.length} unranked`;
}

function indexSummary({ output }: IndexSnapshot): string {
  const regions = Object.values(output.categories).reduce((n, rows) => n + rows.length, 0);
  return `${regions} ${regions === 1 ? 'region' : 'regions'} ranked`;
}
