export * from './edition-lifecycle';
export * from './survey-option';
