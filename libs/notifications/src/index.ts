export { NotificationsModule, NotificationDeliveryModule, OutboxPumpModule } from './notifications.module';
export { OutboxService, type NotifyInput } from './outbox.service';
export { NotificationGuards, type NotificationGuard, type GuardContext } from './delivery/notification-guards';
export { DeliveryService, OutboxRowBusy, type DeliveryOutcome } from './delivery/delivery.service';
export { DigestService } from './delivery/digest.service';
export { OutboxMessageEntity } from './persistence/outbox-message.entity';
export { NotificationEntity } from './persistence/notification.entity';
export { NotificationPreferenceEntity } from './persistence/notification-preference.entity';
export {
  eventKey,
  CHANNELS,
  DIGEST_MODES,
  LOCALES,
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_NAMES,
  OUTBOX_STATUSES,
  type Channel,
  type DigestMode,
  type Locale,
  type NotificationPayload,
  type NotificationType,
  type OutboxDraft,
  type OutboxStatus,
} from './domain';
