// DESIGN §4b.5: inputsDigest as §4 rule 7 (sha256 of the JCS canonical JSON of the input as parsed), streamed
// with @app/scoring's streamedDigest. IGA-sized inputs hold ~750,000 answers: `canonicalize` per answer takes
// ~5 s, so an answer of the plain shape (string fields among indicator, innovation, region, self, verified)
// (and the published validator `note`) is written directly; JCS serializes strings as JSON.stringify does and orders these keys as listed.

import { type ArrayWriter, ScoringInputError, streamedDigest } from '@app/scoring';
import canonicalize from 'canonicalize';

/** JCS (UTF-16 code unit) order of the fields of a plain answer. */
const ANSWER_FIELDS = ['indicator', 'innovation', 'note', 'region', 'self', 'verified'] as const;

export function indexDigest(input: unknown): string {
  return streamedDigest(input, { answers: writeAnswers });
}

const writeAnswers: ArrayWriter = (answers, sink) => {
  sink.write('[');
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i];
    const text = plainAnswerJson(answer) ?? canonical(answer) ?? 'null';
    sink.write(i ? `,${text}` : text);
  }
  sink.write(']');
};

/** The JCS form of an answer whose own fields are all string-valued fields among ANSWER_FIELDS; else null. */
export function plainAnswerJson(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || Object.getPrototypeOf(answer) !== Object.prototype) return null;
  const record = answer as Record<string, unknown>;
  let text = '{';
  let written = 0;
  for (const field of ANSWER_FIELDS) {
    if (!Object.hasOwn(record, field)) continue;
    const value = record[field];
    if (typeof value !== 'string' || !isWellFormed(value)) return null;
    text += `${written++ ? ',' : ''}"${field}":${JSON.stringify(value)}`;
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
