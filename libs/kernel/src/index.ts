// @app/kernel — the shared, framework-free kernel every context's domain code builds on: domain errors and
// their kinds, transition tables, localized text, the WIB calendar and the Clock abstraction. Plain
// TypeScript: no Nest, TypeORM or BullMQ (libs/common is its Nest layer and re-exports it).

export * from './domain-error';
export * from './transition';
export * from './localized-text';
export * from './calendar';
export * from './clock';
export * from './lru-map';
export * from './error-catalog';
export * from './link-secrets';
export * from './progress';
export * from './reason-catalog';
export * from './jcs';
