export * from './data-source-options';
export * from './embedded-postgres';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './prepared';
export * from './change-bus';
export * from './coordination';
export * from './pool-budget';
export * from './snapshots';
