export * from './csv-body';
export * from './multipart';
export * from './page-query.dto';
export * from './precompressed';
export * from './security-headers';
export * from './body-shape';
export * from './validation-fields';
export * from './localized-text.view';
