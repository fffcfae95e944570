import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { DomainError, type DomainErrorKind } from '@app/common';

/** The one error shape of the API (DESIGN §6). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
};

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

/** Maps any thrown error to {statusCode, error, message, code?, details?}; never leaks stacks or SQL. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    const statusCode = STATUS[err.kind];
    return { statusCode, error: REASON[statusCode], message: err.message, code: err.code, ...(err.details ? { details: err.details } : {}) };
  }
  if (err instanceof ThrottlerException) {
    return { statusCode: 429, error: REASON[429], message: 'Too many attempts; wait a minute and try again', code: 'RATE_LIMITED' };
  }
  if (err instanceof HttpException) {
    const statusCode = err.getStatus();
    const res = err.getResponse();
    const body = typeof res === 'object' && res !== null ? (res as Record<string, unknown>) : {};
    const raw = body.message ?? (typeof res === 'string' ? res : err.message);
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
    return { statusCode, error: REASON[statusCode] ?? String(body.error ?? 'Error'), message, ...(body.code ? { code: String(body.code) } : {}), ...(body.details ? { details: body.details } : {}) };
  }
  if (err instanceof QueryFailedError) {
    const code = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError?.code;
    if (code === '23505') return { statusCode: 409, error: REASON[409], message: 'This conflicts with an existing record', code: 'DUPLICATE' };
    if (code === '40001' || code === '40P01') return { statusCode: 409, error: REASON[409], message: 'A concurrent change won; reload and try again', code: 'CONCURRENT_UPDATE' };
    if (code && INVALID_VALUE_CODES.includes(code)) return { statusCode: 400, error: REASON[400], message: 'A value is not valid for its field', code: 'INVALID_VALUE' };
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  // Fastify's own errors (body too large, bad JSON, unsupported media type) carry a statusCode.
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const msg = e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Unsupported content type' : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is too large' : (e.message ?? 'Bad request').replace(/^Body is not valid JSON.*$/, 'The body is not valid JSON');
    return { statusCode: e.statusCode, error: REASON[e.statusCode] ?? 'Error', message: msg, ...(e.code ? { code: e.code } : {}) };
  }
  return { statusCode: 500, error: REASON[500], message: 'Something went wrong on our side; it has been logged' };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(err);
    if (body.statusCode >= 500) this.logger.error(err instanceof Error ? err.stack ?? err.message : String(err));
    const reply = host.switchToHttp().getResponse<{ status(code: number): { send(b: unknown): void }; header(k: string, v: string): unknown; sent?: boolean }>();
    if (reply.sent) return;
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.status(body.statusCode).send(body);
  }
}

