export * from './competitions.module';
export { CompetitionsService, submissionDeadline, toCompetitionView, type CompetitionSnapshot } from './competitions.service';
export { CompetitionEntity, CompetitionOrganizerEntity, CompetitionStageEntity } from './persistence/competition.entity';
export { uuidParam } from './competitions.controller';
export * from './domain';
export * from './dto/competition.dto';
export * from './dto/plan.dto';
