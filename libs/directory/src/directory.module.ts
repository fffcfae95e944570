import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './persistence/region.entity';
import { OrganizationEntity } from './persistence/organization.entity';
import { DirectoryRepository } from './persistence/directory.repository';
import { DirectoryService } from './directory.service';
import { DirectoryController } from './directory.controller';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity, OrganizationEntity])],
  providers: [DirectoryRepository, DirectoryService],
  controllers: [DirectoryController],
  exports: [DirectoryService],
})
export class DirectoryModule {}
