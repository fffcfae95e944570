import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { SubmissionsModule } from '@app/submissions';
import { INDEX_EDITION_ENTITIES } from './persistence/index-editions.entities';
import { IndexEditionsRepository } from './persistence/index-editions.repository';
import { IndexEditionsService } from './index-editions.service';
import { IndexEditionsController, IndexPublicController } from './index-editions.controller';

@Module({
  imports: [TypeOrmModule.forFeature(INDEX_EDITION_ENTITIES), SubmissionsModule, IdentityModule, NotificationsModule],
  providers: [IndexEditionsRepository, IndexEditionsService],
  controllers: [IndexEditionsController, IndexPublicController],
  exports: [IndexEditionsService],
})
export class IndexEditionsModule {}
