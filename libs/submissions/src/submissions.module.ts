import path from 'node:path';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppEnv } from '@app/config';
import { CompetitionsModule } from '@app/competitions';
import { DirectoryModule } from '@app/directory';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { DocumentEntity, InnovationEntity, InnovationStatusHistoryEntity } from './persistence/innovation.entity';
import { InnovationsRepository } from './persistence/innovations.repository';
import { FileStorage, LocalDiskStorage, stagingDirOf } from './storage/file-storage';
import { InnovationAccessRegistry } from './innovation-access';
import { InnovationsService } from './innovations.service';
import { DocumentsService } from './documents.service';
import { StorageSweeper } from './storage-sweeper';
import { SubmissionsController } from './submissions.controller';

/** STORAGE=local: DATA_DIR/storage on this machine; STORAGE=s3: the bucket every instance shares. */
export function storageFor(env: AppEnv['storage'], dataDir: string): FileStorage {
  if (env.kind === 's3') {
    // Loaded only here: @aws-sdk/client-s3 costs ≈ 20 MiB of RSS in an API that keeps its evidence on the local disk.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { S3Storage } = require('./storage/s3-storage') as typeof import('./storage/s3-storage');
    return new S3Storage({ ...env, stagingDir: stagingDirOf(dataDir) });
  }
  return new LocalDiskStorage(path.join(dataDir, 'storage'));
}

@Module({
  imports: [
    TypeOrmModule.forFeature([InnovationEntity, InnovationStatusHistoryEntity, DocumentEntity]),
    CompetitionsModule,
    DirectoryModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [
    InnovationsRepository,
    InnovationAccessRegistry,
    InnovationsService,
    DocumentsService,
    {
      provide: FileStorage,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) =>
        storageFor(config.get('storage', { infer: true }), config.get('dataDir', { infer: true })),
    },
  ],
  controllers: [SubmissionsController],
  exports: [InnovationsService, DocumentsService, InnovationAccessRegistry, FileStorage, InnovationsRepository],
})
export class SubmissionsModule {}

/** The evidence-storage sweep (on start and every 15 minutes): loaded by the API, never by the CLI. */
@Module({
  imports: [SubmissionsModule],
  providers: [StorageSweeper],
  exports: [StorageSweeper],
})
export class StorageSweepModule {}
