export * from './data-source-options';
export * from './embedded-postgres';
export { MIGRATIONS } from './migrations';
export * from './prepared';
