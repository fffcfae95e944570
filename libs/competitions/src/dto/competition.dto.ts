import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { IsNotBlank } from '@app/common';
import { PlanDto } from './plan.dto';
import { COMPETITION_STATUSES, type CompetitionStatus } from '../domain';

export const TEMPLATES = ['iga-kipp', 'iga-region-award'] as const;

export class CreateCompetitionDto {
  @ApiProperty({ example: 'IGA 2025 Jawa Barat' }) @IsString() @IsNotBlank() @MaxLength(200) name: string;
  @ApiProperty({ example: 'iga-2025-jabar', description: 'lower-case letters, digits and dashes; used in public URLs' })
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, { message: 'slug must be lower-case letters, digits and dashes (2–80)' })
  slug: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({
    enum: TEMPLATES,
    description: 'start from the IGA/KIPP-style plan, or the IGA region award (needs indexSnapshotId); `plan` then overrides it',
  })
  @IsOptional()
  @IsIn(TEMPLATES)
  template?: (typeof TEMPLATES)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'template iga-region-award: the published index snapshot the nominees come from' })
  @IsOptional()
  @IsUUID()
  indexSnapshotId?: string;
  @ApiPropertyOptional({ type: PlanDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => PlanDto) plan?: PlanDto;
}

export class UpdateCompetitionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ type: PlanDto, description: 'the whole plan; once judging has started only stage windows may change' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlanDto)
  plan?: PlanDto;
  @ApiPropertyOptional({ description: 'why (recorded in the audit log, e.g. for a deadline extension)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class CompetitionQueryDto {
  @ApiPropertyOptional({ enum: COMPETITION_STATUSES }) @IsOptional() @IsIn(COMPETITION_STATUSES) status?: CompetitionStatus;
}

export class StageStateView {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['scheduled', 'open', 'closed'] }) status: 'scheduled' | 'open' | 'closed';
  @ApiProperty({ type: Date, nullable: true }) openedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
}

export class RegionRefView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
}

/** Something the organizer should act on (not an error), with a stable code and the message in both languages. */
export class CompetitionWarningView {
  @ApiProperty({ example: 'COMPETITION_REGIONS_WITHOUT_COORDINATOR' }) code: string;
  @ApiProperty({ type: 'object', properties: { id: { type: 'string' }, en: { type: 'string' } }, required: ['id', 'en'] }) message: {
    id: string;
    en: string;
  };
  @ApiPropertyOptional({ type: [RegionRefView] }) regions?: RegionRefView[];
}

export class CompetitionView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: COMPETITION_STATUSES }) status: CompetitionStatus;
  @ApiProperty({ type: PlanDto }) plan: PlanDto;
  @ApiProperty({ type: [StageStateView] }) stages: StageStateView[];
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({
    type: [CompetitionWarningView],
    description: 'on open: e.g. the regions without a coordinator when the plan requires one',
  })
  warnings?: CompetitionWarningView[];
}

export class AddOrganizerDto {
  @ApiProperty({ format: 'uuid', description: 'an existing, active organizer account (GET /api/users?role=organizer)' })
  @IsUUID()
  userId: string;
}

export class OrganizerView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'entity type (innovation, competition, stage, assignment, objection …) or type:id for one entity' })
  @IsOptional()
  @IsString()
  @MaxLength(160)
  entity?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'who acted (user id)' }) @IsOptional() @IsUUID() actor?: string;
  @ApiPropertyOptional({ description: 'an action (innovation.submitted) or a prefix ending in a dot (innovation.)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  action?: string;
  @ApiPropertyOptional({ description: 'from this instant (RFC 3339), inclusive' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'until this instant (RFC 3339), exclusive' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class AuditEventView {
  @ApiProperty() id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) before: object | null;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) after: object | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
