export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function toPage<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize };
}

/**
 * A page as JSON text, around items that are already a JSON array (made by PostgreSQL for the hottest lists):
 * the same body `toPage` gives once serialized, without parsing and re-serializing the rows. The route sends it
 * with `content-type: application/json` (see `JSON_CONTENT_TYPE`).
 */
export function pageJson(itemsJson: string, total: number, page: number, pageSize: number): string {
  return `{"items":${itemsJson},"total":${total},"page":${page},"pageSize":${pageSize}}`;
}

/** The content type of a route that answers JSON text it made itself (`pageJson`). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
