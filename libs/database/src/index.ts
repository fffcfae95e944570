export * from './data-source-options';
export * from './embedded-postgres';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './prepared';

// Last: the entity list imports every context's index, and those import this one (call-time uses only).
export { ENTITIES } from './entities';
