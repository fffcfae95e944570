import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '@app/common';

export class CloseStageDto {
  @ApiPropertyOptional({ description: 'close although decisions or sheets are missing (needs a reason)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class ScreeningDto {
  @ApiProperty({ enum: ['pass', 'fail'] }) @IsIn(['pass', 'fail']) decision: 'pass' | 'fail';
  @ApiPropertyOptional({ description: 'required when failing: the OPD reads it' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({
    description: 'answers to the screening checklist by item key',
    example: { complete: true, implemented_one_year: true },
  })
  @IsOptional()
  @IsObject()
  checklist?: Record<string, boolean>;
}

export class BulkScreeningItemDto extends ScreeningDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() innovationId: string;
}

export class BulkScreeningDto {
  @ApiProperty({ type: [BulkScreeningItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => BulkScreeningItemDto)
  decisions: BulkScreeningItemDto[];
}

export class PresentationDto {
  @ApiProperty({ example: '2024-09-10T09:00:00+07:00' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2024-09-10T09:20:00+07:00' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional({ example: 'Ruang Rapat Utama, Gedung Sate' }) @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional({ example: 'https://meet.example.go.id/iga-2024-sitaro' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  link?: string;
  @ApiProperty({ type: [String], description: 'juror user ids' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  panel: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ChecklistAnswerDto {
  @ApiProperty() @IsString() @MaxLength(40) key: string;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) @IsOptional() @IsBoolean() ok?: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

export class FieldVisitDto {
  @ApiPropertyOptional({ example: '2024-10-07T09:00:00+07:00', description: 'required when scheduling' })
  @IsOptional()
  @IsISO8601({ strict: true })
  visitAt?: string;
  @ApiPropertyOptional({ example: 'RSUD dr. Chasbullah Abdulmadjid, Jl. Pramuka No. 55, Kota Bekasi' })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  address?: string;
  @ApiPropertyOptional({ type: [String], description: 'verifier (juror) user ids' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  verifiers?: string[];
  @ApiPropertyOptional({ type: [ChecklistAnswerDto], description: 'findings per rubric criterion of the field stage' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChecklistAnswerDto)
  checklist?: ChecklistAnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) findings?: string;
}

export class AutoAssignDto {
  @ApiPropertyOptional({ description: 'jurors per innovation; default: the stage plan’s' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  k?: number;
  @ApiPropertyOptional({ description: 'field stage: let an innovation’s verifiers also score it' })
  @IsOptional()
  @IsBoolean()
  allowVerifiersAsScorers?: boolean;
}

export class ManualAssignDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() innovationId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() jurorId: string;
}

export class ReasonBodyDto {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(2000) reason: string;
}

export class SaveSheetDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { kebaharuan: 80, kemanfaatan: 75 },
    description: 'criterion values; a draft may be partial',
  })
  @IsObject()
  scores: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) comment?: string;
  @ApiPropertyOptional({ description: 'the version you edited (required once the sheet exists)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
  @ApiPropertyOptional({ description: 'first save: I have no conflict of interest with this innovation' })
  @IsOptional()
  @IsBoolean()
  confirmNoConflict?: boolean;
}

export class SubmitSheetDto {
  @ApiPropertyOptional({ description: 'the version you are submitting' }) @IsOptional() @IsInt() @Min(0) version?: number;
}

export class DeclareConflictDto {
  @ApiPropertyOptional({ example: 'Saya pernah menjadi konsultan inovasi ini' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class CalibrationQueryDto {
  @ApiPropertyOptional({ description: 'flag innovations whose sheet scores range wider than this (0–100), default 25' })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @Max(100)
  threshold?: number;
}

/** `?page=&pageSize=` of the juror's dashboard (50 a page unless asked). */
export class MyAssignmentsQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
