import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedTextView, REASON_CODE_PROPERTY, REASON_PARAMS_PROPERTY } from '@app/common';
import { DocumentView, InnovationView } from '@app/submissions';

const SCORES = { type: 'object', additionalProperties: { type: 'number' }, example: { inovasi: 85, dampak: 78.5 } } as const;
const STAGE_STATUSES = ['scheduled', 'open', 'closed'] as const;

// ── pipeline ─────────────────────────────────────────────────────────────────
export class StageOpenedView {
  @ApiProperty({ example: 'desk' }) stage: string;
  @ApiProperty({ enum: ['open'] }) status: 'open';
  @ApiProperty({ description: 'innovations waiting in the stage' }) pending: number;
}

export class StageDecisionView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ enum: ['passed', 'eliminated'] }) outcome: 'passed' | 'eliminated';
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ description: 'in the language of Accept-Language' }) reason: string;
  @ApiProperty(REASON_CODE_PROPERTY)
  reasonCode: string | null;
  @ApiProperty(REASON_PARAMS_PROPERTY)
  reasonParams: Record<string, string | number | boolean> | null;
}

export class StageCloseView {
  @ApiProperty() stage: string;
  @ApiProperty() passed: number;
  @ApiProperty() eliminated: number;
  @ApiProperty() forced: boolean;
  @ApiProperty({ type: [StageDecisionView] }) decisions: StageDecisionView[];
}

export class ScreeningCountView {
  @ApiProperty() passed: number;
  @ApiProperty() failed: number;
}

export class StageResultView {
  @ApiProperty() stage: string;
  @ApiProperty({ enum: ['passed', 'eliminated', 'pending'] }) status: 'passed' | 'eliminated' | 'pending';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'in the language of Accept-Language when the system wrote it (reasonCode), else as written',
  })
  reason: string | null;
  @ApiProperty(REASON_CODE_PROPERTY)
  reasonCode: string | null;
  @ApiProperty(REASON_PARAMS_PROPERTY)
  reasonParams: Record<string, string | number | boolean> | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'for its OPD only after publication' }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' }, nullable: true }) checklist: Record<string, boolean> | null;
}

export class PresentationSlotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiPropertyOptional({ type: [String], description: 'juror ids; only for organizers and the panel itself (blind judging)' })
  panel?: string[];
  @ApiProperty({ type: Date, nullable: true, description: 'set on an earlier version of the slot' }) supersededAt: Date | null;
}

export class PresentationView {
  @ApiProperty({ type: PresentationSlotView, nullable: true }) current: PresentationSlotView | null;
  @ApiProperty({ type: [PresentationSlotView] }) history: PresentationSlotView[];
}

export class VisitChecklistItemView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView, nullable: true }) label: LocalizedTextView | null;
  @ApiProperty({ type: LocalizedTextView, nullable: true }) guidance: LocalizedTextView | null;
  @ApiProperty({ type: Boolean, nullable: true }) ok: boolean | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class FieldVisitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() visitAt: Date;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ type: [String], description: 'juror ids; only for organizers and the verifiers (blind judging)' })
  verifiers?: string[];
  @ApiProperty({ type: [VisitChecklistItemView] }) checklist: VisitChecklistItemView[];
  @ApiProperty({ type: String, nullable: true }) findings: string | null;
  @ApiPropertyOptional() recordedBy?: string;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) supersededAt: Date | null;
}

export class FieldVisitDetailView {
  @ApiProperty({ type: FieldVisitView, nullable: true }) current: FieldVisitView | null;
  @ApiProperty({ type: [FieldVisitView] }) history: FieldVisitView[];
  @ApiProperty({ type: [DocumentView] }) photos: DocumentView[];
}

// ── jury ─────────────────────────────────────────────────────────────────────
export class JurorLoadView {
  @ApiProperty({ format: 'uuid' }) jurorId: string;
  @ApiProperty() name: string;
  @ApiProperty() load: number;
}

export class AssignmentShortfallView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() assigned: number;
  @ApiProperty() needed: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class AutoAssignView {
  @ApiProperty() stage: string;
  @ApiProperty({ description: 'jurors per innovation' }) k: number;
  @ApiProperty() created: number;
  @ApiProperty() total: number;
  @ApiProperty() avoidedConflicts: number;
  @ApiProperty({ type: [JurorLoadView] }) loads: JurorLoadView[];
  @ApiProperty({ type: [AssignmentShortfallView] }) shortfalls: AssignmentShortfallView[];
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty({ format: 'uuid' }) jurorId: string;
  @ApiProperty({ enum: ['auto', 'manual'] }) source: 'auto' | 'manual';
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) removedAt: Date | null;
}

export class ProgressCountsView {
  @ApiProperty() total: number;
  @ApiProperty() submitted: number;
  @ApiProperty() draft: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() complete: boolean;
}

export const SHEET_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

export class MyAssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionName: string;
  @ApiProperty() stage: string;
  @ApiProperty({ enum: STAGE_STATUSES }) stageStatus: (typeof STAGE_STATUSES)[number];
  @ApiProperty({ type: String, nullable: true, description: 'when the stage closes (ISO 8601)' }) dueAt: string | null;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ enum: SHEET_STATUSES }) sheetStatus: SheetStatus;
  @ApiProperty() version: number;
  @ApiProperty({
    description:
      'a correction for an upheld objection in a closed stage (the sheet reopened, or the innovation reinstated): the juror scores it although the stage is closed',
  })
  correction: boolean;
}

export class MyAssignmentsView {
  @ApiProperty({ type: ProgressCountsView, description: 'over all of the juror’s assignments' }) progress: ProgressCountsView;
  @ApiProperty({ type: [MyAssignmentView], description: 'one page: open stages first, then in the order assigned' })
  items: MyAssignmentView[];
  @ApiProperty({ description: 'all of the juror’s active assignments' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SheetView {
  @ApiProperty({ enum: SHEET_STATUSES }) status: SheetStatus;
  @ApiProperty(SCORES) scores: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'send it back with the next save (409 when stale)' }) version: number;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) noConflictConfirmedAt: Date | null;
  @ApiPropertyOptional() updatedAt?: Date;
}

export class SheetAssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() stage: string;
  @ApiProperty({ type: LocalizedTextView }) stageLabel: LocalizedTextView;
  @ApiProperty({ type: String, nullable: true }) dueAt: string | null;
  @ApiPropertyOptional({ enum: STAGE_STATUSES }) stageStatus?: (typeof STAGE_STATUSES)[number];
  @ApiProperty({
    description:
      'a correction for an upheld objection (the sheet reopened, or the innovation reinstated after the stage closed): scored although the stage is closed',
  })
  correction: boolean;
}

export class RubricCriterionView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty() weight: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ type: LocalizedTextView }) guidance: LocalizedTextView;
}

/** The juror's sheet with what it is about: blind (no other juror's scores or names). */
export class SheetDetailView {
  @ApiProperty({ type: SheetAssignmentView }) assignment: SheetAssignmentView;
  @ApiProperty({ type: InnovationView, description: 'the dossier (without its version)' }) innovation: InnovationView;
  @ApiProperty({ type: [DocumentView] }) documents: DocumentView[];
  @ApiProperty({ type: [RubricCriterionView] }) rubric: RubricCriterionView[];
  @ApiProperty({ type: SheetView }) sheet: SheetView;
}

export class SheetVersionView {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['draft', 'submitted', 'reopened'] }) status: 'draft' | 'submitted' | 'reopened';
  @ApiProperty(SCORES) scores: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() savedAt: Date;
  @ApiProperty({ format: 'uuid' }) savedBy: string;
}

export class ReleasedAssignmentView {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() stage: string;
}

export class ConflictDeclaredView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() declared: boolean;
  @ApiProperty({ type: [ReleasedAssignmentView], description: 'assignments without a submitted sheet, removed by the declaration' })
  released: ReleasedAssignmentView[];
}

export class JurorProgressView extends ProgressCountsView {
  @ApiProperty({ format: 'uuid' }) jurorId: string;
  @ApiProperty() name: string;
}

export class StageProgressView {
  @ApiProperty() stage: string;
  @ApiProperty({ type: ProgressCountsView }) overall: ProgressCountsView;
  @ApiProperty({ type: [JurorProgressView] }) jurors: JurorProgressView[];
}

export class JurorAgreementView {
  @ApiProperty() sharedInnovations: number;
  @ApiProperty({ type: Number, nullable: true }) meanAbsoluteDeviation: number | null;
  @ApiProperty({ type: Number, nullable: true }) spearman: number | null;
}

export class JurorCalibrationView {
  @ApiProperty({ format: 'uuid' }) juror: string;
  @ApiProperty() name: string;
  @ApiProperty() sheets: number;
  @ApiProperty() mean: number;
  @ApiProperty() sd: number;
  @ApiProperty() leniency: number;
  @ApiProperty({ type: Number, nullable: true }) sdRatio: number | null;
  @ApiProperty({ type: JurorAgreementView }) agreement: JurorAgreementView;
}

export class DisagreementView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() count: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() mean: number;
  @ApiProperty() range: number;
  @ApiProperty() standardDeviation: number;
}

export class CalibrationView {
  @ApiProperty() stage: string;
  @ApiProperty() sheets: number;
  @ApiProperty({ type: Number, nullable: true }) mean: number | null;
  @ApiProperty({ type: Number, nullable: true }) sd: number | null;
  @ApiProperty({ type: [JurorCalibrationView] }) jurors: JurorCalibrationView[];
  @ApiProperty({ type: [DisagreementView] }) disagreements: DisagreementView[];
}
