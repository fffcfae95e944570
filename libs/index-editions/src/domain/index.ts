export * from './edition-lifecycle';
export * from './region-groups';
export * from './region-breakdown';
export * from './survey-option';
export * from './edition-windows';
