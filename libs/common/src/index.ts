// The framework-free kernel (errors, transitions, localized text, calendar, clock), re-exported for Nest-side code.
export * from '@app/kernel';
export * from './paging';
export * from './auth';
export * from './http';
export * from './pdf/minimal-pdf';
export * from './batcher';
export * from './limiter';
export * from './startup-cause';
export * from './memory';
export * from './kept-pages';
