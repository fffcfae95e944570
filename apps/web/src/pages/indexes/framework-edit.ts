/** A path into a JSON value: object keys and array indexes. */
export type Path = readonly (string | number)[];

/**
 * A copy of `root` with the value at `path` replaced; only the objects and arrays along the path are copied,
 * so unchanged branches keep their identity (React renders only what changed) and `root` is never mutated.
 */
export function updateAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    if (typeof head !== 'number' || head < 0 || head >= root.length) throw new RangeError(`no index ${String(head)}`);
    const copy = [...root];
    copy[head] = updateAt(root[head], rest, value);
    return copy as T;
  }
  if (typeof root !== 'object' || root === null) throw new TypeError(`cannot descend into ${typeof root} at ${String(head)}`);
  const record = root as Record<string, unknown>;
  return { ...record, [head]: updateAt(record[String(head)], rest, value) } as T;
}

/** The value at `path` (undefined where the path leads nowhere). */
export function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | null | undefined)?.[key], root);
}

/** A copy of `root` with the list at `path` replaced by `change(list)` (add, remove, reorder). */
export function updateList<T>(root: T, path: Path, change: (items: readonly unknown[]) => unknown[]): T {
  const items = valueAt(root, path);
  if (!Array.isArray(items)) throw new TypeError(`no list at ${path.join('.')}`);
  return updateAt(root, path, change(items));
}

/** `items` with the item at `from` moved to `to`; unchanged when `to` is outside the list. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (to < 0 || to >= items.length || from < 0 || from >= items.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** `items` without the item at `at`. */
export function removeItem<T>(items: readonly T[], at: number): T[] {
  return items.filter((_, i) => i !== at);
}

/** `base_1`, `base_2` … : the first not in `taken` (a new indicator's or option's key). */
export function freshKey(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
