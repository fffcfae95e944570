import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Progress } from '@app/kernel';
import type { OperationState } from '../domain/operation';
import type { OperationFile } from '../domain/operation';
import { OperationEntity } from './operation.entity';
import { OperationFileEntity } from './operation-file.entity';

/**
 * Operation rows. Every write is its own statement on the pool (never inside the caller's transaction), so
 * another API instance reads the progress while the operation's transaction is still open.
 */
@Injectable()
export class OperationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a running operation; false when the id is taken. */
  async insert(row: { id: string; kind: string; ownerId: string; competitionId: string | null }): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO operations (id, kind, owner_id, competition_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [row.id, row.kind, row.ownerId, row.competitionId],
    );
    return inserted.length === 1;
  }

  /** Progress of a running operation (a finished one is never changed again). */
  async progress(id: string, p: Progress): Promise<void> {
    await this.db.query(`UPDATE operations SET phase = $2, done = $3, total = $4, updated_at = now() WHERE id = $1 AND state = 'running'`, [
      id,
      p.phase,
      p.done,
      p.total,
    ]);
  }

  async finish(
    id: string,
    state: Exclude<OperationState, 'running'>,
    end: { resultRef?: string | null; errorCode?: string | null; phase: string },
  ): Promise<void> {
    await this.db.query(
      `UPDATE operations SET state = $2::varchar, phase = $3, done = CASE WHEN $2::varchar = 'succeeded' AND total > 0 THEN total ELSE done END,
         result_ref = $4, error_code = $5, updated_at = now(), finished_at = now() WHERE id = $1 AND state = 'running'`,
      [id, state, end.phase, end.resultRef ?? null, end.errorCode ?? null],
    );
  }

  /** Deletes the finished operations that ended before `before` (never a running one); the number deleted. */
  async deleteFinishedBefore(before: Date): Promise<number> {
    const [, deleted] = (await this.db.query(`DELETE FROM operations WHERE state <> 'running' AND finished_at < $1`, [before])) as [
      unknown,
      number,
    ];
    return deleted;
  }

  /** Keeps the file a running operation made (one per operation). */
  async attachFile(id: string, file: OperationFile): Promise<void> {
    await this.db.query(`INSERT INTO operation_files (operation_id, file_name, media_type, body) VALUES ($1, $2, $3, $4)`, [
      id,
      file.fileName,
      file.mediaType,
      file.body,
    ]);
  }

  file(id: string): Promise<OperationFileEntity | null> {
    return this.db.getRepository(OperationFileEntity).findOneBy({ operationId: id });
  }

  find(id: string): Promise<OperationEntity | null> {
    return this.db.getRepository(OperationEntity).findOneBy({ id });
  }
}
