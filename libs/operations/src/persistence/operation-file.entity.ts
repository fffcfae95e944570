import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OperationEntity } from './operation.entity';

/** The file an export operation made: served by GET /api/operations/{id}/file, deleted with its operation. */
@Entity('operation_files')
export class OperationFileEntity {
  @PrimaryColumn({ type: 'uuid', name: 'operation_id' }) operationId: string;
  @Column({ type: 'varchar', length: 200, name: 'file_name' }) fileName: string;
  @Column({ type: 'varchar', length: 120, name: 'media_type' }) mediaType: string;
  @Column({ type: 'bytea' }) body: Buffer;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt: Date;
  /** The migration's foreign key (the file goes with its operation row), declared so the entities match the schema. */
  @ManyToOne(() => OperationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'operation_id', foreignKeyConstraintName: 'FK_operation_files_operation' })
  private readonly operation?: never;
}
