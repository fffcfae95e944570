export * from './nominees';
export * from './group-ranking';
export * from './awards.errors';
export * from './entry';
