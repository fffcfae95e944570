import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank, LocalizedTextView, REASON_CODE_PROPERTY, REASON_PARAMS_PROPERTY } from '@app/common';
import { CompetitionView } from '@app/competitions';
import { INNOVATION_PHASES, INNOVATION_STATUSES, type InnovationPhase, type InnovationStatus } from '../domain';

/**
 * The OPD-written profile without its title; every field optional while drafting (submit checks completeness).
 * The title is declared once per subclass, never redeclared: a redeclared property keeps its parent's
 * validators too (`declare title` lost the required ones and kept IsOptional: an innovation without a title
 * reached the database as a 500). dto-audit.spec.ts refuses any redeclared DTO property.
 */
export class InnovationProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;
  @ApiPropertyOptional({ description: 'category key; by default the one for the organization’s region kind' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string;
  @ApiPropertyOptional({ enum: INNOVATION_PHASES }) @IsOptional() @IsIn(INNOVATION_PHASES) phase?: InnovationPhase;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() digital?: boolean;
  @ApiPropertyOptional({ example: 'kesehatan' }) @IsOptional() @IsString() @MaxLength(200) governmentAffair?: string;
  @ApiPropertyOptional({ example: '2021-10-25' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) problem?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) approach?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) results?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) replicability?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) sustainability?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'proposal sections by key (see the competition’s proposalForm)',
    example: { ringkasan: '…' },
  })
  @IsOptional()
  @IsObject()
  sections?: Record<string, string>;
}

export class CreateInnovationDto extends InnovationProfileDto {
  @ApiProperty({ example: 'SiTaro (Siap Antar Obat)' }) @IsString() @IsNotBlank() @MaxLength(300) title: string;
}

export class UpdateInnovationDto extends InnovationProfileDto {
  @ApiPropertyOptional({ example: 'SiTaro (Siap Antar Obat)' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ description: 'the version you edited (optimistic lock): 409 when someone saved in between' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ReasonDto {
  @ApiProperty({ example: 'Data dukung tidak sesuai' }) @IsString() @IsNotBlank() @MaxLength(2000) reason: string;
}

export class CommentDto {
  @ApiProperty({ example: 'Lengkapi data dukung SK penetapan inovasi' }) @IsString() @IsNotBlank() @MaxLength(2000) comment: string;
}

export class OptionalCommentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class InnovationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional({ enum: INNOVATION_STATUSES }) @IsOptional() @IsIn(INNOVATION_STATUSES) status?: InnovationStatus;
  @ApiPropertyOptional({ description: 'stage reached (key)' }) @IsOptional() @IsString() @MaxLength(40) stage?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ description: 'words in title or summary (prefix match)' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** A row of the innovations list: what a table shows, without the proposal's texts (GET /api/innovations/:id has them). */
export class InnovationSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() competitionId: string;
  @ApiProperty() organizationId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) organizationName?: string | null;
  @ApiProperty() regionId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) regionName?: string | null;
  @ApiProperty() category: string;
  @ApiProperty({ enum: INNOVATION_STATUSES }) status: InnovationStatus;
  @ApiProperty({ type: String, nullable: true }) currentStage: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, enum: INNOVATION_PHASES }) phase: InnovationPhase | null;
  @ApiProperty({ type: Boolean, nullable: true }) digital: boolean | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

/** Something the user should know about the result of their request (not an error), with a stable code. */
export class NoticeView {
  @ApiProperty({ example: 'SUBMISSION_NO_COORDINATOR' }) code: string;
  @ApiProperty({ type: LocalizedTextView }) message: LocalizedTextView;
}

/** An innovation with its proposal: the profile texts and the sections of the competition's template. */
export class InnovationView extends InnovationSummaryView {
  @ApiPropertyOptional({ type: [NoticeView], description: 'after a submit: what the OPD should know (e.g. SUBMISSION_NO_COORDINATOR)' })
  notices?: NoticeView[];
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true }) governmentAffair: string | null;
  @ApiProperty({ type: String, nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
  @ApiProperty({ type: String, nullable: true }) approach: string | null;
  @ApiProperty({ type: String, nullable: true }) results: string | null;
  @ApiProperty({ type: String, nullable: true }) replicability: string | null;
  @ApiProperty({ type: String, nullable: true }) sustainability: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) sections: Record<string, string>;
}

/** One edition with the OPD's innovations in it (GET /api/me/innovations). */
export class MyEditionView {
  @ApiProperty({ type: () => CompetitionView }) competition: CompetitionView;
  @ApiProperty({ type: [InnovationSummaryView] }) innovations: InnovationSummaryView[];
}

export class MyInnovationsView {
  @ApiProperty({
    type: [MyEditionView],
    description: 'Newest edition first: every edition holding one of your innovations, and every open one',
  })
  editions: MyEditionView[];
}

export class InnovationPageView {
  @ApiProperty({ type: [InnovationSummaryView] }) items: InnovationSummaryView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DocumentView {
  @ApiProperty() id: string;
  @ApiProperty() innovationId: string;
  @ApiProperty({ enum: ['evidence', 'field_photo'] }) kind: 'evidence' | 'field_photo';
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: Date;
}

export class HistoryView {
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ type: String, nullable: true }) stage: string | null;
  @ApiProperty() actorRole: string;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'in the language of Accept-Language when the system wrote it (reasonCode), else as written',
  })
  reason: string | null;
  @ApiPropertyOptional(REASON_CODE_PROPERTY)
  reasonCode: string | null;
  @ApiPropertyOptional({ ...REASON_PARAMS_PROPERTY, example: { rank: 3, count: 3, category: 'kota', n: 1 } })
  reasonParams: Record<string, string | number | boolean> | null;
  @ApiProperty() at: Date;
}

/** What waits on the caller: counts per status and the innovations (an OPD's drafts and returns, a coordinator's queue). */
export class WaitingView {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { draft: 2, returned: 1 } }) counts: Record<
    string,
    number
  >;
  @ApiProperty({ type: [InnovationView] }) items: InnovationView[];
}
