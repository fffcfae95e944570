export * from './audit.module';
export * from './audit.service';
export { AuditEventEntity } from './persistence/audit-event.entity';
