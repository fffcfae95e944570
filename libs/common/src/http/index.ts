export * from './csv-body';
export * from './page-query.dto';
