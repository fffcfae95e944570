import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNotBlank } from '@app/common';
import { EDITION_CATEGORIES, EDITION_STATUSES } from '../domain';

const KEY = /^[a-z][a-z0-9_]{0,79}$/;

export class CreateIndexEditionDto {
  @ApiProperty({ example: 'Indeks Inovasi Daerah 2026' }) @IsNotBlank() @MaxLength(200) name: string;
  @ApiProperty({ example: 'iid-2026' }) @Matches(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/) slug: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'the framework (aspects → variables → indicators); default: the IID 2023 model',
  })
  @IsOptional()
  @IsObject()
  framework?: Record<string, unknown>;
  @ApiPropertyOptional({
    enum: EDITION_CATEGORIES,
    isArray: true,
    description: 'region kinds ranked, one category each (default all three)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EDITION_CATEGORIES, { each: true })
  categories?: string[];
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() selfAssessmentOpensAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() selfAssessmentClosesAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() verificationOpensAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() verificationClosesAt?: string;
}

/** Moves an edition's windows: a field left out stays, `null` clears it; a reason once the edition is past draft. */
export class MoveWindowsDto {
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) @IsOptional() @IsISO8601() selfAssessmentOpensAt?:
    string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) @IsOptional() @IsISO8601() selfAssessmentClosesAt?:
    string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) @IsOptional() @IsISO8601() verificationOpensAt?:
    string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) @IsOptional() @IsISO8601() verificationClosesAt?:
    string | null;
  @ApiPropertyOptional({
    description: 'why the windows move: required once the edition is past draft; audited and sent to the people affected',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class FrameworkDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the whole framework; checked by validateFramework' })
  @IsObject()
  framework: Record<string, unknown>;
}

export class TransitionDto {
  @ApiProperty({
    enum: EDITION_STATUSES.filter((s) => s !== 'draft'),
    description: 'the next status: self_assessment, verification or closed',
  })
  @IsIn(EDITION_STATUSES.filter((s) => s !== 'draft'))
  to: 'self_assessment' | 'verification' | 'closed';
}

export class IndexAnswerDto {
  @ApiProperty({ example: 'regulasi_inovasi_daerah' }) @Matches(KEY) indicator: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the reported innovation, for an innovation indicator' })
  @IsOptional()
  @IsUUID()
  innovationId?: string;
  @ApiProperty({ example: 'perda', description: 'the chosen option key' }) @Matches(KEY) option: string;
  @ApiPropertyOptional({ example: 'https://jdih.bekasikota.go.id/perda-inovasi', description: 'evidence link (http/https)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  link?: string;
}

export class ReportInnovationDto {
  @ApiPropertyOptional({ example: 'SiTaro — sistem antrean terpadu' }) @IsOptional() @IsNotBlank() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'an innovation already entered in a competition, reported by reference' })
  @IsOptional()
  @IsUUID()
  innovationId?: string;
}

export class AssignValidatorsDto {
  @ApiPropertyOptional({ default: 2, description: 'validators per region' }) @IsOptional() @IsInt() @Min(1) @Max(10) perRegion?: number;
}

export class VerifyDto {
  @ApiProperty({ example: 'perkada', description: 'the verified option key' }) @Matches(KEY) option: string;
  @ApiPropertyOptional({
    description:
      'the note to the region, required when the verified option scores lower than the region’s; published with the index where the verified option differs',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
  @ApiPropertyOptional({ description: 'an internal note for organizers and validators: never shown to the region, never published' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  internalNote?: string;
}

export class IndexEligibilityDto {
  @ApiProperty() @IsBoolean() eligible: boolean;
  @ApiPropertyOptional({ description: 'required when not eligible' }) @IsOptional() @IsString() @MaxLength(5000) reason?: string;
}

export class PublishIndexDto {
  @ApiPropertyOptional({ description: 'required for a correction (version 2 onwards)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class IndexVersionQueryDto {
  @ApiPropertyOptional({ description: 'a published version (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class IndexSnapshotMetaView {
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

/** A published index snapshot as `npm run -s cli -- verify FILE` checks it (plus `meta`, which verify ignores). */
export class IndexSnapshotJsonView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the index input (DESIGN §4b)' }) input: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the index output (DESIGN §4b)' }) output: Record<
    string,
    unknown
  >;
  @ApiProperty({ description: 'sha256 of the canonical {input, output}' }) hash: string;
  @ApiProperty({ type: IndexSnapshotMetaView }) meta: IndexSnapshotMetaView;
}
