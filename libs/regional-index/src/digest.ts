// DESIGN §4b.5: inputsDigest as §4 rule 7 (sha256 of the JCS canonical JSON of the input as parsed), streamed
// with @app/scoring's streamedDigest. IGA-sized inputs hold ~750,000 answers: `canonicalize` per answer takes
// ~5 s, so an answer of the plain shape (string fields among indicator, innovation, region, self, verified)
// (and the published validator `note`) is written directly; JCS serializes strings as JSON.stringify does and orders these keys as listed.

import { type ArrayWriter, ScoringInputError, canonicalJson, streamedDigest } from '@app/scoring';
import { canonicalize } from '@app/kernel';

/** JCS (UTF-16 code unit) order of the fields of a plain answer. */
const ANSWER_FIELDS = ['indicator', 'innovation', 'note', 'region', 'self', 'verified'] as const;

export function indexDigest(input: unknown): string {
  return streamedDigest(input, { answers: answersWriter() });
}

/**
 * The JCS canonical JSON of an index input (what `canonicalize(input)` returns) as UTF-8 bytes, written like
 * {@link indexDigest}: what a published snapshot stores and hashes, built once.
 */
export function indexInputJson(input: unknown): Buffer {
  return canonicalJson(input, { answers: answersWriter() });
}

/**
 * Writes the answers; the JSON strings of the values are kept for the call (a national edition repeats 552
 * region ids, ~37k innovation ids and a few dozen indicator and option keys ~750k times).
 */
function answersWriter(): ArrayWriter {
  const quote = memoizedQuote();
  return (answers, sink) => {
    sink.write('[');
    for (let i = 0; i < answers.length; i++) {
      const answer = answers[i];
      const text = plainAnswerJson(answer, quote) ?? canonical(answer) ?? 'null';
      sink.write(i ? `,${text}` : text);
    }
    sink.write(']');
  };
}

/** A string's JSON form, or null when it is not well-formed UTF-16 (a lone surrogate). */
type Quote = (value: string) => string | null;

/** A string's JSON (and JCS) form; null for a lone surrogate, which `canonicalize` refuses. */
export const quoteJson: Quote = (value) => (isWellFormed(value) ? JSON.stringify(value) : null);

function memoizedQuote(): Quote {
  const quoted = new Map<string, string | null>();
  return (value) => {
    let text = quoted.get(value);
    if (text === undefined) {
      text = quoteJson(value);
      quoted.set(value, text);
    }
    return text;
  };
}

/** The JCS form of an answer whose own fields are all string-valued fields among ANSWER_FIELDS; else null. */
export function plainAnswerJson(answer: unknown, quote: Quote = quoteJson): string | null {
  if (typeof answer !== 'object' || answer === null || Object.getPrototypeOf(answer) !== Object.prototype) return null;
  const record = answer as Record<string, unknown>;
  let text = '{';
  let written = 0;
  for (const field of ANSWER_FIELDS) {
    if (!Object.hasOwn(record, field)) continue;
    const value = record[field];
    if (typeof value !== 'string') return null;
    const json = quote(value);
    if (json === null) return null;
    text += `${written++ ? ',"' : '"'}${field}":${json}`;
  }
  return written === Object.keys(record).length ? `${text}}` : null;
}

/** No lone surrogate (canonicalize refuses those; let it say so). */
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDFFF]/.test(text) || /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(text);
}

/** `canonicalize`, with its errors (e.g. a lone surrogate in a string) as invalid input, as @app/scoring does. */
function canonical(value: unknown): string | undefined {
  try {
    return canonicalize(value);
  } catch (err) {
    throw new ScoringInputError(`cannot canonicalize the input: ${err instanceof Error ? err.message : String(err)}`);
  }
}
