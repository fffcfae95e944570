export * from './domain';
export * from './paging';
export * from './clock';
export * from './auth';
export * from './http';
export * from './pdf/minimal-pdf';
export * from './batcher';
export * from './errors/error-catalog';
