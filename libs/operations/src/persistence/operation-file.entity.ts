import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The file an export operation made: served by GET /api/operations/{id}/file, deleted with its operation. */
@Entity('operation_files')
export class OperationFileEntity {
  @PrimaryColumn({ type: 'uuid', name: 'operation_id' }) operationId: string;
  @Column({ type: 'varchar', length: 200, name: 'file_name' }) fileName: string;
  @Column({ type: 'varchar', length: 120, name: 'media_type' }) mediaType: string;
  @Column({ type: 'bytea' }) body: Buffer;
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
