import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Source files of the API and its libraries that can throw (tests and the web app left out). */
function sources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'migrations') walk(path);
      } else if (/\.ts$/.test(entry.name) && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name)) out.push(path);
    }
  };
  for (const dir of ['libs', 'apps/api/src', 'apps/worker/src', 'apps/cli/src']) {
    try {
      walk(join(root, dir));
    } catch {
      /* a folder this checkout does not have */
    }
  }
  return out;
}

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const LITERAL = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'|"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"/g;

/** The arguments of a call whose opening parenthesis is at `open` (balanced parentheses, strings skipped). */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

export interface ThrownCode {
  code: string;
  /** Where it is thrown, `path:line`. */
  at: string;
}

/**
 * Every error code the API can answer with, found in the source: the codes passed to `new X(…)` for
 * DomainError and each of its subclasses (found by `class … extends …`, so a new subclass counts too), the
 * members of the `…ErrorCode` constant objects they use, `code: '…'` of the HTTP error filter, the
 * `error: '…' as const` results turned into errors, and `assertOwnership(…, 'what', …)` → `WHAT_NOT_FOUND`.
 */
export function thrownErrorCodes(root: string): ThrownCode[] {
  // Comments blanked out (same length, so line numbers hold): a code named in a comment is not thrown.
  const uncomment = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, (c) => c.replace(/[^\n]/g, ' '));
  const files = sources(root).map((path) => ({ path: relative(root, path), text: uncomment(readFileSync(path, 'utf8')) }));
  const errorClasses = new Set(['DomainError']);
  for (let grew = true; grew;) {
    grew = false;
    for (const { text } of files)
      for (const m of text.matchAll(/class\s+(\w+)\s+extends\s+(\w+)/g))
        if (errorClasses.has(m[2]) && !errorClasses.has(m[1])) {
          errorClasses.add(m[1]);
          grew = true;
        }
  }
  const constants = new Map<string, string>();
  for (const { text } of files)
    for (const m of text.matchAll(/(\w+ErrorCode)\s*=\s*\{([^}]*)\}/g))
      for (const member of m[2].matchAll(/(\w+)\s*:\s*'([A-Z0-9_]+)'/g)) constants.set(`${m[1]}.${member[1]}`, member[2]);
  const found: ThrownCode[] = [];
  const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
  for (const { path, text } of files) {
    const add = (code: string, index: number) => {
      if (CODE.test(code)) found.push({ code, at: `${path}:${lineOf(text, index)}` });
    };
    for (const m of text.matchAll(/new\s+(\w+)\s*\(/g)) {
      if (!errorClasses.has(m[1])) continue;
      // A field error's own `code: '…'` is a field code (FIELD_CATALOG), not the error's.
      const args = argumentsAt(text, m.index + m[0].length - 1).replace(/\bcode:\s*'[^']*'/g, '');
      for (const lit of args.matchAll(LITERAL)) add(lit[1] ?? lit[2], m.index);
      for (const ref of args.matchAll(/(\w+ErrorCode)\.(\w+)/g)) {
        const code = constants.get(`${ref[1]}.${ref[2]}`);
        if (code) add(code, m.index);
      }
      if (m[1] === 'ValidationFailed' && !/^\s*[^,]+,\s*\S/.test(args)) add('VALIDATION_FAILED', m.index);
    }
    for (const m of text.matchAll(/\b(?:code|error)\s*:\s*'([A-Z][A-Z0-9_]+)'(?:\s+as\s+const)?/g))
      if (/as\s+const$/.test(m[0]) || path.includes('error.filter')) add(m[1], m.index);
    for (const m of text.matchAll(/(?<!function\s+)assertOwnership\(/g)) {
      const what = argumentsAt(text, m.index + m[0].length - 1).match(/'(\w+)'/);
      if (what) add(`${what[1].toUpperCase()}_NOT_FOUND`, m.index);
    }
  }
  return found;
}
