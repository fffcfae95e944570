import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { DomainError, type Actor, type OnProgress } from '@app/common';
import { OPERATION_HEADER, type OperationFile } from './domain/operation';
import type { OperationFileView } from './dto/operation.view';
import { OperationsService, type OperationHandle } from './operations.service';

const TRACK_KEY = 'operations:track';
const PROGRESS_KEY = Symbol('operations:progress');

export interface TrackOptions {
  /** The route parameter holding the competition id: its organizers may follow the operation. */
  competitionParam?: string;
  /** What the operation made, from the response body (a snapshot id, a count …). */
  result?: (body: never) => string | number | null | undefined;
  /**
   * An export: the handler returns an {@link OperationFile}; it is kept with the operation (phase `storing`),
   * the operation's result is its file name, and the route answers an {@link OperationFileView} whose `href`
   * (GET /api/operations/{id}/file) serves it — also after a page reload, until the operation is swept.
   */
  file?: boolean;
}

interface TrackMeta extends TrackOptions {
  kind: string;
}

interface TrackedRequest {
  user?: Actor;
  params?: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  [PROGRESS_KEY]?: OnProgress;
}

/** The error code an operation failed with, as the error filter answers it. */
function errorCodeOf(err: unknown): string {
  if (err instanceof DomainError) return err.code;
  if (err instanceof HttpException) {
    const body = err.getResponse();
    const code = typeof body === 'object' && body && 'code' in body ? (body as { code: unknown }).code : undefined;
    return typeof code === 'string' ? code : err.getStatus() >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR';
  }
  return 'INTERNAL_ERROR';
}

/**
 * Records the route's run as an operation row (running → succeeded/failed, with the progress the handler
 * reports through {@link OperationProgress}) and answers its id in the X-Operation-Id header. A client that
 * wants to show progress sends an id it generated (a UUID) in that header and polls GET /api/operations/{id}
 * while the request runs; the response body is the route's own, unchanged.
 */
@Injectable()
export class OperationInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly operations: OperationsService,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const meta = this.reflector.get<TrackMeta | undefined>(TRACK_KEY, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<TrackedRequest>();
    if (!meta || !req.user) return next.handle();
    const header = req.headers[OPERATION_HEADER];
    const op = await this.operations.start({
      id: Array.isArray(header) ? header.join(',') : header,
      kind: meta.kind,
      ownerId: req.user.id,
      competitionId: meta.competitionParam ? req.params?.[meta.competitionParam] : null,
    });
    ctx.switchToHttp().getResponse<{ header(k: string, v: string): unknown }>().header('X-Operation-Id', op.id);
    req[PROGRESS_KEY] = op.report;
    return next.handle().pipe(
      mergeMap((body) => from(meta.file ? this.keepFile(op, body as OperationFile) : this.succeed(op, meta, body))),
      catchError((err: unknown) => from(op.fail(errorCodeOf(err)).then(() => Promise.reject(err)))),
    );
  }

  private async succeed(op: OperationHandle, meta: TrackMeta, body: unknown): Promise<unknown> {
    await op.succeed(meta.result ? String((meta.result as (b: unknown) => unknown)(body) ?? '') || null : null);
    return body;
  }

  private async keepFile(op: OperationHandle, file: OperationFile): Promise<OperationFileView> {
    op.report({ phase: 'storing', done: 0, total: 1 });
    await this.operations.attachFile(op.id, file);
    await op.succeed(file.fileName);
    return {
      operationId: op.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.body.length,
      href: `/api/operations/${op.id}/file`,
    };
  }
}

/** Tracks the route as an operation of this kind (see {@link OperationInterceptor}); documents the header. */
export function TrackOperation(kind: string, options: TrackOptions = {}) {
  return applyDecorators(
    SetMetadata(TRACK_KEY, { kind, ...options } satisfies TrackMeta),
    UseInterceptors(OperationInterceptor),
    ApiHeader({
      name: 'X-Operation-Id',
      required: false,
      description: `Optional UUID the client generated for this run: poll GET /api/operations/{id} for its progress (kind "${kind}") while the request runs, or after a page reload. The response carries the operation's id in the X-Operation-Id header either way.`,
      schema: { type: 'string', format: 'uuid' },
    }),
  );
}

/** The progress callback of the tracked route's operation (a no-op outside a tracked route). */
export const OperationProgress = createParamDecorator((_data: unknown, ctx: ExecutionContext): OnProgress => {
  return ctx.switchToHttp().getRequest<TrackedRequest>()[PROGRESS_KEY] ?? (() => undefined);
});
