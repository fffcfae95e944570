import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsObject,
  IsUUID,
  Max,
} from 'class-validator';
import { IsNotBlank } from '@app/common';
import { AGGREGATIONS, REGION_KINDS, STAGE_KINDS, type AdvanceRule, type Aggregation, type RegionKind, type StageKind } from '../domain';

/** Shape checks only; the plan's rules (unique keys, min < max, windows in order …) are validatePlan's. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Kebaruan' }) @IsString() @IsNotBlank() @MaxLength(300) id: string;
  @ApiProperty({ example: 'Novelty' }) @IsString() @IsNotBlank() @MaxLength(300) en: string;
}

export class GuidanceDto {
  @ApiProperty() @IsString() @MaxLength(2000) id: string;
  @ApiProperty() @IsString() @MaxLength(2000) en: string;
}

export class CategoryDto {
  @ApiProperty({ example: 'kota' }) @IsString() @MaxLength(40) key: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) label: LocalizedTextDto;
  @ApiProperty({ enum: REGION_KINDS, isArray: true }) @IsArray() @IsIn(REGION_KINDS, { each: true }) regionKinds: RegionKind[];
  @ApiPropertyOptional({
    type: [String],
    example: ['daerah_tertinggal'],
    description: 'region awards: only regions carrying one of these tags',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  regionTags?: string[];
}

export class AwardGroupDto {
  @ApiProperty({ example: 'daerah_tertinggal' }) @IsString() @MaxLength(40) key: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) label: LocalizedTextDto;
  @ApiProperty({ enum: REGION_KINDS, isArray: true }) @IsArray() @IsIn(REGION_KINDS, { each: true }) regionKinds: RegionKind[];
  @ApiPropertyOptional({ type: [String], example: ['daerah_tertinggal'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  regionTags?: string[];
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(1000) nominees: number;
}

export class RegionAwardDto {
  @ApiProperty({ format: 'uuid', description: 'the published index snapshot the nominees and their IID come from' })
  @IsUUID()
  indexSnapshotId: string;
  @ApiProperty({ example: 5, description: 'nominees per category (ties at the cut-off too)' }) @IsInt() @Min(1) @Max(1000) nominees: number;
  @ApiProperty({ type: [AwardGroupDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AwardGroupDto)
  groups: AwardGroupDto[];
}

export class CriterionDto {
  @ApiProperty({ example: 'kebaruan' }) @IsString() @MaxLength(40) key: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) label: LocalizedTextDto;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) weight: number;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) min: number;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) max: number;
  @ApiProperty({ type: GuidanceDto }) @IsObject() @ValidateNested() @Type(() => GuidanceDto) guidance: GuidanceDto;
}

export class ChecklistItemDto {
  @ApiProperty() @IsString() @MaxLength(40) key: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) label: LocalizedTextDto;
  @ApiProperty({ type: GuidanceDto }) @IsObject() @ValidateNested() @Type(() => GuidanceDto) guidance: GuidanceDto;
}

export class AdvanceRuleDto {
  @ApiProperty({ enum: ['top', 'threshold', 'all'] }) @IsIn(['top', 'threshold', 'all']) type: AdvanceRule['type'];
  @ApiPropertyOptional({ description: 'top: how many advance per category' })
  @ValidateIf((r: AdvanceRuleDto) => r.type === 'top')
  @IsInt()
  @Min(1)
  n?: number;
  @ApiPropertyOptional({ description: 'threshold: minimum stage score' })
  @ValidateIf((r: AdvanceRuleDto) => r.type === 'threshold')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;
}

export class StageDto {
  @ApiProperty({ example: 'presentation' }) @IsString() @MaxLength(40) key: string;
  @ApiProperty({ enum: STAGE_KINDS }) @IsIn(STAGE_KINDS) kind: StageKind;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) label: LocalizedTextDto;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2024-09-08T00:00:00+07:00' })
  @IsOptional()
  @IsString()
  opensAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2024-09-30T23:59:59+07:00' })
  @IsOptional()
  @IsString()
  closesAt: string | null;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) weight: number;
  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  rubric: CriterionDto[];
  @ApiPropertyOptional({ type: [ChecklistItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemDto)
  checklist?: ChecklistItemDto[];
  @ApiProperty({ enum: AGGREGATIONS }) @IsIn(AGGREGATIONS) aggregation: Aggregation;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) trim?: number;
  @ApiProperty() @IsInt() @Min(0) @Max(50) jurorsPerInnovation: number;
  @ApiPropertyOptional({ type: AdvanceRuleDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AdvanceRuleDto)
  advance: AdvanceRuleDto | null;
  @ApiPropertyOptional({ description: "DESIGN §4 rule 10: the score is given (a region award's verified IID), not scored from sheets" })
  @IsOptional()
  @IsBoolean()
  given?: boolean;
}

export class BandDto {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(100) label: string;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) min: number;
}

export class SectionDto {
  @ApiProperty() @IsString() @MaxLength(40) key: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) label: LocalizedTextDto;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiProperty() @IsInt() @Min(1) @Max(100000) maxWords: number;
}

export class ProposalFormDto {
  @ApiProperty({ type: [SectionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections: SectionDto[];
}

export class EligibilityDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) minMonthsImplemented?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) maxEntriesPerOrganization?: number;
  @ApiProperty() @IsBoolean() noDuplicateTitle: boolean;
}

export class PlanDto {
  @ApiProperty({ type: [CategoryDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CategoryDto)
  categories: CategoryDto[];
  @ApiProperty({ type: [StageDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => StageDto) stages: StageDto[];
  @ApiProperty({ type: [BandDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => BandDto) bands: BandDto[];
  @ApiProperty({ type: [String], example: ['stage:field_verification', 'stage:presentation'] })
  @IsArray()
  @IsString({ each: true })
  tieBreak: string[];
  @ApiProperty() @IsInt() @Min(0) @Max(60) objectionWindowDays: number;
  @ApiProperty() @IsBoolean() requireCoordinator: boolean;
  @ApiProperty({ type: ProposalFormDto }) @IsObject() @ValidateNested() @Type(() => ProposalFormDto) proposalForm: ProposalFormDto;
  @ApiProperty({ type: EligibilityDto }) @IsObject() @ValidateNested() @Type(() => EligibilityDto) eligibility: EligibilityDto;
  @ApiPropertyOptional({
    type: RegionAwardDto,
    description: 'region award editions only: the entries are regions nominated from an index snapshot',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RegionAwardDto)
  regionAward?: RegionAwardDto;
}
