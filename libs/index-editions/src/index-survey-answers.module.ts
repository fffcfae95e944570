import { Module } from '@nestjs/common';
import { SurveysModule } from '@app/surveys';
import { IndexEditionsModule } from './index-editions.module';
import { IndexSurveyAnswersRepository } from './persistence/index-survey-answers.repository';
import { IndexSurveyAnswersService } from './index-survey-answers.service';
import { IndexSurveyAnswersController } from './index-survey-answers.controller';

/** The index's survey indicator answered from the surveys context's data (issue 22). */
@Module({
  imports: [IndexEditionsModule, SurveysModule],
  providers: [IndexSurveyAnswersRepository, IndexSurveyAnswersService],
  controllers: [IndexSurveyAnswersController],
})
export class IndexSurveyAnswersModule {}
