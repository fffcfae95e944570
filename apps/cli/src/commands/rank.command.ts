import { readFile } from 'node:fs/promises';
import { phaseReporter } from '@app/kernel';
import { ScoringInputError, rank } from '@app/scoring';
import type { CliCommand } from '../cli-command';
import { progressPrinter } from '../progress';

/** `rank FILE`: prints the DESIGN §4 result JSON on stdout; invalid input → exit 2, one line on stderr, nothing on stdout. */
export const rankCommand: CliCommand = {
  description: 'rank FILE — rank a scoring input (DESIGN §4) and print the result JSON',
  run: (args) =>
    runOnJsonFile('rank', args, async (input, step) => {
      step('computing');
      const output = JSON.stringify(rank(input));
      step('writing');
      await write(process.stdout, `${output}\n`);
      return 0;
    }),
};

/** The phases of a command over a JSON file, as its progress line names them. */
export const FILE_PHASES = ['reading', 'parsing', 'computing', 'writing'] as const;
export type FilePhase = (typeof FILE_PHASES)[number];

/** `--progress`: print the progress lines on stderr even when it is not a terminal (a pipe, a log). */
const PROGRESS_FLAG = '--progress';

/**
 * Reads the single FILE argument as JSON and runs `body` on it. Usage errors, an unreadable file, malformed
 * JSON and {@link ScoringInputError} from `body` give exit 2 with a one-line message on stderr.
 *
 * Progress (reading, parsing, computing, writing — `body` reports its own phases through `step`) goes to
 * stderr like the other long commands' ({@link progressPrinter}) when stderr is a terminal, or with
 * `--progress`; in a pipe without it stderr carries nothing but the error line, as DESIGN §4 and §4b ask.
 */
export async function runOnJsonFile(
  command: string,
  all: string[],
  body: (json: unknown, step: (phase: FilePhase) => void) => Promise<number>,
): Promise<number> {
  const args = all.filter((a) => a !== PROGRESS_FLAG);
  const printer = process.stderr.isTTY || args.length < all.length ? progressPrinter(command) : null;
  const step = phaseReporter(printer?.report, FILE_PHASES);
  try {
    if (args.length !== 1) throw new ScoringInputError(`usage: npm run -s cli -- ${command} FILE [${PROGRESS_FLAG}]`);
    const code = await body(await readJsonFile(args[0], step), step);
    printer?.report({ phase: 'done', done: 1, total: 1 });
    return code;
  } catch (err) {
    if (!(err instanceof ScoringInputError)) throw err;
    printer?.end();
    await write(process.stderr, `${command}: invalid input: ${err.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  } finally {
    printer?.end();
  }
}

async function readJsonFile(file: string, step: (phase: FilePhase) => void): Promise<unknown> {
  let text: string;
  try {
    step('reading');
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ScoringInputError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  step('parsing');
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
