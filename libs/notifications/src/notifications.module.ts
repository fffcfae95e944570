import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCOUNT_MAIL, IdentityModule } from '@app/identity';
import { AccountMailWriter } from './delivery/account-mail.writer';
import { JobQueue, JobsModule } from '@app/jobs';
import { DeliveryService } from './delivery/delivery.service';
import { DigestService } from './delivery/digest.service';
import { MailSender } from './delivery/mail-sender';
import { NotificationGuards } from './delivery/notification-guards';
import { InProcessDispatch, OUTBOX_DISPATCH, QueueRelay } from './delivery/outbox-dispatch';
import { OutboxPump } from './delivery/outbox-pump';
import { InboxService } from './inbox.service';
import { NotificationsController, OutboxAdminController } from './notifications.controller';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxService } from './outbox.service';
import { InboxRepository } from './persistence/inbox.repository';
import { NotificationPreferenceEntity } from './persistence/notification-preference.entity';
import { NotificationEntity } from './persistence/notification.entity';
import { OutboxMessageEntity } from './persistence/outbox-message.entity';
import { OutboxRepository } from './persistence/outbox.repository';
import { PreferencesRepository } from './persistence/preferences.repository';

/**
 * Delivery without HTTP: what apps/worker loads (and modules that register guards import). Holds the one
 * NotificationGuards registry of the process.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, NotificationEntity, NotificationPreferenceEntity]), JobsModule],
  providers: [OutboxRepository, InboxRepository, PreferencesRepository, MailSender, NotificationGuards, DeliveryService, DigestService],
  exports: [OutboxRepository, InboxRepository, PreferencesRepository, NotificationGuards, DeliveryService, DigestService, JobsModule],
})
export class NotificationDeliveryModule {}

/** Provides identity's ACCOUNT_MAIL port (invitations, password resets) without an import cycle: identity cannot import notifications. */
@Global()
@Module({
  imports: [NotificationDeliveryModule],
  providers: [AccountMailWriter, { provide: ACCOUNT_MAIL, useExisting: AccountMailWriter }],
  exports: [ACCOUNT_MAIL],
})
export class AccountMailModule {}

/**
 * The API side: `OutboxService.notify` for other modules, the inbox and admin routes, and the dispatch that
 * relays due rows to BullMQ (REDIS_URL) or delivers them in process (driven by {@link OutboxPumpModule}).
 */
@Module({
  imports: [NotificationDeliveryModule, AccountMailModule, IdentityModule],
  providers: [
    OutboxService,
    InboxService,
    OutboxAdminService,
    {
      provide: OUTBOX_DISPATCH,
      inject: [JobQueue, QueueRelay, InProcessDispatch],
      useFactory: (jobs: JobQueue, relay: QueueRelay, local: InProcessDispatch) => (jobs.enabled ? relay : local),
    },
    QueueRelay,
    InProcessDispatch,
  ],
  controllers: [NotificationsController, OutboxAdminController],
  exports: [OutboxService, NotificationDeliveryModule, OUTBOX_DISPATCH],
})
export class NotificationsModule {}

/** The background loop that moves due outbox rows on and composes digests: loaded by the API, never by the CLI. */
@Module({
  imports: [NotificationsModule],
  providers: [OutboxPump],
  exports: [OutboxPump],
})
export class OutboxPumpModule {}
