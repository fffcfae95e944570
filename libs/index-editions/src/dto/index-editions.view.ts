import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LocalizedTextView } from '@app/common';
import { DOCUMENT_KINDS } from '@app/regional-index';
import { EDITION_CATEGORIES, EDITION_STATUSES, type EditionStatus } from '../domain';

type Category = (typeof EDITION_CATEGORIES)[number];
type DocumentKind = (typeof DOCUMENT_KINDS)[number];
const DATE_OR_NULL = { type: Date, nullable: true } as const;

export class IndexEditionSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: EDITION_STATUSES }) status: EditionStatus;
  @ApiProperty({ enum: EDITION_CATEGORIES, isArray: true }) categories: Category[];
}

export class IndexEditionView extends IndexEditionSummaryView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the framework (IndexFramework of libs/regional-index: key, label, method, bands, aspects → variables → indicators with options or steps)' })
  framework: Record<string, unknown>;
  @ApiProperty(DATE_OR_NULL) selfAssessmentOpensAt: Date | null;
  @ApiProperty(DATE_OR_NULL) selfAssessmentClosesAt: Date | null;
  @ApiProperty(DATE_OR_NULL) verificationOpensAt: Date | null;
  @ApiProperty(DATE_OR_NULL) verificationClosesAt: Date | null;
}

export class IndexDocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: Date;
}

export class IndexAnswerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: String, nullable: true }) innovationId: string | null;
  @ApiProperty() option: string;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'for validators and organizers' }) verifiedOption?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'for validators and organizers' }) verifiedNote?: string | null;
}

export class IndexAnswerWithDocumentsView extends IndexAnswerView {
  @ApiProperty({ type: [IndexDocumentView] }) documents: IndexDocumentView[];
}

export class IndexInnovationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ type: String, nullable: true, description: 'the competition entry it came from' }) innovationId: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'for validators and organizers' }) eligible?: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'for validators and organizers' }) eligibilityReason?: string | null;
}

export class IndexGapView {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } }) params: Record<string, string | number>;
  @ApiProperty({ type: LocalizedTextView }) messages: LocalizedTextView;
}

export class IndexEditionRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EDITION_STATUSES }) status: EditionStatus;
}

export class IndexRegionRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
}

/** A region's self-assessment: answers with evidence, innovations, completeness. */
export class IndexRegionView {
  @ApiProperty({ type: IndexEditionRefView }) edition: IndexEditionRefView;
  @ApiProperty({ type: IndexRegionRefView }) region: IndexRegionRefView;
  @ApiProperty(DATE_OR_NULL) submittedAt: Date | null;
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [IndexGapView], description: 'what is missing before it can be submitted' }) gaps: IndexGapView[];
  @ApiProperty({ type: [IndexInnovationView] }) innovations: IndexInnovationView[];
  @ApiProperty({ type: [IndexAnswerWithDocumentsView] }) answers: IndexAnswerWithDocumentsView[];
}

export class IndexSubmittedView {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() submittedAt: Date;
}

export class RegionValidatorView {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) validatorId: string;
}

export class ValidatorShortfallView {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() assigned: number;
  @ApiProperty() needed: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class ValidatorAssignmentView {
  @ApiProperty({ type: [RegionValidatorView] }) assignments: RegionValidatorView[];
  @ApiProperty() added: number;
  @ApiProperty({ type: [ValidatorShortfallView] }) shortfalls: ValidatorShortfallView[];
}

export class ValidationTaskView {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) kind: string | null;
  @ApiProperty({ format: 'uuid' }) validatorId: string;
  @ApiProperty(DATE_OR_NULL) submittedAt: Date | null;
}

export class IndexBlockView {
  @ApiProperty({ description: 'the index' }) iid: number;
  @ApiProperty({ type: String, nullable: true }) band: string | null;
  @ApiProperty() spd: number;
  @ApiProperty() sid: number;
  @ApiProperty() innovations: number;
}

export class IndexRowView {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) region: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ApiProperty({ type: IndexBlockView, description: 'from the self-assessment' }) self: IndexBlockView;
  @ApiProperty({ type: IndexBlockView, description: 'after verification' }) verified: IndexBlockView;
}

export class IndexGroupView {
  @ApiProperty() name: string;
  @ApiProperty({ type: [IndexRowView] }) rows: IndexRowView[];
}

const ROWS_BY_CATEGORY = { type: 'object', additionalProperties: { type: 'array', items: { $ref: getSchemaPath(IndexRowView) } }, description: 'rows per category' } as const;
const GROUPS = { type: 'object', additionalProperties: { $ref: getSchemaPath(IndexGroupView) }, description: 'award groups by key' } as const;

export class IndexPreviewView {
  @ApiProperty({ type: String, nullable: true }) inputsDigest: string | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
  @ApiProperty(ROWS_BY_CATEGORY) categories: Record<string, IndexRowView[]>;
  @ApiProperty(GROUPS) groups: Record<string, IndexGroupView>;
}

export class IndexPublishedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty() publishedAt: Date;
  @ApiProperty() url: string;
}

export class PublicIndexEditionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty() publishedAt: Date;
}

export class IndexVersionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() publishedAt: Date;
}

export class IndexEditionYearView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
}

export class IndexRankingsView {
  @ApiProperty({ type: IndexEditionYearView }) edition: IndexEditionYearView;
  @ApiProperty({ type: IndexVersionView }) snapshot: IndexVersionView;
  @ApiProperty() inputsDigest: string;
  @ApiProperty() max: number;
  @ApiProperty(ROWS_BY_CATEGORY) categories: Record<string, IndexRowView[]>;
  @ApiProperty(GROUPS) groups: Record<string, IndexGroupView>;
  @ApiProperty({ type: [IndexVersionView], description: 'every published version, newest first' }) versions: IndexVersionView[];
}

export class IndexPublicEditionRefView {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
}

export class IndexSnapshotRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
}

export class IndexPublicRegionRefView extends IndexRegionRefView {
  @ApiProperty({ type: String, nullable: true }) province: string | null;
}

export class IndexPublicInnovationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() eligible: boolean;
}

export class IndexPublicAnswerView {
  @ApiProperty() indicator: string;
  @ApiProperty({ type: LocalizedTextView, nullable: true }) label: LocalizedTextView | null;
  @ApiProperty({ type: String, nullable: true }) innovation: string | null;
  @ApiProperty({ description: 'the option the region chose' }) self: string;
  @ApiProperty({ type: String, nullable: true, description: 'the option the validator verified' }) verified: string | null;
}

export class IndexPublicRegionView {
  @ApiProperty({ type: IndexPublicEditionRefView }) edition: IndexPublicEditionRefView;
  @ApiProperty({ type: IndexSnapshotRefView }) snapshot: IndexSnapshotRefView;
  @ApiProperty({ type: IndexPublicRegionRefView }) region: IndexPublicRegionRefView;
  @ApiProperty() rank: number;
  @ApiProperty() category: string;
  @ApiProperty({ type: IndexBlockView }) self: IndexBlockView;
  @ApiProperty({ type: IndexBlockView }) verified: IndexBlockView;
  @ApiProperty({ type: [IndexPublicInnovationView] }) innovations: IndexPublicInnovationView[];
  @ApiProperty({ type: [IndexPublicAnswerView] }) answers: IndexPublicAnswerView[];
}

export class IndexSnapshotMetaView {
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

/** What `npm run -s cli -- verify FILE` checks (`meta` is not hashed). */
export class IndexSnapshotJsonView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the index input (DESIGN §4b)' }) input: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the index output (DESIGN §4b)' }) output: Record<string, unknown>;
  @ApiProperty() hash: string;
  @ApiProperty({ type: IndexSnapshotMetaView }) meta: IndexSnapshotMetaView;
}

/** Classes only referenced by `$ref` (maps of them). */
export const INDEX_REF_MODELS = [IndexRowView, IndexGroupView];
