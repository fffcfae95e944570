import { api, call, callAs } from './client';
import type { components } from './schema';

/** The document types the nullable `link` and `readAt` as objects (the DTO decorators lack `type`). */
export type Notification = Omit<components['schemas']['NotificationView'], 'link' | 'readAt'> & { link?: string | null; readAt?: string | null };
export type NotificationPage = Omit<components['schemas']['NotificationPageView'], 'items'> & { items: Notification[] };

const path = (id: string) => ({ params: { path: { id } } });

export const notifications = (query: { page?: number; pageSize?: number; unread?: boolean } = {}) =>
  callAs<NotificationPage>(api.GET('/api/notifications', { params: { query } }));
export const markRead = (id: string) => callAs<Notification>(api.POST('/api/notifications/{id}/read', path(id)));
export const markAllRead = () => call(api.POST('/api/notifications/read-all'));
