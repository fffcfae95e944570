export * from './competitions.module';
export { CompetitionsService, submissionDeadline, toCompetitionView, type CompetitionSnapshot } from './competitions.service';
export { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity } from './persistence/competition.entity';
export {
  VIEW_JSON_SQL as COMPETITION_VIEW_JSON_SQL,
  VIEW_STAMP_SQL as COMPETITION_VIEW_STAMP_SQL,
} from './persistence/competitions.repository';
export { uuidParam } from './competitions.controller';
export * from './domain';
export * from './dto/competition.dto';
export * from './dto/plan.dto';
