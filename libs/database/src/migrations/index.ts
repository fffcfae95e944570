import { Initial1795485076799 } from './1795485076799-Initial';

/** Every migration, in order. An explicit list: bundlers break globs. */
export const MIGRATIONS: Function[] = [Initial1795485076799];
