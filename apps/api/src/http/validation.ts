import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ValidationFailed, validationFieldErrors } from '@app/common';

/** Queries kept per DTO class; past it the class's set starts again. */
const QUERIES_KEPT = 500;

/** A query string's values as parsed: strings, or arrays of strings for a repeated name. */
function isFlatQuery(value: unknown): value is Record<string, string | string[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
}

/** A copy of a DTO instance: same class, own properties copied (flat instances only are kept). */
function copyOf(instance: object): object {
  return Object.assign(Object.create(Object.getPrototypeOf(instance) as object) as object, instance);
}

/**
 * The global validation pipe, remembering the DTOs it made from query strings: a query seen before gives a
 * copy of the instance it gave then, without class-transformer and class-validator (≈ 8 % of the API's CPU on
 * the organizer list, ≈ 9 % on the cached public rankings route, whose GETs mostly come without parameters:
 * bench/RESULTS.md). Same class, same query values, same rules and options (this pipe is global): the same
 * instance or the same refusal — refusals are not kept and are worked out again. Only flat instances are kept
 * (a fresh copy per request, so no request sees another's changes); bodies and route parameters are validated
 * every time.
 */
export class AppValidationPipe extends ValidationPipe {
  /** Query DTOs already made from a query string, per class and query (`QUERIES_KEPT` per class at most). */
  private readonly queries = new WeakMap<object, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'query' || typeof type !== 'function' || !isFlatQuery(value)) return super.transform(value, metadata);
    const key = JSON.stringify(value);
    const seen = this.queries.get(type)?.get(key);
    if (seen) return copyOf(seen);
    const made: unknown = await super.transform(value, metadata);
    if (made && typeof made === 'object' && Object.values(made).every((v) => v === null || typeof v !== 'object')) {
      const byQuery = this.queries.get(type) ?? new Map<string, object>();
      if (byQuery.size >= QUERIES_KEPT) byQuery.clear();
      this.queries.set(type, byQuery.set(key, copyOf(made)));
    }
    return made;
  }
}

/** whitelist + forbid unknown fields + transform; a 400 names every bad field in details.fields. */
export function validationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The validated object is kept on each error (never sent) so a field code can name its decorator's value.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailed(validationFieldErrors(errors), 'VALIDATION_FAILED'),
  });
}
