import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, ValidationFailed, type Actor, type OnProgress, type Progress } from '@app/common';
import { clampProgress, isUuid, OPERATION_HEADER, writeNow, type OperationFile } from './domain/operation';
import { OperationsRepository } from './persistence/operations.repository';
import type { OperationEntity } from './persistence/operation.entity';
import type { OperationFileEntity } from './persistence/operation-file.entity';

/** Progress is written at most this often per operation (a new phase at once; the last report when it ends). */
export const PROGRESS_INTERVAL_MS = 200;

export interface OperationStart {
  /** The id the client generated (the X-Operation-Id header); a new one when absent. */
  id?: string;
  kind: string;
  ownerId: string;
  competitionId?: string | null;
}

/** A running operation: report progress, then finish or fail it once. */
export interface OperationHandle {
  readonly id: string;
  readonly report: OnProgress;
  succeed(resultRef?: string | null): Promise<void>;
  fail(errorCode: string): Promise<void>;
}

@Injectable()
export class OperationsService {
  private readonly logger = new Logger(OperationsService.name);

  constructor(private readonly repo: OperationsRepository) {}

  async start(input: OperationStart): Promise<OperationHandle> {
    if (input.id !== undefined && !isUuid(input.id))
      throw new ValidationFailed([{ field: OPERATION_HEADER, message: 'must be a UUID' }], 'OPERATION_ID_INVALID');
    const id = input.id?.toLowerCase() ?? randomUUID();
    const competitionId = isUuid(input.competitionId) ? input.competitionId : null;
    if (!(await this.repo.insert({ id, kind: input.kind, ownerId: input.ownerId, competitionId })))
      throw new Conflict('OPERATION_ID_TAKEN', `operation ${id} exists`);
    return this.handle(id);
  }

  /**
   * The writes of one operation, in order: a report is written at once when its phase is new, otherwise at
   * most every PROGRESS_INTERVAL_MS (the latest report of a burst is written when the interval ends). A failed
   * progress write is dropped: progress is advice, the operation goes on.
   */
  private handle(id: string): OperationHandle {
    let chain: Promise<void> = Promise.resolve();
    let written: { at: number; phase: string } | null = null;
    let pending: Progress | null = null;
    let timer: NodeJS.Timeout | null = null;
    let ended = false;
    const write = (p: Progress) => {
      written = { at: Date.now(), phase: p.phase };
      chain = chain.then(() => this.repo.progress(id, p)).catch(() => undefined);
    };
    const flush = () => {
      timer = null;
      if (pending && !ended) write(pending);
      pending = null;
    };
    const report: OnProgress = (raw) => {
      if (ended) return;
      const p = clampProgress(raw);
      if (writeNow(written, p, Date.now(), PROGRESS_INTERVAL_MS)) {
        pending = null;
        write(p);
      } else {
        pending = p;
        timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS - (Date.now() - written!.at));
      }
    };
    const end = async (finish: () => Promise<void>) => {
      if (ended) return;
      ended = true;
      if (timer) clearTimeout(timer);
      await chain;
      // The operation's own outcome stands even when its row cannot be written.
      await finish().catch((err: unknown) =>
        this.logger.warn(`operation ${id}: final state not written (${err instanceof Error ? err.message : String(err)})`),
      );
    };
    return {
      id,
      report,
      succeed: (resultRef) => end(() => this.repo.finish(id, 'succeeded', { phase: 'done', resultRef })),
      fail: (errorCode) => end(() => this.repo.finish(id, 'failed', { phase: 'failed', errorCode })),
    };
  }

  /** Keeps the file the running operation `id` made, for GET /api/operations/{id}/file. */
  attachFile(id: string, file: OperationFile): Promise<void> {
    return this.repo.attachFile(id, file);
  }

  /** The file a succeeded operation made, for whoever may see the operation (404 OPERATION_FILE_NOT_FOUND when it made none). */
  async fileFor(actor: Actor, id: string, manages: (competitionId: string) => Promise<boolean>): Promise<OperationFileEntity> {
    const op = await this.visibleTo(actor, id, manages);
    const file = op.state === 'succeeded' ? await this.repo.file(id) : null;
    if (!file) throw new NotFound('OPERATION_FILE_NOT_FOUND', `operation ${id} has no file`);
    return file;
  }

  /** Deletes the operations that finished before `before` (running ones stay); the number deleted. */
  sweepFinished(before: Date): Promise<number> {
    return this.repo.deleteFinishedBefore(before);
  }

  /**
   * The operation, for its owner, an admin, or (with `manages`) whoever runs its competition; 404 otherwise,
   * so an id says nothing to others.
   */
  async visibleTo(actor: Actor, id: string, manages: (competitionId: string) => Promise<boolean>): Promise<OperationEntity> {
    const op = await this.repo.find(id);
    const allowed =
      op &&
      (op.ownerId === actor.id ||
        actor.role === 'admin' ||
        (op.competitionId !== null && actor.role === 'organizer' && (await manages(op.competitionId))));
    if (!allowed) throw new NotFound('OPERATION_NOT_FOUND', `operation ${id} not found`);
    return op;
  }
}
