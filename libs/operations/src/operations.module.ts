import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OperationEntity } from './persistence/operation.entity';
import { OperationFileEntity } from './persistence/operation-file.entity';
import { OperationsRepository } from './persistence/operations.repository';
import { OperationsService } from './operations.service';
import { OperationInterceptor } from './track-operation';

/** Long operations and their progress (issue 23): rows any API instance reads. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OperationEntity, OperationFileEntity])],
  providers: [OperationsRepository, OperationsService, OperationInterceptor],
  exports: [OperationsService, OperationInterceptor],
})
export class OperationsModule {}
