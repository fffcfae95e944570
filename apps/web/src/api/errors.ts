import { fillTemplate, fillsTemplate, type ErrorLocale, type ErrorParams } from '../../../../libs/kernel/src/index';
import { apiLanguage } from './language';
import type { components } from './schema';

type FieldErrorView = components['schemas']['FieldErrorView'];

type Catalog = { errors: Readonly<Record<string, string>>; fields: Readonly<Record<string, string>> };
/** The error catalog per language, each its own chunk (vite.config.ts `errorCatalogs`), loaded on first need. */
const CATALOGS: Record<ErrorLocale, () => Promise<Catalog>> = {
  id: () => import('virtual:error-catalog/id'),
  en: () => import('virtual:error-catalog/en'),
};
const loaded: Partial<Record<ErrorLocale, Catalog>> = {};

/** Loads the language's error texts (once); until then an error reads as the API sent it. */
export async function loadErrorCatalog(locale: ErrorLocale = apiLanguage()): Promise<void> {
  loaded[locale] ??= await CATALOGS[locale]();
}

/** A field named by a 400: `title`, `sections.ringkasan`, `documents`, … with its code (FIELD_CATALOG) and parameters. */
export type FieldError = Pick<FieldErrorView, 'field' | 'message'> & Partial<Pick<FieldErrorView, 'code' | 'params'>>;

/** A catalog entry in the user's language, when there is one (loaded) and the parameters fill it. */
function catalogText(kind: keyof Catalog, code: string | undefined, params: ErrorParams | undefined): string | undefined {
  const template = code ? loaded[apiLanguage()]?.[kind][code] : undefined;
  return template && fillsTemplate(template, params) ? fillTemplate(template, params) : undefined;
}

/** A field error in the user's language: from its code when the catalog knows it, else the API's message. */
export function fieldErrorText(f: FieldError): string {
  return catalogText('fields', f.code, f.params) ?? f.message;
}

const isParams = (v: unknown): v is ErrorParams =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => ['string', 'number', 'boolean'].includes(typeof x));

/** The API's one error shape (ApiErrorResponse: {statusCode, error, message, code?, params?, details?: {fields?}}); status 0 = no answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields: readonly FieldError[] = [],
    /** The rest of `details` (e.g. an import's row errors, what blocks a stage close). */
    readonly details: Readonly<Record<string, unknown>> = {},
    /** The code's parameters, as the API sent them. */
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(status: number, body: unknown): ApiError {
    const b = (typeof body === 'object' && body !== null ? body : {}) as {
      message?: unknown;
      code?: unknown;
      params?: unknown;
      details?: { fields?: unknown };
    };
    const fields = Array.isArray(b.details?.fields)
      ? (b.details.fields as unknown[])
          .filter((f): f is FieldError => typeof (f as FieldError)?.field === 'string' && typeof (f as FieldError)?.message === 'string')
          .map((f) => ({
            field: f.field,
            message: f.message,
            ...(typeof f.code === 'string' ? { code: f.code } : {}),
            ...(isParams(f.params) ? { params: f.params } : {}),
          }))
      : [];
    const message = typeof b.message === 'string' ? b.message : typeof body === 'string' && body ? body : `HTTP ${status}`;
    const details = typeof b.details === 'object' && b.details !== null ? (b.details as Record<string, unknown>) : {};
    return new ApiError(
      status,
      message,
      typeof b.code === 'string' ? b.code : undefined,
      fields,
      details,
      isParams(b.params) ? b.params : {},
    );
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    // The texts of the user's language arrive with the first error that needs them.
    const [text] = await Promise.all([res.text().catch(() => ''), loadErrorCatalog().catch(() => undefined)]);
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

  /** The error in the user's language: from its code when the catalog knows it, else the API's message. */
  get text(): string {
    return catalogText('errors', this.code, this.params) ?? this.message;
  }

  /** The messages for one field in the user's language, joined (undefined when the field has none). */
  fieldMessage(field: string): string | undefined {
    const messages = this.fields.filter((f) => f.field === field).map(fieldErrorText);
    return messages.length ? messages.join(' ') : undefined;
  }
}

export const asApiError = (err: unknown): ApiError => (err instanceof ApiError ? err : ApiError.network(err));
