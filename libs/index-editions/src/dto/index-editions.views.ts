// Response shapes of the index-edition routes, so the OpenAPI document (and the web client generated from it)
// types every answer. Class names start with "Index" so they never meet another context's in the components.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedTextView } from '@app/common';
import { DOCUMENT_KINDS } from '@app/regional-index';
import { EDITION_CATEGORIES, EDITION_STATUSES } from '../domain';

export class IndexEvidenceRuleView {
  @ApiProperty({ enum: ['none', 'document', 'link'] }) type: 'none' | 'document' | 'link';
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, isArray: true, description: 'for type document: the kinds that count' }) kinds?: string[];
}

export class IndexOptionView {
  @ApiProperty() key: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: LocalizedTextView }) guidance: LocalizedTextView;
  @ApiProperty({ type: IndexEvidenceRuleView }) evidence: IndexEvidenceRuleView;
}

export class IndexStepView {
  @ApiProperty() min: number;
  @ApiProperty() score: number;
  @ApiProperty({ type: LocalizedTextView }) guidance: LocalizedTextView;
}

export class IndexIndicatorView {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['region', 'innovation', 'count'] }) scope: 'region' | 'innovation' | 'count';
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiPropertyOptional({ type: [IndexOptionView] }) options?: IndexOptionView[];
  @ApiPropertyOptional({ type: [IndexStepView] }) steps?: IndexStepView[];
}

export class IndexVariableView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ type: [IndexIndicatorView] }) indicators: IndexIndicatorView[];
}

export class IndexAspectView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ type: [IndexVariableView] }) variables: IndexVariableView[];
}

export class IndexBandView {
  @ApiProperty({ type: LocalizedTextView, description: 'label.id is the band in the §4b output (e.g. "Sangat Inovatif")' })
  label: LocalizedTextView;
  @ApiProperty() min: number;
}

export class IndexMethodView {
  @ApiProperty() decimals: number;
  @ApiProperty() minInnovations: number;
}

export class IndexFrameworkView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ type: IndexMethodView }) method: IndexMethodView;
  @ApiProperty({ type: [IndexBandView] }) bands: IndexBandView[];
  @ApiProperty({ type: [IndexAspectView] }) aspects: IndexAspectView[];
}

export class IndexEditionSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: EDITION_STATUSES }) status: string;
  @ApiProperty({ enum: EDITION_CATEGORIES, isArray: true }) categories: string[];
}

export class IndexEditionView extends IndexEditionSummaryView {
  @ApiProperty({ type: IndexFrameworkView }) framework: IndexFrameworkView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) selfAssessmentOpensAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) selfAssessmentClosesAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verificationOpensAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verificationClosesAt: Date | null;
}

export class IndexGapView {
  @ApiProperty({ example: 'region.regulasi_inovasi_daerah', description: 'region.INDICATOR or innovations.ID.INDICATOR' }) field: string;
  @ApiProperty({ enum: ['unanswered', 'unknown_option', 'evidence_document', 'evidence_link'] }) code: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } }) params: Record<
    string,
    string | number
  >;
  @ApiProperty() message: string;
  @ApiProperty({ type: LocalizedTextView }) messages: LocalizedTextView;
}

export class IndexDocumentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class IndexAnswerView {
  @ApiProperty() id: string;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: String, nullable: true, description: 'the reported innovation (innovation indicators)' }) innovationId:
    string | null;
  @ApiProperty({ description: "the region's option" }) option: string;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'validators and organizers only' }) verifiedOption?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the note to the region: validators and organizers, and the region once its results are final',
  })
  verifiedNote?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the internal note: validators and organizers only' })
  verifiedInternalNote?: string | null;
}

export class IndexRegionAnswerView extends IndexAnswerView {
  @ApiProperty({ type: [IndexDocumentView] }) documents: IndexDocumentView[];
}

export class IndexInnovationView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() regionId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ type: String, nullable: true, description: 'the competition innovation it was reported from' }) innovationId:
    string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'validators and organizers only; null: not decided' }) eligible?:
    boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'validators and organizers only' }) eligibilityReason?: string | null;
}

export class IndexEditionRefView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EDITION_STATUSES }) status: string;
}

export class IndexRegionRefView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
}

export class IndexRegionAssessmentView {
  @ApiProperty({ type: IndexEditionRefView }) edition: IndexEditionRefView;
  @ApiProperty({ type: IndexRegionRefView }) region: IndexRegionRefView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [IndexGapView] }) gaps: IndexGapView[];
  @ApiProperty({ type: [IndexInnovationView] }) innovations: IndexInnovationView[];
  @ApiProperty({ type: [IndexRegionAnswerView] }) answers: IndexRegionAnswerView[];
}

export class IndexSubmittedView {
  @ApiProperty() regionId: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
}

export class IndexAssignmentView {
  @ApiProperty() regionId: string;
  @ApiProperty() validatorId: string;
}

export class IndexShortfallView {
  @ApiProperty() regionId: string;
  @ApiProperty() assigned: number;
  @ApiProperty() needed: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class IndexAssignResultView {
  @ApiProperty({ type: [IndexAssignmentView] }) assignments: IndexAssignmentView[];
  @ApiProperty() added: number;
  @ApiProperty({ type: [IndexShortfallView] }) shortfalls: IndexShortfallView[];
}

export class IndexValidationView {
  @ApiProperty() regionId: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) kind: string | null;
  @ApiProperty() validatorId: string;
  @ApiProperty({ type: String, nullable: true }) validator: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ description: 'answers the region gave' }) answers: number;
  @ApiProperty({ description: 'of those, answers with a verified option' }) verified: number;
}

export class IndexBlockView {
  @ApiProperty() iid: number;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
  @ApiProperty() spd: number;
  @ApiProperty() sid: number;
  @ApiProperty({ description: 'n: the counted innovations' }) innovations: number;
}

export class IndexRowView {
  @ApiProperty() rank: number;
  @ApiProperty() region: string;
  @ApiProperty({ type: IndexBlockView }) self: IndexBlockView;
  @ApiProperty({ type: IndexBlockView }) verified: IndexBlockView;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
}

export class IndexGroupView {
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: [IndexRowView] }) rows: IndexRowView[];
}

/** A region's place in a group of the public ranking: its row (names, scores) is in its category. */
export class IndexGroupRankView {
  @ApiProperty({ description: 'rank within the group' }) rank: number;
  @ApiProperty({ description: "the region's id: its row is in `categories`" }) region: string;
}

export class IndexGroupRanksView {
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: [IndexGroupRankView] }) rows: IndexGroupRankView[];
}

export class IndexPreviewView {
  @ApiProperty({ type: String, nullable: true }) inputsDigest: string | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/IndexRowView' } },
    description: 'category → rows',
  })
  categories: Record<string, IndexRowView[]>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/IndexGroupView' },
    description: 'group key → name and rows',
  })
  groups: Record<string, IndexGroupView>;
}

export class IndexPublishedView {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: Date;
  @ApiProperty({ description: 'the snapshot JSON that `cli verify` checks' }) url: string;
}

export class IndexPublicEditionView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty() status: string;
  @ApiProperty() snapshotId: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: Date;
}

export class IndexSnapshotRefView {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class IndexPublicEditionRefView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
}

export class IndexRankingsView {
  @ApiProperty({ type: IndexPublicEditionRefView }) edition: IndexPublicEditionRefView;
  @ApiProperty({ type: IndexSnapshotRefView }) snapshot: IndexSnapshotRefView;
  @ApiProperty({ type: [IndexBandView] }) bands: IndexBandView[];
  @ApiProperty() inputsDigest: string;
  @ApiProperty() max: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/IndexRowView' } },
    description: 'category → rows',
  })
  categories: Record<string, IndexRowView[]>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/IndexGroupRanksView' },
    description: "group key → name and each member's rank in the group (its row is in its category)",
  })
  groups: Record<string, IndexGroupRanksView>;
  @ApiProperty({ type: [IndexSnapshotRefView] }) versions: IndexSnapshotRefView[];
}

export class IndexVariableScoreView {
  @ApiProperty() key: string;
  @ApiProperty() aspect: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ enum: ['region', 'innovation', 'count'] }) scope: string;
  @ApiProperty() self: number;
  @ApiProperty() verified: number;
  @ApiProperty() max: number;
}

export class IndexMaturityView {
  @ApiProperty() self: number;
  @ApiProperty() verified: number;
  @ApiProperty() max: number;
}

export class IndexPublicInnovationView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: IndexMaturityView, description: 'kematangan: the sum of its innovation-indicator scores' })
  maturity: IndexMaturityView;
}

export class IndexChosenOptionView {
  @ApiProperty() key: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
}

export class IndexPublicAnswerView {
  @ApiProperty() indicator: string;
  @ApiProperty({ type: LocalizedTextView, nullable: true }) label: LocalizedTextView | null;
  @ApiProperty({ type: String, nullable: true }) variable: string | null;
  @ApiProperty({ type: String, nullable: true }) innovation: string | null;
  @ApiProperty({ type: IndexChosenOptionView, nullable: true }) self: IndexChosenOptionView | null;
  @ApiProperty({ type: IndexChosenOptionView, nullable: true, description: 'null: not verified' }) verified: IndexChosenOptionView | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the validator's public note where the verified option differs from the region's (from the snapshot's input)",
  })
  note: string | null;
}

export class IndexPublicRegionRefView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
}

export class IndexPublicEditionBriefView {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
}

export class IndexSnapshotBriefView {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
}

export class IndexPublicRegionView {
  @ApiProperty({ type: IndexPublicEditionBriefView }) edition: IndexPublicEditionBriefView;
  @ApiProperty({ type: IndexSnapshotBriefView }) snapshot: IndexSnapshotBriefView;
  @ApiProperty({ type: IndexPublicRegionRefView }) region: IndexPublicRegionRefView;
  @ApiProperty() rank: number;
  @ApiProperty() category: string;
  @ApiProperty() max: number;
  @ApiProperty({ type: [IndexBandView] }) bands: IndexBandView[];
  @ApiProperty({ type: IndexBlockView }) self: IndexBlockView;
  @ApiProperty({ type: IndexBlockView }) verified: IndexBlockView;
  @ApiProperty({ type: [IndexVariableScoreView] }) variables: IndexVariableScoreView[];
  @ApiProperty({ type: [IndexPublicInnovationView] }) innovations: IndexPublicInnovationView[];
  @ApiProperty({ type: [IndexPublicAnswerView] }) answers: IndexPublicAnswerView[];
}
