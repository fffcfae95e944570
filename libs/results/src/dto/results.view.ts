import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LocalizedTextView } from '@app/common';
import { INNOVATION_PHASES, INNOVATION_STATUSES, type InnovationPhase, type InnovationStatus } from '@app/submissions';

const STAGE_SCORES = {
  type: 'object',
  additionalProperties: { type: 'number' },
  description: 'score per stage key',
  example: { desk: 82.5, presentation: 88 },
} as const;
const AGGREGATIONS = ['mean', 'median', 'trimmed_mean', 'zscore', 'given'] as const;
/** `Record<category, T[]>` in OpenAPI. */
const byCategory = (item: new () => object, description: string) =>
  ({ type: 'object', additionalProperties: { type: 'array', items: { $ref: getSchemaPath(item) } }, description }) as const;

// ── preview, announcement, publication ────────────────────────────────────────
export class PreviewRowView {
  @ApiProperty() rank: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the rank under mean aggregation' }) rawRank: number | null;
  @ApiProperty({ format: 'uuid' }) submission: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() organization?: string;
  @ApiPropertyOptional() region?: string;
  @ApiProperty() final: number;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
  @ApiProperty(STAGE_SCORES) stages: Record<string, number>;
}

export class PreviewUnrankedView {
  @ApiProperty({ format: 'uuid' }) submission: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true }) reachedStage: string | null;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() organization?: string;
}

export class PreviewView {
  @ApiProperty({ example: 'plan', description: 'the plan’s own per stage, or the ?aggregation= asked' }) aggregation: string;
  @ApiProperty() inputsDigest: string;
  @ApiProperty({ type: [String] }) stagesOpen: string[];
  @ApiProperty(byCategory(PreviewRowView, 'ranked rows per category')) categories: Record<string, PreviewRowView[]>;
  @ApiProperty({ type: [PreviewUnrankedView] }) unranked: PreviewUnrankedView[];
}

export class AnnouncementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() opensAt: Date;
  @ApiProperty() closesAt: Date;
  @ApiProperty() days: number;
}

export class PublishedSnapshotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'sha256 of the canonical {input, output}' }) hash: string;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ example: '/api/public/rankings/…' }) url: string;
}

// ── objections ────────────────────────────────────────────────────────────────
export class ObjectionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) announcementId: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty({ format: 'uuid' }) filedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty() filedAt: Date;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ enum: ['upheld', 'rejected'], nullable: true }) decision: 'upheld' | 'rejected' | null;
  @ApiProperty({ type: String, nullable: true }) answeredBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) answeredAt: Date | null;
}

export class ObjectionCorrectionView {
  @ApiProperty() stage: string;
  @ApiProperty({
    enum: ['screening', 'entrant', 'sheets'],
    description:
      'screening: the failed decision reopened for the screener; entrant: the innovation reinstated into this closed stage, to be judged (manual assignment) and settled; sheets: submitted sheets reopened for their jurors',
  })
  kind: 'screening' | 'entrant' | 'sheets';
  @ApiProperty({ description: 'how many decisions or sheets still wait' }) open: number;
}

export class ObjectionWithCorrectionsView extends ObjectionView {
  @ApiProperty({
    type: [ObjectionCorrectionView],
    description: 'what an upheld objection’s corrections still wait for (publication waits too)',
  })
  corrections: ObjectionCorrectionView[];
}

export class AnnouncementWindowView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() opensAt: Date;
  @ApiProperty() closesAt: Date;
}

export class ObjectionsView {
  @ApiProperty({ type: AnnouncementWindowView, nullable: true, description: 'null before the provisional announcement' })
  announcement: AnnouncementWindowView | null;
  @ApiProperty({ type: [ObjectionWithCorrectionsView] }) objections: ObjectionWithCorrectionsView[];
}

export class ObjectionReopenView {
  @ApiProperty({ format: 'uuid' }) objectionId: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() stage: string;
  @ApiProperty({ description: 'sheets reopened' }) reopened: number;
}

export class ObjectionSettleView {
  @ApiProperty({ format: 'uuid' }) objectionId: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() stage: string;
  @ApiProperty({ enum: ['passed', 'eliminated'], description: 'the stage decided as its close would have (its advance rule)' })
  outcome: 'passed' | 'eliminated';
  @ApiProperty({ description: 'the stage score, as the ranking computes it' }) score: number;
  @ApiProperty({ type: Number, nullable: true, description: 'rank in its category under the advance rule (null without one)' })
  rank: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'the closed stage it entered next, to be judged and settled there too' })
  next: string | null;
}

// ── screening data ────────────────────────────────────────────────────────────
export class DuplicateTitleView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() organization: string;
  @ApiProperty({ enum: INNOVATION_STATUSES }) status: InnovationStatus;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
}

export class EarlierEntryView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competition: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ description: 'title similarity (word Jaccard; 1 = same normalized title)' }) similarity: number;
  @ApiProperty() winner: boolean;
}

export class ScreeningDataView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty({ type: [String], example: ['DUPLICATE_TITLE', 'PREVIOUS_WINNER'] }) flags: string[];
  @ApiProperty({ type: [DuplicateTitleView] }) duplicateTitles: DuplicateTitleView[];
  @ApiProperty({ type: [EarlierEntryView] }) earlierEntries: EarlierEntryView[];
}

// ── "why this score" ──────────────────────────────────────────────────────────
export class JurorScaleView {
  @ApiProperty() sheets: number;
  @ApiProperty() mean: number;
  @ApiProperty() sd: number;
  @ApiProperty() keptRaw: boolean;
}

export class StageScaleView {
  @ApiProperty() mean: number;
  @ApiProperty() sd: number;
}

export class SheetExplanationView {
  @ApiProperty({ example: 'J01' }) juror: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: Number, nullable: true, description: 'under zscore: the value that entered the mean' }) adjusted: number | null;
  @ApiProperty({ type: JurorScaleView, nullable: true }) jurorScale: JurorScaleView | null;
  @ApiProperty({ description: 'under trimmed_mean: dropped as one of the k lowest or highest' }) trimmed: boolean;
}

export class StageExplanationView {
  @ApiProperty() stage: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: (typeof AGGREGATIONS)[number];
  @ApiProperty({ type: Number, nullable: true }) trim: number | null;
  @ApiProperty({ type: StageScaleView, nullable: true }) stageScale: StageScaleView | null;
  @ApiProperty({ type: [SheetExplanationView] }) sheets: SheetExplanationView[];
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty() weight: number;
  @ApiProperty({ description: 'Ws / Σ Ws: the stage’s share of the final score' }) share: number;
}

export class ExplanationView {
  @ApiProperty({ format: 'uuid' }) submission: string;
  @ApiProperty() category: string;
  @ApiPropertyOptional({ enum: [true], description: 'disqualified after judging: in the input, never ranked' }) excluded?: true;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ type: Number, nullable: true }) final: number | null;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
  @ApiProperty({ type: String, nullable: true }) reachedStage: string | null;
  @ApiProperty({ type: [StageExplanationView] }) stages: StageExplanationView[];
}

export class CriterionValueView {
  @ApiProperty({ example: 'J01' }) juror: string;
  @ApiProperty() value: number;
}

export class CriterionBreakdownView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty() weight: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ type: [CriterionValueView] }) values: CriterionValueView[];
}

export class StageCriteriaView {
  @ApiProperty() stage: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ type: [CriterionBreakdownView] }) criteria: CriterionBreakdownView[];
}

export class SnapshotRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
}

export class ScoreBreakdownView {
  @ApiProperty({ type: SnapshotRefView }) snapshot: SnapshotRefView;
  @ApiProperty({ type: ExplanationView, nullable: true, description: 'null when the innovation is not in the snapshot' })
  explanation: ExplanationView | null;
  @ApiProperty({ type: [StageCriteriaView] }) criteria: StageCriteriaView[];
}

// ── public ────────────────────────────────────────────────────────────────────
export class PublicCompetitionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['open', 'judging', 'published', 'archived'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the latest published snapshot' }) snapshotId: string | null;
  @ApiProperty({ type: Number, nullable: true }) version: number | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
  @ApiProperty({ description: 'innovations sent in' }) innovations: number;
}

export class RankedRowView {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() organization: string;
  @ApiProperty() region: string;
  @ApiProperty() final: number;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
  @ApiProperty(STAGE_SCORES) stages: Record<string, number>;
}

export class UnrankedRowView {
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiProperty() title: string;
  @ApiProperty() organization: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: String, nullable: true, description: 'the last stage it reached (null: never scored)' }) reachedStage: string | null;
}

export class UnrankedCountView {
  @ApiProperty() total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'by the last stage reached ("none": never scored)',
  })
  byStage: Record<string, number>;
}

export class SnapshotVersionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty({ type: String, nullable: true, description: 'why a correction was published' }) reason: string | null;
  @ApiProperty() publishedAt: Date;
}

export class RankingSnapshotView extends SnapshotVersionView {
  @ApiProperty() inputsDigest: string;
}

export class RankingCompetitionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
}

export class ScoredStageView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ description: 'its weight in the final score' }) weight: number;
}

/** A published ranking with names (GET /api/public/competitions/:slug/rankings; sent pre-built and gzipped). */
export class PublicRankingView {
  @ApiProperty({ type: RankingCompetitionView }) competition: RankingCompetitionView;
  @ApiProperty({ type: RankingSnapshotView }) snapshot: RankingSnapshotView;
  @ApiProperty(byCategory(RankedRowView, 'ranked rows per category')) categories: Record<string, RankedRowView[]>;
  @ApiProperty({ type: [UnrankedRowView], description: 'at most 25 per category inline (the rest: …/rankings/unranked)' })
  unranked: UnrankedRowView[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(UnrankedCountView) }, description: 'per category' })
  unrankedCounts: Record<string, UnrankedCountView>;
  @ApiProperty({ type: [ScoredStageView], description: 'the scored stages in plan order' }) stages: ScoredStageView[];
  @ApiProperty({ type: [SnapshotVersionView], description: 'every published version, newest first' }) versions: SnapshotVersionView[];
}

export class SnapshotOfPageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
}

export class UnrankedPageView {
  @ApiProperty({ type: SnapshotOfPageView }) snapshot: SnapshotOfPageView;
  @ApiProperty({ type: [UnrankedRowView] }) items: UnrankedRowView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SnapshotMetaView {
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class SnapshotRankView {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) submission: string;
  @ApiProperty() final: number;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
}

export class SnapshotOutputView {
  @ApiProperty() inputsDigest: string;
  @ApiProperty(byCategory(SnapshotRankView, 'the ranking per category (DESIGN §4 output)')) categories: Record<string, SnapshotRankView[]>;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) unranked: Record<string, unknown>[];
}

/** What `npm run -s cli -- verify FILE` checks: sha256 of the canonical {input, output} is `hash` (`meta` is not hashed). */
export class SnapshotJsonView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the scoring input (DESIGN §4)' }) input: Record<string, unknown>;
  @ApiProperty({ type: SnapshotOutputView }) output: SnapshotOutputView;
  @ApiProperty() hash: string;
  @ApiProperty({ type: SnapshotMetaView }) meta: SnapshotMetaView;
}

export class CatalogueItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ type: Boolean, nullable: true }) digital: boolean | null;
  @ApiProperty({ enum: INNOVATION_PHASES, nullable: true }) phase: InnovationPhase | null;
  @ApiProperty({ type: String, nullable: true }) governmentAffair: string | null;
  @ApiProperty({ type: String, nullable: true }) startDate: string | null;
  @ApiProperty() organization: string;
  @ApiProperty() region: string;
  @ApiProperty({ description: 'the competition’s slug' }) competition: string;
  @ApiProperty() competitionName: string;
  @ApiProperty() year: number;
}

export class CatalogueEntryView extends CatalogueItemView {
  @ApiProperty({ format: 'uuid' }) regionId: string;
}

export class CataloguePageView {
  @ApiProperty({ type: [CatalogueEntryView] }) items: CatalogueEntryView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PublicRankView {
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty() version: number;
  @ApiProperty() category: string;
  @ApiProperty() rank: number;
  @ApiProperty() final: number;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
}

export class PublicInnovationView extends CatalogueItemView {
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
  @ApiProperty({ type: String, nullable: true }) approach: string | null;
  @ApiProperty({ type: String, nullable: true }) results: string | null;
  @ApiProperty({ type: String, nullable: true }) replicability: string | null;
  @ApiProperty({ type: String, nullable: true }) sustainability: string | null;
  @ApiProperty({ type: PublicRankView, nullable: true, description: 'its rank in the latest published snapshot' })
  ranking: PublicRankView | null;
}

/** Classes only referenced by `$ref` (maps of them): the controllers register them with ApiExtraModels. */
export const RESULTS_REF_MODELS = [PreviewRowView, RankedRowView, SnapshotRankView, UnrankedCountView];
