export * from './audit.module';
export * from './audit.service';
export { AuditEventEntity } from './audit-event.entity';
