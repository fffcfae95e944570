export * from './submissions.errors';
export * from './innovation-lifecycle';
export * from './stage-result';
export * from './innovation-profile';
export * from './completeness';
export * from './word-limits';
export * from './eligibility';
export * from './editing';
