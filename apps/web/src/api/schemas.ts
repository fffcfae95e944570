import type { components } from './schema';

/**
 * The API's views and request bodies by the names the web app uses, each one of the generated OpenAPI
 * schemas (schema.d.ts, from `npm run openapi`): no answer of the API is typed by hand here, so a changed
 * view breaks the web build until the page follows it.
 */
type S = components['schemas'];

// accounts
export type User = S['UserView'];
export type TokenPair = S['TokenPairView'];
export type ImportedUsers = S['UserImportView'];
export type ImportedOrganizations = S['OrganizationImportView'];

// competitions
export type Competition = S['CompetitionView'];
export type Plan = S['PlanDto'];
export type Stage = S['StageDto'];
export type Section = S['SectionDto'];
export type Eligibility = S['EligibilityDto'];

// submissions
export type Innovation = S['InnovationView'];
export type InnovationSummary = S['InnovationSummaryView'];
export type InnovationStatus = S['InnovationView']['status'];
export type InnovationUpdate = S['UpdateInnovationDto'];
export type HistoryEntry = S['HistoryView'];
export type DocumentInfo = S['DocumentView'];
export type InnovationPage = S['InnovationPageView'];
export type MyInnovations = S['MyInnovationsView'];
export type Waiting = S['WaitingView'];

// pipeline and jury
export type StageOpened = S['StageOpenedView'];
export type CloseSummary = S['StageCloseView'];
export type StageDecision = S['StageDecisionView'];
export type ScreeningDecision = S['BulkScreeningItemDto'];
export type ScreeningCount = S['ScreeningCountView'];
export type AssignResult = S['AutoAssignView'];
export type ProgressCounts = S['ProgressCountsView'];
export type StageProgress = S['StageProgressView'];
export type Calibration = S['CalibrationView'];
export type Slot = S['PresentationSlotView'];
export type FieldVisit = S['FieldVisitView'];
export type Assignment = S['MyAssignmentView'];
export type MyAssignments = S['MyAssignmentsView'];
export type Criterion = S['RubricCriterionView'];
export type Sheet = S['SheetView'];
export type SheetStatus = S['SheetView']['status'];
export type SheetDetail = S['SheetDetailView'];
export type SheetSave = S['SaveSheetDto'];
export type ConflictDeclared = S['ConflictDeclaredView'];

// results
export type Preview = S['PreviewView'];
export type PreviewRow = S['PreviewRowView'];
export type Announcement = S['AnnouncementView'];
export type Objection = S['ObjectionView'];
export type ObjectionWithCorrections = S['ObjectionWithCorrectionsView'];
export type Objections = S['ObjectionsView'];
export type Published = S['PublishedSnapshotView'];
export type PublicCompetition = S['PublicCompetitionView'];
export type RankedRow = S['RankedRowView'];
export type UnrankedRow = S['UnrankedRowView'];
export type UnrankedPage = S['UnrankedPageView'];
export type SnapshotVersion = S['SnapshotVersionView'];
export type RankingView = S['PublicRankingView'];
export type SnapshotJson = S['SnapshotJsonView'];
export type CatalogueItem = S['CatalogueEntryView'];
export type CataloguePage = S['CataloguePageView'];
export type PublicInnovation = S['PublicInnovationView'];
export type ScoreBreakdown = S['ScoreBreakdownView'];
export type StageExplanation = S['StageExplanationView'];
export type SheetExplanation = S['SheetExplanationView'];

// notifications
export type Notification = S['NotificationView'];
export type NotificationPage = S['NotificationPageView'];
export type OutboxMessage = S['OutboxMessageView'];

// citizens' voice
export type PublicSurvey = S['PublicSurveyView'];
export type PublicIkm = S['PublicIkmView'];
export type SurveyAnswer = S['SubmitSurveyResponseDto'];
export type PublicPoll = S['PublicPollView'];

// errors
export type ApiErrorBody = S['ApiErrorResponse'];
