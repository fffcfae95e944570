import { ApiProperty } from '@nestjs/swagger';
import { OPERATION_STATES, type OperationState } from '../domain/operation';
import type { OperationEntity } from '../persistence/operation.entity';

export class OperationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'results.publish',
    description: 'What runs: results.publish, directory.import, users.import, judging.assign, index.publish, results.export, index.export',
  })
  kind: string;
  @ApiProperty({ enum: OPERATION_STATES }) state: OperationState;
  @ApiProperty({ example: 'scoring', description: 'The step under way (the kind’s own names; done / failed at the end)' }) phase: string;
  @ApiProperty({ description: 'Units done (steps or rows) out of total; total 0 = not known yet' }) done: number;
  @ApiProperty() total: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The error code of a failed operation (the catalog’s code, as the route answered)',
  })
  errorCode: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What a succeeded operation made: a snapshot id, the number of rows imported, an export’s file name …',
  })
  resultRef: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) competitionId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

export function toOperationView(o: OperationEntity): OperationView {
  return {
    id: o.id,
    kind: o.kind,
    state: o.state,
    phase: o.phase,
    done: o.done,
    total: o.total,
    errorCode: o.errorCode,
    resultRef: o.resultRef,
    competitionId: o.competitionId,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    finishedAt: o.finishedAt,
  };
}

/** What an export route answers once its file is made: the file is at `href` (GET /api/operations/{id}/file). */
export class OperationFileView {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ example: 'iga-2024-demo-v1.csv' }) fileName: string;
  @ApiProperty({ example: 'text/csv; charset=utf-8' }) mediaType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ example: '/api/operations/0b5f3c9e-2f4a-4c3e-9d7a-1a2b3c4d5e6f/file' }) href: string;
}
