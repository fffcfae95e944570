import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OperationState } from '../domain/operation';

/** One long operation (a publication, an import, an assignment …) and how far it has come. */
@Entity('operations')
@Check('operations_state_check', `state IN ('running', 'succeeded', 'failed')`)
@Index('operations_owner_idx', ['ownerId', 'createdAt'])
export class OperationEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'varchar', length: 60 }) kind: string;
  @Column({ type: 'uuid', name: 'owner_id' }) ownerId: string;
  /** Organizers of this competition may follow the operation too. */
  @Column({ type: 'uuid', name: 'competition_id', nullable: true }) competitionId: string | null;
  @Column({ type: 'varchar', length: 10, default: 'running' }) state: OperationState;
  @Column({ type: 'varchar', length: 40, default: 'started' }) phase: string;
  @Column({ type: 'integer', default: 0 }) done: number;
  @Column({ type: 'integer', default: 0 }) total: number;
  @Column({ type: 'varchar', length: 80, name: 'error_code', nullable: true }) errorCode: string | null;
  /** What the operation made (a snapshot id, a count …), when it succeeded. */
  @Column({ type: 'varchar', length: 200, name: 'result_ref', nullable: true }) resultRef: string | null;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true }) finishedAt: Date | null;
}
