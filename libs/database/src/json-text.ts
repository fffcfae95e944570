/**
 * `JSON.stringify(value)` in pieces: the same text, never built as one string. A national snapshot's input is
 * ≈ 30 MB of JSON; as one string, then as a query parameter (node-postgres copies it into a growing buffer twice)
 * it took ≈ 200 MB of transient memory per publication (bench/RESULTS.md, "Publication").
 *
 * Plain objects and arrays are written member by member down to `STREAMED_DEPTH` levels (arrays below that too when
 * they are large); everything else (and anything with a `toJSON`, a Date for one) goes through `JSON.stringify` as a
 * whole, so the concatenated pieces equal `JSON.stringify(value)` exactly (the spec checks it; a `toJSON` that reads
 * its key argument is the one exception: it gets '' here).
 */
const STREAMED_DEPTH = 2;
/** Below STREAMED_DEPTH, arrays with more items than this are still written item by item. */
const LARGE = 1_000;

/** The pieces of `JSON.stringify(value)`, in order (`undefined` has no JSON text: nothing is yielded). */
export function* jsonPieces(value: unknown, depth = 0): Generator<string, void, undefined> {
  if (!streamed(value, depth)) {
    const text = JSON.stringify(value);
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      const item: unknown = value[i];
      if (streamed(item, depth + 1)) yield* jsonPieces(item, depth + 1);
      else yield JSON.stringify(item) ?? 'null';
    }
    yield ']';
    return;
  }
  const members = value as Record<string, unknown>;
  let first = true;
  yield '{';
  for (const key of Object.keys(members)) {
    const item = members[key];
    if (streamed(item, depth + 1)) {
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      yield* jsonPieces(item, depth + 1);
    } else {
      const text = JSON.stringify(item);
      if (text === undefined) continue; // JSON.stringify leaves out members without a JSON form
      yield `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    }
    first = false;
  }
  yield '}';
}

/** `JSON.stringify(value)` as UTF-8 chunks of about `size` bytes or more (a piece is never split). */
export function* jsonChunks(value: unknown, size = 64 * 1024): Generator<string, void, undefined> {
  let chunk = '';
  for (const piece of jsonPieces(value)) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Whether `value` is written member by member at `depth`: a plain array or object, near the top or large. */
function streamed(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return depth < STREAMED_DEPTH || value.length > LARGE;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return depth < STREAMED_DEPTH;
}
