import { readFile } from 'node:fs/promises';
import { ScoringInputError, rank } from '@app/scoring';
import type { CliCommand } from '../cli-command';

/** `rank FILE`: prints the DESIGN §4 result JSON on stdout; invalid input → exit 2, one line on stderr, nothing on stdout. */
export const rankCommand: CliCommand = {
  description: 'rank FILE — rank a scoring input (DESIGN §4) and print the result JSON',
  run: (args) =>
    runOnJsonFile('rank', args, async (input) => {
      await write(process.stdout, `${JSON.stringify(rank(input))}\n`);
      return 0;
    }),
};

/**
 * Reads the single FILE argument as JSON and runs `body` on it. Usage errors, an unreadable file, malformed
 * JSON and {@link ScoringInputError} from `body` give exit 2 with a one-line message on stderr.
 */
export async function runOnJsonFile(command: string, args: string[], body: (json: unknown) => Promise<number>): Promise<number> {
  try {
    if (args.length !== 1) throw new ScoringInputError(`usage: npm run -s cli -- ${command} FILE`);
    return await body(await readJsonFile(args[0]));
  } catch (err) {
    if (!(err instanceof ScoringInputError)) throw err;
    await write(process.stderr, `${command}: invalid input: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ScoringInputError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ScoringInputError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Writes and waits until the stream has taken the data, so nothing is lost when the process exits. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())));
}
