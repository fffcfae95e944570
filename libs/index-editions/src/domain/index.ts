export * from './edition-lifecycle';
export * from './region-breakdown';
