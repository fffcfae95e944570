import type { ApiPropertyOptions } from '@nestjs/swagger';

/** OpenAPI of a stored reason's code (the kernel's reason catalog), wherever a view carries one. */
export const REASON_CODE_PROPERTY = {
  type: String,
  nullable: true,
  description: 'a reason the system wrote, as a code of the reason catalog (null: written by a person, or an older row)',
  example: 'CUTOFF_TOP_OUTSIDE',
} satisfies ApiPropertyOptions;

/** OpenAPI of a stored reason's parameters (beside its code). */
export const REASON_PARAMS_PROPERTY = {
  nullable: true,
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  description: 'the parameters of reasonCode',
} satisfies ApiPropertyOptions;
