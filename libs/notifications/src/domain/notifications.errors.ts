/** Stable error codes of the notifications context. */
export const NotificationErrorCode = {
  PayloadInvalid: 'NOTIFICATION_PAYLOAD_INVALID',
  DedupeKeyInvalid: 'NOTIFICATION_DEDUPE_KEY_INVALID',
  NotFound: 'NOTIFICATION_NOT_FOUND',
  OutboxNotFound: 'OUTBOX_MESSAGE_NOT_FOUND',
  OutboxIllegalTransition: 'OUTBOX_ILLEGAL_TRANSITION',
} as const;
