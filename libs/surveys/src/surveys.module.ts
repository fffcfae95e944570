import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@app/directory';
import { SubmissionsModule } from '@app/submissions';
import { SURVEY_ENTITIES } from './persistence/surveys.entities';
import { VOTE_ENTITIES } from './persistence/votes.entities';
import { SurveysRepository } from './persistence/surveys.repository';
import { CitizenHasher } from './citizen-hash';
import { SurveysService } from './surveys.service';
import { SurveyEvidenceService } from './survey-evidence.service';
import { PublicSurveysController, SurveyResponseRateLimit, SurveysController } from './surveys.controller';

@Module({
  imports: [TypeOrmModule.forFeature([...SURVEY_ENTITIES, ...VOTE_ENTITIES]), DirectoryModule, SubmissionsModule],
  providers: [SurveysRepository, CitizenHasher, SurveysService, SurveyEvidenceService, SurveyResponseRateLimit],
  controllers: [SurveysController, PublicSurveysController],
  exports: [SurveysService],
})
export class SurveysModule {}
