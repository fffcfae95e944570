export * from './roles';
export * from './auth.decorators';
export * from './roles.guard';
export * from './ownership';
export * from './account-token';
