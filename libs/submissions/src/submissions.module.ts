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
import { FileStorage, LocalDiskStorage } from './storage/file-storage';
import { InnovationAccessRegistry } from './innovation-access';
import { InnovationsService } from './innovations.service';
import { DocumentsService } from './documents.service';
import { StorageSweeper } from './storage-sweeper';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [TypeOrmModule.forFeature([InnovationEntity, InnovationStatusHistoryEntity, DocumentEntity]), CompetitionsModule, DirectoryModule, IdentityModule, NotificationsModule],
  providers: [
    InnovationsRepository,
    InnovationAccessRegistry,
    InnovationsService,
    DocumentsService,
    StorageSweeper,
    { provide: FileStorage, inject: [ConfigService], useFactory: (config: ConfigService<AppEnv, true>) => new LocalDiskStorage(path.join(config.get('dataDir', { infer: true }), 'storage')) },
  ],
  controllers: [SubmissionsController],
  exports: [InnovationsService, DocumentsService, InnovationAccessRegistry, FileStorage, InnovationsRepository],
})
export class SubmissionsModule {}
