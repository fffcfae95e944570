/** Times are edited in Jakarta time (WIB, +07:00), the zone the plans are written in. */
const OFFSET_MS = 7 * 3600_000;

/** An instant as a `datetime-local` value in WIB ('' for none). */
export function toWibInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + OFFSET_MS).toISOString().slice(0, 19);
}

/** A `datetime-local` value read as WIB, as RFC 3339 with the offset (null for an empty box). */
export function fromWibInput(value: string): string | null {
  if (!value) return null;
  return `${value.length === 16 ? `${value}:00` : value}+07:00`;
}
