export { SurveysModule } from './surveys.module';
export { SurveysService, DEFAULT_SURVEY_SETTINGS, type SurveySettings } from './surveys.service';
export { SURVEY_ENTITIES } from './persistence/surveys.entities';
export { VOTE_ENTITIES } from './persistence/votes.entities';
export * from './dto/surveys.dto';
export * from './dto/votes.dto';
export { VotesService, type VerificationChannel } from './votes.service';
export * from './domain';
