// RFC 3339 timestamps (section 5.6 `date-time`), compared as instants with their full fractional precision.

/** An instant: whole seconds since the Unix epoch plus the fractional digits (no trailing zeros). */
export interface Instant {
  readonly seconds: number;
  readonly fraction: string;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 `date-time` ("2024-09-01T08:00:00Z", "2024-09-01T15:00:00.5+07:00"); null if invalid. */
export function parseRfc3339(text: unknown): Instant | null {
  if (typeof text !== 'string') return null;
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetHour = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinute = m[11] === undefined ? 0 : Number(m[11]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // time-second allows 60 for a leap second; it is then the same instant as the next minute's :00.
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return null;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + (minute - offset) * 60 + second;
  return { seconds, fraction: (m[7] ?? '').replace(/0+$/, '') };
}

/** Orders instants: negative when `a` is earlier. */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.seconds !== b.seconds) return a.seconds - b.seconds;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, '0');
  const fb = b.fraction.padEnd(width, '0');
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm), exact for years 0–9999. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
