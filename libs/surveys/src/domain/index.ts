export * from './elements';
export * from './ikm';
export * from './sample-size';
export * from './abuse';
export * from './response';
export * from './period';
export * from './surveys.errors';
export * from './vote';
