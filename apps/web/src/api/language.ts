import type { Lang } from '../i18n/dictionary';

/**
 * The language the user chose, for what is made outside React: every API request sends it as
 * `Accept-Language` (so the API's `message` comes in it), and ApiError renders codes in it.
 */
let current: Lang = 'id';

export const apiLanguage = (): Lang => current;

export function setApiLanguage(lang: Lang): void {
  current = lang;
}
