/**
 * Why start-up failed, in one line: the error's message (an AggregateError's parts, as `connect ECONNREFUSED`
 * from each address has an empty message of its own), its `code`, and its causes; never a stack, never
 * "undefined" (something thrown without a value says so).
 */
export function startupCause(err: unknown, depth = 0): string {
  if (err === undefined || err === null) return 'an error without any detail was thrown (no message, no cause)';
  if (!(err instanceof Error)) return String(err).replace(/\s*\n\s*/g, ' | ');
  const parts = err instanceof AggregateError && err.errors.length ? err.errors.map((e) => startupCause(e, depth + 1)) : [];
  const code = (err as { code?: unknown }).code;
  let line = [err.message || err.name, ...parts].filter(Boolean).join('; ');
  if (typeof code === 'string' && !line.includes(code)) line += ` (${code})`;
  if (err.cause !== undefined && depth < 5) line += ` — caused by: ${startupCause(err.cause, depth + 1)}`;
  return line.replace(/\s*\n\s*/g, ' | ');
}
