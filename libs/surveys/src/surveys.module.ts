import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@app/directory';
import { SubmissionsModule } from '@app/submissions';
import { CompetitionsModule } from '@app/competitions';
import { NotificationsModule } from '@app/notifications';
import { ResultsModule } from '@app/results';
import { SURVEY_ENTITIES } from './persistence/surveys.entities';
import { VOTE_ENTITIES } from './persistence/votes.entities';
import { SurveysRepository } from './persistence/surveys.repository';
import { CitizenHasher } from './citizen-hash';
import { SurveysService } from './surveys.service';
import { SurveyEvidenceService } from './survey-evidence.service';
import { VotesRepository } from './persistence/votes.repository';
import { EmailVerificationChannel, VotesService } from './votes.service';
import { FavouritePollsController, PublicVotesController, VoteRateLimit } from './votes.controller';
import { PublicSurveyHistoryController, PublicSurveysController, SurveyResponseRateLimit, SurveysController } from './surveys.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([...SURVEY_ENTITIES, ...VOTE_ENTITIES]),
    DirectoryModule,
    SubmissionsModule,
    CompetitionsModule,
    NotificationsModule,
    ResultsModule,
  ],
  providers: [
    SurveysRepository,
    CitizenHasher,
    SurveysService,
    SurveyEvidenceService,
    SurveyResponseRateLimit,
    VotesRepository,
    EmailVerificationChannel,
    VotesService,
    VoteRateLimit,
  ],
  controllers: [SurveysController, PublicSurveysController, PublicSurveyHistoryController, FavouritePollsController, PublicVotesController],
  exports: [SurveysService, VotesService],
})
export class SurveysModule {}
