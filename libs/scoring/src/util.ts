/** JavaScript's default string order (UTF-16 code units), used for every id and key. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets an own enumerable property, even for the key "__proto__" (which plain assignment would not create). */
export function defineKey<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
