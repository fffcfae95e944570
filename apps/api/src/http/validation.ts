import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '@app/common';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints
      ? [{ field, message: Object.values(e.constraints).map((m) => (m.includes('should not exist') ? 'is not an allowed field' : m)).join('; ') }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** whitelist + forbid unknown fields + transform; a 400 names every bad field in details.fields. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors), 'VALIDATION_FAILED'),
  });
}
