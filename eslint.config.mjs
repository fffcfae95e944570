// ESLint (flat config): typescript-eslint's recommended rules everywhere, and the layering rules of
// docs/ARCHITECTURE.md that an import can break. dependency-cruiser (.dependency-cruiser.cjs) checks the rest.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'ioredis', 'pg', 'express', 'fastify'];

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/web/src/api/schema.d.ts', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Tests and JSON-shaped boundary code use `any` on purpose; the type-check is the real guard.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Stripping control characters is deliberate (exports, file-type sniffing, hostile-input tests).
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Domain code is plain TypeScript: no framework, no database, no persistence layer (STYLE.md rule 3).
    files: ['libs/*/src/domain/**/*.ts', 'libs/kernel/src/**/*.ts', 'libs/scoring/src/**/*.ts', 'libs/regional-index/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'domain code imports no framework or database client (docs/ARCHITECTURE.md)' },
            { group: ['**/persistence', '**/persistence/**'], message: 'domain code does not reach into persistence/' },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in repositories (persistence/) and the database layer (docs/ARCHITECTURE.md): a `.query(` call
    // anywhere else is an error. The exceptions, each with its reason:
    files: ['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts'],
    ignores: [
      '**/persistence/**', // repositories own SQL
      '**/*.spec.ts',
      '**/testing/**', // test support that sets rows up directly
      'libs/database/**', // the database layer itself: prepared statements, locks, the change bus, migrations
      'libs/demo/**', // the demo seeder writes across the contexts' tables by design
      'apps/web/**', // no database in the browser (`query` there is something else)
      'apps/cli/src/commands/migration.command.ts', // creates and drops the scratch database migrations are generated in
      'apps/api/src/bench/bench.controller.ts', // the bench's `SELECT 1` baseline round trip
      'libs/results/src/results.service.ts', // ResultsService.publish: moved by the results split (branch perf)
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message:
            "SQL belongs in a repository under persistence/ (docs/ARCHITECTURE.md); cross-context reads go through that context's service",
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.mjs', 'test/support/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
