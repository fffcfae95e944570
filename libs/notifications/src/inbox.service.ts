import { Injectable } from '@nestjs/common';
import { NotFound, toPage, type Actor } from '@app/common';
import { NotificationErrorCode, type DigestMode } from './domain';
import { toNotificationView, type NotificationPageView, type NotificationView } from './dto/notifications.dto';
import { InboxRepository } from './persistence/inbox.repository';
import { PreferencesRepository } from './persistence/preferences.repository';

/** The signed-in user's own inbox and notification settings. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly preferences: PreferencesRepository,
  ) {}

  async list(actor: Actor, unreadOnly: boolean, page = 1, pageSize = 20): Promise<NotificationPageView> {
    const [[rows, total], unread] = await Promise.all([
      this.inbox.list(actor.id, unreadOnly, page, pageSize),
      this.inbox.countUnread(actor.id),
    ]);
    return { ...toPage(rows.map(toNotificationView), total, page, pageSize), unread };
  }

  /** 404 for another user's notification, as for a missing one. */
  async markRead(actor: Actor, id: string, now = new Date()): Promise<NotificationView> {
    const row = await this.inbox.markRead(actor.id, id, now);
    if (!row) throw new NotFound(NotificationErrorCode.NotFound, `notification ${id} not found`);
    return toNotificationView(row);
  }

  async markAllRead(actor: Actor, now = new Date()): Promise<{ updated: number }> {
    return { updated: await this.inbox.markAllRead(actor.id, now) };
  }

  async getPreferences(actor: Actor): Promise<{ digest: DigestMode }> {
    return { digest: (await this.preferences.digestOf([actor.id])).get(actor.id)! };
  }

  /** Applies to e-mails written from now on; mails already held stay in the next digest. */
  async setPreferences(actor: Actor, digest: DigestMode): Promise<{ digest: DigestMode }> {
    await this.preferences.save(actor.id, digest);
    return { digest };
  }
}
