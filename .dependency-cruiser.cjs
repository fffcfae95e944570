// The import rules of docs/ARCHITECTURE.md, checked by `npm test` (scripts/test.mjs runs `depcruise`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-app',
      comment: 'An app is a composition root; what two apps share lives in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'only-public-surface-of-a-lib',
      comment:
        "Between contexts (and from apps) only what a lib's index.ts exports (and test support under src/testing/): never another context's entity, repository or internals.",
      severity: 'error',
      from: { path: '^(libs|apps)/([^/]+)/' },
      to: {
        path: '^libs/([^/]+)/src/',
        pathNot: [
          '^libs/$2/',
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/[^/]+/src/domain/index\\.ts$',
          '^libs/database/src/entities\\.ts$',
          '^libs/[^/]+/src/testing/',
        ],
      },
    },
    {
      name: 'domain-is-plain-typescript',
      comment:
        'domain/ folders and the pure libraries (kernel, scoring, regional-index) import no framework, database client or persistence code.',
      severity: 'error',
      from: { path: '^libs/([^/]+/src/domain/|kernel/src/|scoring/src/|regional-index/src/)' },
      to: { path: ['node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|fastify|@fastify)/', '/persistence/'] },
    },
    {
      name: 'no-circular-between-libs',
      comment: 'Contexts depend on each other in one direction.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, path: '^libs/', pathNot: '^libs/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|coverage|node_modules)/|\\.d\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
