import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadErrorCatalog } from '../api/errors';
import { setApiLanguage } from '../api/language';
import { dictionaries, format, type Lang, type MessageKey } from './dictionary';

const STORAGE_KEY = 'inovasi.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** Picks the current language's text of an `{id, en}` label from the API. */
  pick(text: { id: string; en: string }): string;
  formatDate(iso: string, withTime?: boolean): string;
  /**
   * A number as the language writes it (Indonesian: decimal comma, 92,7967; English: 92.7967), to at most
   * `decimals` places — the scoring default of 4 unless a caller gives the plan's own. The one number format.
   */
  formatNumber(n: number, decimals?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    // Errors already on screen read in the new language once its texts arrive.
    void loadErrorCatalog(next).catch(() => undefined);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    return {
      lang,
      setLang,
      t: (key, vars) => format(dict[key] ?? key, vars),
      pick: (text) => text[lang],
      formatNumber: (n, decimals = 4) => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(n),
      formatDate: (iso, withTime = false) =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          ...(withTime ? { timeStyle: 'short' } : {}),
          timeZone: 'Asia/Jakarta',
        }).format(new Date(iso)),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside <I18nProvider>');
  return ctx;
}
