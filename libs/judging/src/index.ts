export * from './judging.module';
export { JudgingGuardsModule } from './judging.guards';
export { PipelineService, type StageCloseSummary } from './pipeline.service';
export { JuryService } from './jury.service';
export { ScheduleService } from './schedule.service';
export { GivenScoresRegistry, type GivenScoresCompetition, type GivenScoresSource } from './given-scores';
export { JudgingRepository, type DraftWrite, type SubmittedSheetRow } from './persistence/judging.repository';
export * from './persistence/judging.entities';
export { excludedFromRanking, scoringInputFor, STATUSES_IN_STATISTICS, type PlanForScoring, type SubmissionForScoring } from './domain';
