// bench/RESULTS.md is shared: `npm run bench` rewrites the sections it owns and keeps every other one
// (hand-written findings, sections other benches write) as it found it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Section {
  heading: string;
  body: string;
}

export function parseSections(text: string): { preamble: string; sections: Section[] } {
  const lines = text.split('\n');
  const sections: Section[] = [];
  const preamble: string[] = [];
  let current: { heading: string; lines: string[] } | null = null;
  let fence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (!fence && /^## /.test(line)) {
      if (current) sections.push({ heading: current.heading, body: current.lines.join('\n').trim() });
      current = { heading: line.trim(), lines: [] };
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  }
  if (current) sections.push({ heading: current.heading, body: current.lines.join('\n').trim() });
  return { preamble: preamble.join('\n').trim(), sections };
}

/**
 * Writes `owned` sections (in their order, after the preamble) and keeps every other existing section after
 * them, in its original order; `replace` sections take the place of an existing one with that heading (or
 * are appended).
 */
export function mergeResults(file: string, defaultPreamble: string, owned: Section[], replace: Section[] = []): void {
  const existing = existsSync(file) ? parseSections(readFileSync(file, 'utf8')) : { preamble: '', sections: [] };
  const ownedHeadings = new Set(owned.map((s) => s.heading));
  const others = existing.sections
    .filter((s) => !ownedHeadings.has(s.heading))
    .map((s) => replace.find((r) => r.heading === s.heading) ?? s);
  for (const r of replace) if (!others.some((s) => s.heading === r.heading) && !ownedHeadings.has(r.heading)) others.push(r);
  const parts = [existing.preamble || defaultPreamble, ...[...owned, ...others].map((s) => `${s.heading}\n\n${s.body}`)];
  writeFileSync(file, parts.join('\n\n') + '\n');
}
