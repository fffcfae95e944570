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
