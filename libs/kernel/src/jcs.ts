// RFC 8785 (JCS) canonical JSON, the form every digest and snapshot hash of DESIGN §4 and §4b is taken over.
//
// The serializer is the `json-canonicalize` package (CommonJS and ESM, any Node ≥ 8.5). It writes a string as
// JSON.stringify does, which escapes a lone UTF-16 surrogate (`"\ud800"`) instead of refusing it; RFC 8785
// §3.2.2.2 takes strings as I-JSON, where a lone surrogate has no UTF-8 form, so this module refuses it, as the
// `canonicalize` package does. The package orders JSON *data*; a JavaScript value first becomes JSON data the way
// JSON.stringify sees it (toJSON applied and its result canonicalized too, array holes and undefined items as
// null, boxed primitives unboxed, members without a JSON form dropped, NaN and ±Infinity refused), so any value
// gives the bytes RFC 8785 defines for its JSON form (jcs.spec.ts).

import { canonicalize as serialize } from 'json-canonicalize';

/**
 * A lone surrogate as JSON.stringify escapes it: `\udXXX` after an even run of backslashes (an odd run would make
 * the backslash before `u` a literal one, as in the text `\ud800` typed by a person, written `\\ud800`).
 */
const LONE_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

/**
 * The JCS canonical JSON of `value`, or undefined when it has no JSON form (undefined, a function, a symbol).
 * Throws on a lone surrogate in any string or key ("Lone surrogate is not allowed"), NaN and ±Infinity.
 */
export function canonicalize(value: unknown): string | undefined {
  return plainCanonical(value, 0) ?? canonicalizeAny(value);
}

/** Any value: made JSON data by a JSON.stringify/JSON.parse round trip, then serialized by the package. */
function canonicalizeAny(value: unknown): string | undefined {
  const json = JSON.stringify(value, refuseNonFinite);
  if (json === undefined) return undefined;
  const text = serialize(JSON.parse(json));
  if (LONE_SURROGATE.test(text)) throw new Error('Lone surrogate is not allowed');
  return text;
}

/** Any UTF-16 surrogate: a string holding one (a pair or a lone one) takes the checked path. */
const SURROGATE = /[\ud800-\udfff]/;

/** Deeper than this, the checked path (JSON.stringify refuses a cycle instead of recursing forever). */
const MAX_PLAIN_DEPTH = 256;

/**
 * The canonical JSON of plain JSON data written directly, without the round trip: objects of Object.prototype and
 * arrays of Array.prototype (no toJSON), strings without surrogates, finite numbers, booleans and null. These are
 * their own JSON data, and their JCS form is JSON.stringify's for each string and number, with keys in UTF-16
 * code unit order (what `Array.prototype.sort` compares), as the package writes them. null for anything else —
 * undefined, a function, a Date, a boxed primitive, NaN, a surrogate, a cycle —, which the checked path serializes
 * or refuses. A national ranking's 50,000 submissions and its output rows are such data (bench/RESULTS.md, item 21).
 */
function plainCanonical(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case 'string':
      return SURROGATE.test(value) ? null : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : null;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (depth > MAX_PLAIN_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return null;
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Array.prototype) {
        const items = value as unknown[];
        let text = '[';
        for (let i = 0; i < items.length; i++) {
          const item = plainCanonical(items[i], depth + 1);
          if (item === null) return null;
          text += i ? `,${item}` : item;
        }
        return `${text}]`;
      }
      if (prototype !== Object.prototype) return null;
      const members = value as Record<string, unknown>;
      const keys = Object.keys(members).sort();
      let text = '{';
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        const member = plainCanonical(members[key], depth + 1);
        if (member === null || SURROGATE.test(key)) return null;
        text += `${k ? ',' : ''}${JSON.stringify(key)}:${member}`;
      }
      return `${text}}`;
    }
    default:
      return null;
  }
}

/** JSON.stringify writes NaN and ±Infinity as null; RFC 8785 §3.2.2.3 has no form for them. */
function refuseNonFinite(_key: string, value: unknown): unknown {
  const number = value instanceof Number ? value.valueOf() : value;
  if (typeof number === 'number' && !Number.isFinite(number)) throw new Error(`${number} is not allowed`);
  return value;
}
