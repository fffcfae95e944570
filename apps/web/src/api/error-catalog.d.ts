/** The kernel's error catalog in one language (apps/web/vite.config.ts `errorCatalogs`). */
declare module 'virtual:error-catalog/*' {
  /** Texts of whole errors by code. */
  export const errors: Readonly<Record<string, string>>;
  /** Texts of field errors by code. */
  export const fields: Readonly<Record<string, string>>;
}
