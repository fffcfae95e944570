import { reasonText } from '../../../../libs/kernel/src/index';
import { useI18n } from './I18nContext';

/** A reason as the API stores it: a system reason also as its code and parameters (the kernel's reason catalog). */
export interface StoredReason {
  reason?: string | null;
  reasonCode?: string | null;
  reasonParams?: Record<string, string | number | boolean> | null;
}

/**
 * Renders stored reasons in the page's language: a coded one from the reason catalog (numbers in the language's
 * format, a category by its label when `categoryLabel` knows it), else the text as stored (a person's words, or
 * a row written before codes).
 */
export function useReasonText(): (row: StoredReason, categoryLabel?: (key: string) => string | undefined) => string | null {
  const { lang } = useI18n();
  return (row, categoryLabel) => {
    const params =
      row.reasonParams && typeof row.reasonParams.category === 'string'
        ? { ...row.reasonParams, category: categoryLabel?.(row.reasonParams.category) ?? row.reasonParams.category }
        : row.reasonParams;
    return reasonText(row.reasonCode, params, lang) ?? row.reason ?? null;
  };
}
