import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetitionsModule } from '@app/competitions';
import { IdentityModule } from '@app/identity';
import { JudgingModule } from '@app/judging';
import { NotificationsModule } from '@app/notifications';
import { SubmissionsModule } from '@app/submissions';
import { RESULTS_ENTITIES } from './persistence/results.entities';
import { ResultsRepository } from './persistence/results.repository';
import { ResultsService } from './results.service';
import { RankingsReadModel } from './rankings-read-model';
import { PublicRankingBodies } from './public-ranking-bodies';
import { ScreeningDataService } from './screening-data.service';
import { RankingExportService } from './ranking-export.service';
import { PublicController, ResultsController } from './results.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature(RESULTS_ENTITIES),
    CompetitionsModule,
    SubmissionsModule,
    JudgingModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [ResultsRepository, ResultsService, RankingsReadModel, PublicRankingBodies, ScreeningDataService, RankingExportService],
  controllers: [ResultsController, PublicController],
  exports: [ResultsService, RankingsReadModel, PublicRankingBodies],
})
export class ResultsModule {}
