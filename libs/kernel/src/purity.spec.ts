import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Framework-free code (DESIGN §3, STYLE rule 3): every domain/ dir, and all of the pure libs (kernel, scoring, regional-index). */
const FORBIDDEN = ['@nestjs', 'typeorm', 'bullmq'];
const PURE_LIBS = ['kernel', 'scoring', 'regional-index'];
const ROOT = join(__dirname, '..', '..', '..');

/** Module specifiers of `import … from`, `export … from`, `import '…'`, `import('…')` and `require('…')`. */
function importedModules(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

export function forbiddenImports(source: string): string[] {
  return importedModules(source).filter((spec) => FORBIDDEN.some((name) => spec === name || spec.startsWith(`${name}/`)));
}

function pureSourceFiles(): string[] {
  const libs = join(ROOT, 'libs');
  const dirs = readdirSync(libs).flatMap((lib) => [
    join(libs, lib, 'src', 'domain'),
    ...(PURE_LIBS.includes(lib) ? [join(libs, lib, 'src')] : []),
  ]);
  return [...new Set(dirs.flatMap(listTs))].filter((file) => !/\.(e2e-)?spec\.ts$/.test(file));
}

function listTs(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f));
  } catch {
    return []; // a lib without domain/
  }
}

describe('domain purity', () => {
  it.each([
    [`import { Injectable } from '@nestjs/common';`, ['@nestjs/common']],
    [`import type { Repository } from "typeorm";`, ['typeorm']],
    [`export { Queue } from 'bullmq';`, ['bullmq']],
    [`const q = require('bullmq/dist/queue');`, ['bullmq/dist/queue']],
    [`const m = await import('@nestjs/core');`, ['@nestjs/core']],
    [`import 'typeorm';`, ['typeorm']],
    [`import {\n  Entity,\n  Column,\n} from 'typeorm';`, ['typeorm']],
    [`import { x } from './typeorm-free';\nimport { y } from '@app/kernel';`, []],
    [`import { q } from 'bullmq-lite';`, []],
  ])('detects forbidden imports in a sample (%#)', (source, expected) => {
    expect(forbiddenImports(source)).toEqual(expected);
  });

  it('finds no @nestjs, typeorm or bullmq import in domain code and the pure libs', () => {
    const files = pureSourceFiles();
    expect(files).toContain(join(ROOT, 'libs/kernel/src/domain-error.ts'));
    const offenders = files.flatMap((file) =>
      forbiddenImports(readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
