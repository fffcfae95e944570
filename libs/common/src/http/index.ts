export * from './csv-body';
