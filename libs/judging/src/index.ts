export * from './judging.module';
export { JudgingGuardsModule } from './judging.guards';
export { PipelineService, type StageCloseSummary } from './pipeline.service';
export { JuryService } from './jury.service';
export { AssignmentsService } from './assignments.service';
export { JudgingRepository, type DraftWrite, type SubmittedSheetRow } from './persistence/judging.repository';
export * from './persistence/judging.entities';
export { excludedFromRanking, scoringInputFor, STATUSES_IN_STATISTICS, type PlanForScoring, type SubmissionForScoring } from './domain';
export * from './dto/judging.view';
