import type { ValidationError } from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import type { FieldError } from '@app/kernel';

/**
 * class-validator's constraint names → the field codes of the error catalog (libs/common/src/errors) and
 * which constraint value becomes which parameter. The first constraint of a field that has a code wins.
 */
const FIELD_CODES: Readonly<Record<string, { code: string; param?: string }>> = {
  whitelistValidation: { code: 'FIELD_NOT_ALLOWED' },
  isNotEmpty: { code: 'FIELD_REQUIRED' },
  isDefined: { code: 'FIELD_REQUIRED' },
  maxLength: { code: 'FIELD_TOO_LONG', param: 'max' },
  minLength: { code: 'FIELD_TOO_SHORT', param: 'min' },
  max: { code: 'FIELD_TOO_LARGE', param: 'max' },
  min: { code: 'FIELD_TOO_SMALL', param: 'min' },
  isString: { code: 'FIELD_NOT_TEXT' },
  isNumber: { code: 'FIELD_NOT_NUMBER' },
  isInt: { code: 'FIELD_NOT_INTEGER' },
  isBoolean: { code: 'FIELD_NOT_BOOLEAN' },
  isEmail: { code: 'FIELD_NOT_EMAIL' },
  isUrl: { code: 'FIELD_NOT_URL' },
  isUuid: { code: 'FIELD_NOT_ID' },
  isArray: { code: 'FIELD_NOT_LIST' },
  isObject: { code: 'FIELD_NOT_OBJECT' },
  nestedValidation: { code: 'FIELD_NOT_OBJECT' },
  isIn: { code: 'FIELD_NOT_IN_LIST', param: 'allowed' },
  matches: { code: 'FIELD_BAD_FORMAT' },
  isDateString: { code: 'FIELD_NOT_DATE' },
  isIso8601: { code: 'FIELD_NOT_DATE' },
  arrayMinSize: { code: 'FIELD_LIST_TOO_SHORT', param: 'min' },
  arrayMaxSize: { code: 'FIELD_LIST_TOO_LONG', param: 'max' },
};

/** The value a decorator was given (`@MaxLength(200)` → 200) for a property of the validated class. */
function constraintValue(target: object | undefined, property: string, name: string): unknown {
  if (!target) return undefined;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const found = metadata.find((m) => m.propertyName === property && (m.name ?? m.type) === name);
  const value: unknown = found?.constraints?.[0];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** One field error: the messages joined, the first known constraint as its code and parameters. */
function fieldError(e: ValidationError, field: string): FieldError {
  const names = Object.keys(e.constraints ?? {});
  const message = Object.values(e.constraints ?? {})
    .map((m) => (m.includes('should not exist') ? 'is not an allowed field' : m))
    .join('; ');
  const known = names.find((n) => FIELD_CODES[n]);
  if (!known) return { field, message, code: 'FIELD_INVALID', params: {} };
  const { code, param } = FIELD_CODES[known];
  const value = param ? constraintValue(e.target, e.property, known) : undefined;
  return { field, message, code, params: param && (typeof value === 'number' || typeof value === 'string') ? { [param]: value } : {} };
}

/**
 * class-validator's errors as the API's field errors: dotted paths (`stages[3].rubric[1].min`), the messages
 * joined, and a field code of the error catalog with its parameters (`FIELD_TOO_LONG`, `{max: 200}`).
 */
export function validationFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints ? [fieldError(e, field)] : [];
    return [...own, ...validationFieldErrors(e.children ?? [], field)];
  });
}
