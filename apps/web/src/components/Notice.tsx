import { useState } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nContext';

export interface NoticeMessage {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** A confirmation kept as a message key, so it follows a language switch; announced politely. */
export function Notice({ message }: { message: NoticeMessage | null }) {
  const { t } = useI18n();
  return (
    <p role="status" className="notice">
      {message && t(message.key, message.vars)}
    </p>
  );
}

export const useNotice = () => useState<NoticeMessage | null>(null);
