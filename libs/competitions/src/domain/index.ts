export * from './competition-plan';
export * from './competitions.errors';
export * from './validate-plan';
export * from './default-template';
export * from './competition-lifecycle';
export * from './plan-diff';
export * from './stage-lifecycle';
export * from './region-award-template';
