/** User-facing text in Indonesian (`id`) and English (`en`). */
export interface LocalizedText {
  id: string;
  en: string;
}
