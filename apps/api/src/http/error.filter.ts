import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError, HTTP_STATUS_OF_KIND, errorLocale, errorParams, errorText, type ErrorLocale, type FieldError } from '@app/common';
import { ScoringInputError } from '@app/scoring';
import { OutageLog } from './outage-log';

/** The one error shape of the API (DESIGN §6). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  /** The code's parameters (from the details), when it has any: `{count: 3}`, `{status: 'closed'}` … */
  params?: Record<string, string | number | boolean>;
  details?: unknown;
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * PostgreSQL's answers to a value the client sent (SQLSTATE class 22): bad text for a uuid or number (22P02),
 * out of range (22003), too long (22001), a bad or overflowing date (22007, 22008), a NUL character, which
 * PostgreSQL text and jsonb cannot hold (22021, 22P05).
 */
const INVALID_VALUE_CODES = ['22P02', '22003', '22001', '22007', '22008', '22021', '22P05'];

/**
 * PostgreSQL unreachable or going away (a restart, a failover, a cut network): connection exceptions
 * (SQLSTATE class 08), the server shutting down or starting (57P01–57P03), too many connections (53300),
 * node-postgres's own errors for a connection that died or could not be made, and TypeORM's for a query
 * runner it released when its connection died (e.g. before the COMMIT). A command is one transaction, rolled
 * back with its connection: 503, and the same request may be sent again.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;
const UNAVAILABLE_SOCKET = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'];

/** 'timeout' when PostgreSQL cancelled the statement (`statement_timeout`, SQLSTATE 57014), 'unavailable' as above. */
export function databaseFault(err: unknown): 'timeout' | 'unavailable' | null {
  if (err instanceof QueryRunnerAlreadyReleasedError) return 'unavailable';
  const e = (err instanceof QueryFailedError ? ((err as QueryFailedError & { driverError?: unknown }).driverError ?? err) : err) as {
    code?: unknown;
    message?: unknown;
  } | null;
  if (!e || typeof e !== 'object') return null;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === '57014') return 'timeout';
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.includes(code)) return 'unavailable';
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return 'unavailable';
  return null;
}

/** Maps any thrown error to {statusCode, error, message, code?, details?}; never leaks stacks or SQL. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    const statusCode = HTTP_STATUS_OF_KIND[err.kind];
    return {
      statusCode,
      error: REASON[statusCode],
      message: err.message,
      code: err.code,
      ...(err.details ? { details: err.details } : {}),
    };
  }
  // The pure scoring module's invalid input (DESIGN §4.9–4.11): the request, not the server, is at fault.
  if (err instanceof ScoringInputError) return { statusCode: 400, error: REASON[400], message: err.message, code: err.code };
  if (err instanceof ThrottlerException) {
    return {
      statusCode: 429,
      error: REASON[429],
      message: 'Too many attempts; try again after the seconds given in the Retry-After header',
      code: 'RATE_LIMITED',
    };
  }
  if (err instanceof HttpException) {
    const statusCode = err.getStatus();
    const res = err.getResponse();
    const body = typeof res === 'object' && res !== null ? (res as Record<string, unknown>) : {};
    const raw = body.message ?? (typeof res === 'string' ? res : err.message);
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
    return {
      statusCode,
      error: REASON[statusCode] ?? String(body.error ?? 'Error'),
      message,
      ...(body.code ? { code: String(body.code) } : {}),
      ...(body.details ? { details: body.details } : {}),
    };
  }
  if (err instanceof QueryFailedError) {
    const code = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError?.code;
    if (code === '23505')
      return { statusCode: 409, error: REASON[409], message: 'This conflicts with an existing record', code: 'DUPLICATE' };
    if (code === '40001' || code === '40P01')
      return { statusCode: 409, error: REASON[409], message: 'A concurrent change won; reload and try again', code: 'CONCURRENT_UPDATE' };
    if (code && INVALID_VALUE_CODES.includes(code))
      return { statusCode: 400, error: REASON[400], message: 'A value is not valid for its field', code: 'INVALID_VALUE' };
  }
  const fault = databaseFault(err);
  if (fault === 'timeout')
    return { statusCode: 503, error: REASON[503], message: 'The database took too long to answer; try again', code: 'DATABASE_TIMEOUT' };
  if (fault === 'unavailable')
    return { statusCode: 503, error: REASON[503], message: 'The database is unavailable; try again shortly', code: 'DATABASE_UNAVAILABLE' };
  const e = err as { statusCode?: number; code?: string; message?: string };
  // Fastify's own errors (body too large, bad JSON, unsupported media type) carry a statusCode.
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const msg =
      e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'Unsupported content type'
        : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The request body is too large'
          : (e.message ?? 'Bad request').replace(/^Body is not valid JSON.*$/, 'The body is not valid JSON');
    return { statusCode: e.statusCode, error: REASON[e.statusCode] ?? 'Error', message: msg, ...(e.code ? { code: e.code } : {}) };
  }
  return { statusCode: 500, error: REASON[500], message: 'Something went wrong on our side; it has been logged' };
}

/**
 * The body in the client's language (`Accept-Language`: `en`, else Indonesian): in Indonesian, `message` from
 * the error catalog (libs/kernel/src/error-catalog.ts) when it knows the code, filled with the code's
 * `params`; in English the message as thrown (the catalog's English text serves the web app). Every
 * field error of `details.fields` carries a `code` (FIELD_INVALID when its thrower gave none) and `params`,
 * while its `field` and `message` stay as thrown.
 */
export function localizeErrorBody(body: ErrorBody, locale: ErrorLocale): ErrorBody {
  const details = body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : undefined;
  const params = errorParams(details);
  const fields = Array.isArray(details?.fields)
    ? (details.fields as FieldError[]).map((f) => ({ ...f, code: f.code ?? 'FIELD_INVALID', params: f.params ?? {} }))
    : undefined;
  // English clients keep the thrown message: it is English and names more (titles, stage keys, dates).
  const message =
    locale === 'en'
      ? body.message
      : (errorText(body.code ?? (body.statusCode === 500 ? 'INTERNAL_ERROR' : undefined), params, locale) ?? body.message);
  return {
    ...body,
    message,
    ...(Object.keys(params).length ? { params } : {}),
    ...(fields ? { details: { ...details, fields } } : {}),
  };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');
  private readonly outages = new OutageLog();

  catch(err: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<{ headers?: Record<string, string | string[] | undefined> } | undefined>();
    const body = localizeErrorBody(toErrorBody(err), errorLocale(request?.headers?.['accept-language']));
    if (body.statusCode === 503) {
      // A database outage refuses every request: one line per interval with a count, not a stack each.
      const line = this.outages.line(
        body.code ?? 'UNAVAILABLE',
        String(err instanceof Error ? err.message : err)
          .split('\n')[0]
          .slice(0, 300),
        Date.now(),
      );
      if (line) this.logger.error(line);
    } else if (body.statusCode >= 500) this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    const reply = host
      .switchToHttp()
      .getResponse<{ status(code: number): { send(b: unknown): void }; header(k: string, v: string): unknown; sent?: boolean }>();
    if (reply.sent) return;
    reply.header('content-type', 'application/json; charset=utf-8');
    if (body.statusCode === 503) reply.header('retry-after', '5');
    reply.status(body.statusCode).send(body);
  }
}
