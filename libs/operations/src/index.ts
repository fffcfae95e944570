export * from './operations.module';
export { OperationsSweeper, OperationsSweepModule, OPERATIONS_SWEEP_TASK, OPERATIONS_SWEEP_EVERY_MS } from './operations-sweeper';
export { OperationsService, PROGRESS_INTERVAL_MS, type OperationHandle, type OperationStart } from './operations.service';
export { OperationEntity } from './persistence/operation.entity';
export { OperationFileEntity } from './persistence/operation-file.entity';
export { OperationFileView, OperationView, toOperationView } from './dto/operation.view';
export { OperationInterceptor, OperationProgress, TrackOperation, type TrackOptions } from './track-operation';
export * from './domain';
