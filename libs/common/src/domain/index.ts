export * from './domain-error';
export * from './transition';
export * from './localized-text';
export * from './calendar';
