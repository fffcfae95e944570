/**
 * How a domain error maps onto the HTTP API. Domain code only picks a kind; the API's error filter turns it
 * into a status with {@link HTTP_STATUS_OF_KIND}.
 */
export type DomainErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported';

export const HTTP_STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
};

/** One problem with one input field; `field` is a dotted path such as `stages[3].rubric[1].min`. */
export interface FieldError {
  field: string;
  message: string;
  /** Stable code of the problem (a key of FIELD_CATALOG in libs/common/src/errors), e.g. `FIELD_TOO_LONG`. */
  code?: string;
  /** The code's parameters, e.g. `{max: 200}`. */
  params?: Readonly<Record<string, string | number | boolean>>;
}

/** A business rule was broken. `code` is stable (`CONTEXT_REASON`) and safe for clients to switch on. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly kind: DomainErrorKind = 'invalid',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400 with the offending fields in `details.fields`. */
export class ValidationFailed extends DomainError {
  declare readonly details: { fields: FieldError[] };

  constructor(fields: readonly FieldError[], code = 'VALIDATION_FAILED', summary = 'Validation failed') {
    super(code, `${summary}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { fields: [...fields] }, 'invalid');
  }
}

/** 404. Also used for resources that exist but belong to someone else. */
export class NotFound extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'not_found');
  }
}

/** 409: the request is fine but the current state forbids it. */
export class Conflict extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'conflict');
  }
}

/** 403: the actor is known but not allowed to do this. */
export class Forbidden extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'forbidden');
  }
}

/** 401: who is asking is unknown (bad credentials, expired or revoked token). */
export class Unauthorized extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, undefined, 'unauthorized');
  }
}
