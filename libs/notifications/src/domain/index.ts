export * from './notification-types';
export * from './templates';
export * from './backoff';
export * from './outbox-status';
export * from './dedupe-key';
export * from './digest-schedule';
export * from './fan-out';
export * from './notifications.errors';
