import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One problem of one field, as `details.fields` of a 400 carries it. */
export class FieldErrorView {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ example: 'must not be blank' }) message: string;
  @ApiProperty({ example: 'FIELD_BLANK', description: 'Stable code of the problem (its text in libs/kernel/src/error-catalog.ts)' })
  code: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { max: 200 },
  })
  params: Record<string, string | number | boolean>;
}

/**
 * The one error body of the API (apps/api/src/http/error.filter.ts writes it for every status ≥ 400): the
 * stable `code` is what clients branch on; `message` is in the client's language (`Accept-Language`).
 */
export class ApiErrorResponse {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict' }) error: string;
  @ApiProperty({ example: 'Lembar nilai sudah dikirim' }) message: string;
  @ApiPropertyOptional({
    example: 'SHEET_ALREADY_SUBMITTED',
    description: 'Stable code (CONTEXT_REASON); absent only on an unexpected 500',
  })
  code?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: "The code's parameters",
    example: { count: 3 },
  })
  params?: Record<string, string | number | boolean>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    properties: { fields: { type: 'array', items: { $ref: '#/components/schemas/FieldErrorView' } } },
    description: 'What the error is about; a 400 names each field in `fields`',
  })
  details?: { fields?: FieldErrorView[] } & Record<string, unknown>;
}

const DESCRIPTION: Readonly<Record<number, string>> = {
  400: 'Invalid input: `details.fields` names each field and its problem',
  401: 'Not signed in, or the session ended',
  403: 'The role or the account may not do this',
  404: 'Not found (also what belongs to someone else)',
  409: 'Conflicts with the current state (the code says which)',
  413: 'The body or file is too large',
  415: 'Unsupported file or content type',
  429: 'Too many requests; retry after the seconds in Retry-After',
  503: 'The database is unavailable or took too long; retry',
};

/** The error statuses of a route (or of every route of a controller), each with the one {@link ApiErrorResponse} body. */
export function ApiErrorResponses(...statuses: (keyof typeof DESCRIPTION)[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(FieldErrorView),
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTION[status], type: ApiErrorResponse })),
  );
}

/** A 200 whose body is a file (a download, an export): its media types, each a binary string. */
export function ApiFileResponse(description: string, ...mediaTypes: string[]): MethodDecorator {
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])),
  });
}
