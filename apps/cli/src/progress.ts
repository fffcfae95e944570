import type { OnProgress, Progress } from '@app/common';

/** "checking 120/400 (30%)", or the phase alone while no total is known. */
export function describeProgress(label: string, p: Progress): string {
  const count = p.total > 0 ? ` ${p.done}/${p.total} (${Math.floor((100 * p.done) / p.total)}%)` : '';
  return `${label}: ${p.phase}${count}`;
}

/**
 * On a terminal, one line rewritten in place (carriage return); otherwise (a pipe, a log file) a plain line per
 * phase and per tenth of the way, so a log stays short. Written to stderr: stdout keeps the command's result.
 */
export function progressPrinter(
  label: string,
  out: { isTTY?: boolean; write(s: string): unknown } = process.stderr,
): { report: OnProgress; end(): void } {
  let last: { phase: string; tenth: number } | null = null;
  let width = 0;
  let open = false;
  return {
    report(p) {
      const line = describeProgress(label, p);
      if (out.isTTY) {
        out.write(`\r${line.padEnd(width)}`);
        width = Math.max(width, line.length);
        open = true;
        return;
      }
      const tenth = p.total > 0 ? Math.floor((10 * p.done) / p.total) : 0;
      if (last && last.phase === p.phase && last.tenth === tenth) return;
      last = { phase: p.phase, tenth };
      out.write(`${line}\n`);
    },
    end() {
      if (open) out.write('\n');
      open = false;
    },
  };
}
