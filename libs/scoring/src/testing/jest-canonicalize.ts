// Test support only. On Node 20, jest cannot `require` the ESM-only `canonicalize` package unless the jest
// config lets it through the transform (add `canonicalize` to `transformIgnorePatterns`). Until then, spec
// files that reach the digest load the package's own code compiled to CommonJS here:
//   jest.mock('canonicalize', () => require('./testing/jest-canonicalize').canonicalizeModule());
import { readFileSync } from 'node:fs';

/** The real `canonicalize` module, compiled to CommonJS with swc. */
export function canonicalizeModule(): unknown {
  const file = require.resolve('canonicalize');
  const { transformSync } = require('@swc/core') as typeof import('@swc/core');
  const { code } = transformSync(readFileSync(file, 'utf8'), { filename: file, module: { type: 'commonjs' }, jsc: { target: 'es2022' } });
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}
