import { api, call } from './client';

export type { Notification, NotificationPage } from './schemas';

const path = (id: string) => ({ params: { path: { id } } });

export const notifications = (query: { page?: number; pageSize?: number; unread?: boolean } = {}) =>
  call(api.GET('/api/notifications', { params: { query } }));
export const markRead = (id: string) => call(api.POST('/api/notifications/{id}/read', path(id)));
export const markAllRead = () => call(api.POST('/api/notifications/read-all'));
