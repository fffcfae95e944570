/** A field named by a 400: `title`, `sections.ringkasan`, `documents`, … */
export interface FieldError {
  field: string;
  message: string;
}

/** The API's one error shape {statusCode, error, message, code?, details?: {fields?}}; status 0 = no answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields: readonly FieldError[] = [],
    /** The rest of `details` (e.g. an import's row errors, what blocks a stage close). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(status: number, body: unknown): ApiError {
    const b = (typeof body === 'object' && body !== null ? body : {}) as { message?: unknown; code?: unknown; details?: { fields?: unknown } };
    const fields = Array.isArray(b.details?.fields)
      ? (b.details.fields as unknown[]).filter((f): f is FieldError => typeof (f as FieldError)?.field === 'string' && typeof (f as FieldError)?.message === 'string')
      : [];
    const message = typeof b.message === 'string' ? b.message : typeof body === 'string' && body ? body : `HTTP ${status}`;
    const details = typeof b.details === 'object' && b.details !== null ? (b.details as Record<string, unknown>) : {};
    return new ApiError(status, message, typeof b.code === 'string' ? b.code : undefined, fields, details);
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    const text = await res.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return ApiError.fromBody(res.status, body);
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }

  /** The messages for one field, joined (undefined when the field has none). */
  fieldMessage(field: string): string | undefined {
    const messages = this.fields.filter((f) => f.field === field).map((f) => f.message);
    return messages.length ? messages.join(' ') : undefined;
  }
}

export const asApiError = (err: unknown): ApiError => (err instanceof ApiError ? err : ApiError.network(err));
