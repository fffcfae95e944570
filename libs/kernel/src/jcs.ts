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
  const json = JSON.stringify(value, refuseNonFinite);
  if (json === undefined) return undefined;
  const text = serialize(JSON.parse(json));
  if (LONE_SURROGATE.test(text)) throw new Error('Lone surrogate is not allowed');
  return text;
}

/** JSON.stringify writes NaN and ±Infinity as null; RFC 8785 §3.2.2.3 has no form for them. */
function refuseNonFinite(_key: string, value: unknown): unknown {
  const number = value instanceof Number ? value.valueOf() : value;
  if (typeof number === 'number' && !Number.isFinite(number)) throw new Error(`${number} is not allowed`);
  return value;
}
