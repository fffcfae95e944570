import { Initial1795485076799 } from './1795485076799-Initial';
import { Submissions1795485810948 } from './1795485810948-Submissions';

/** Every migration, in order. An explicit list: bundlers break globs. */
export const MIGRATIONS: Function[] = [Initial1795485076799, Submissions1795485810948];
