import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity } from './persistence/competition.entity';
import { CompetitionsRepository } from './persistence/competitions.repository';
import { CompetitionsService } from './competitions.service';
import { CompetitionsController } from './competitions.controller';

@Module({
  imports: [TypeOrmModule.forFeature([CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity]), IdentityModule],
  providers: [CompetitionsRepository, CompetitionsService],
  controllers: [CompetitionsController],
  exports: [CompetitionsService],
})
export class CompetitionsModule {}
