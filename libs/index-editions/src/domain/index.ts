export * from './edition-lifecycle';
