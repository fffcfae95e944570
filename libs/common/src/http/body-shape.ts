import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ValidationFailed } from '@app/kernel';

/** Deepest nesting of objects and arrays a JSON body may have (a competition plan needs about 6). */
export const MAX_BODY_DEPTH = 32;

/** A lone surrogate: with the `u` flag a well-formed pair is one code point and does not match. */
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/**
 * What is wrong with a parsed request body before any DTO code sees it, or null: nesting deeper than
 * {@link MAX_BODY_DEPTH} (class-transformer recurses per level and overflowed the stack at a few thousand), or a
 * string or key holding a lone UTF-16 surrogate (not text: it cannot be stored or compared as such). Iterative,
 * so a hostile depth cannot overflow this check itself; names the first offending field.
 */
export function bodyShapeProblem(body: unknown): ValidationFailed | null {
  if (typeof body === 'string')
    return wellFormed(body)
      ? null
      : new ValidationFailed([{ field: 'body', message: 'contains a lone UTF-16 surrogate (not valid text)' }], 'INVALID_TEXT');
  if (typeof body !== 'object' || body === null) return null;
  const stack: { value: object; path: string; depth: number }[] = [{ value: body, path: '', depth: 1 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) {
      return new ValidationFailed(
        [{ field: path || 'body', message: `nests objects or arrays deeper than ${MAX_BODY_DEPTH} levels` }],
        'BODY_TOO_DEEP',
        'The request body is nested too deeply',
      );
    }
    for (const [key, v] of Object.entries(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!wellFormed(key) || (typeof v === 'string' && !wellFormed(v))) {
        return new ValidationFailed(
          [{ field: wellFormed(key) ? field : path || 'body', message: 'contains a lone UTF-16 surrogate (not valid text)' }],
          'INVALID_TEXT',
        );
      }
      if (typeof v === 'object' && v !== null) stack.push({ value: v, path: field, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Like `@IsNotBlank()`, but a string of only whitespace counts as empty too (a title of three spaces is no
 * title). Every required text field of the API's DTOs uses it (dto-audit.spec.ts checks none uses IsNotEmpty).
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' ? value.trim() !== '' : value !== '' && value !== null && value !== undefined,
        defaultMessage: () => '$property must not be empty or only spaces',
      },
    },
    options,
  );
}
