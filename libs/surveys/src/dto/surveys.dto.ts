import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, LocalizedTextView } from '@app/common';
import { EDUCATIONS, OCCUPATIONS, SEXES, type Education, type Grade, type Occupation, type Sex } from '../domain';

const ANSWER = { minimum: 1, maximum: 4, example: 3 };

export class CreateSurveyUnitDto {
  @ApiProperty({ example: 'Farmasi Rawat Jalan', description: 'The service unit: the organization itself or a named unit under it' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the OPD's own organization" })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 12000,
    description: 'Service users per year (the population for the sample size)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population?: number | null;
}

export class CreateSurveyPeriodDto {
  @ApiProperty({ example: 'SKM Semester I 2025' }) @IsNotBlank() @MaxLength(120) label: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2025-01-01T00:00:00+07:00' }) @IsString() opensAt: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2025-07-01T00:00:00+07:00' }) @IsString() closesAt: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 6000,
    description: "Users served in the period; default the unit's population",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population?: number | null;
}

export class SurveyAnswersDto {
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u1: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u2: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u3: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u4: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u5: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u6: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u7: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u8: number;
  @ApiProperty(ANSWER) @IsInt() @Min(1) @Max(4) u9: number;
}

export class SubmitSurveyResponseDto {
  @ApiProperty({ type: SurveyAnswersDto, description: 'The nine elements U1–U9, each 1–4' })
  @IsObject()
  @ValidateNested()
  @Type(() => SurveyAnswersDto)
  answers: SurveyAnswersDto;
  @ApiPropertyOptional({ example: 'Ruang tunggu perlu kipas angin' }) @IsOptional() @IsString() @MaxLength(2000) suggestion?: string;
  @ApiPropertyOptional({ minimum: 10, maximum: 120 }) @IsOptional() @IsInt() @Min(10) @Max(120) age?: number;
  @ApiPropertyOptional({ enum: Object.keys(SEXES) }) @IsOptional() @IsIn(Object.keys(SEXES)) sex?: Sex;
  @ApiPropertyOptional({ enum: Object.keys(EDUCATIONS) }) @IsOptional() @IsIn(Object.keys(EDUCATIONS)) education?: Education;
  @ApiPropertyOptional({ enum: Object.keys(OCCUPATIONS) }) @IsOptional() @IsIn(Object.keys(OCCUPATIONS)) occupation?: Occupation;
  @ApiPropertyOptional({
    example: 'A-017',
    description: 'E.g. the queue ticket number: one response per respondent and period; only its hash is kept',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  respondent?: string;
}

export class ExcludeResponsesDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  responseIds: string[];
  @ApiProperty({ example: 'Dua belas isian dalam satu menit dari satu perangkat' }) @IsNotBlank() @MaxLength(2000) reason: string;
}

export class LinkSurveyEvidenceDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ format: 'uuid', description: "A period that closed by the innovation's start date" }) @IsUUID() beforePeriodId: string;
  @ApiProperty({ format: 'uuid', description: "A period that opened on or after the innovation's start date" })
  @IsUUID()
  afterPeriodId: string;
}

export class SurveyUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) population: number | null;
}

export class ElementResultView {
  @ApiProperty({ example: 'u1' }) key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Mean answer, 1–4' }) nrr: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'NRR × 25 (25–100)' }) converted: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['A', 'B', 'C', 'D'] }) grade: Grade | null;
}

export class IkmView {
  @ApiProperty() responses: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Σ NRR / 9 (1–4)' }) index: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The IKM, 25–100' }) ikm: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['A', 'B', 'C', 'D'] }) grade: Grade | null;
  @ApiPropertyOptional({ nullable: true, type: LocalizedTextView }) label: LocalizedTextView | null;
  @ApiProperty({ type: [ElementResultView] }) elements: ElementResultView[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'u8' }) weakest: string | null;
}

export class SampleView {
  @ApiPropertyOptional({ type: Number, nullable: true }) population: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Krejcie–Morgan sample size for the population' }) required:
    number | null;
  @ApiProperty() responses: number;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) reached: boolean | null;
}

export class BurstView {
  @ApiProperty({ format: 'date-time' }) from: Date;
  @ApiProperty({ format: 'date-time' }) to: Date;
  @ApiProperty({ type: [String] }) responseIds: string[];
}

export class ExclusionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reason: string;
  @ApiProperty() responses: number;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: Date;
}

export class SurveyPeriodView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'k7m2q9xa', description: 'The short link is /s/{code}' }) code: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiPropertyOptional({ type: Number, nullable: true }) population: number | null;
  @ApiProperty({ type: IkmView }) ikm: IkmView;
  @ApiProperty({ type: SampleView }) sample: SampleView;
}

export class SurveyUnitDetailView extends SurveyUnitView {
  @ApiProperty({ type: [SurveyPeriodView] }) periods: SurveyPeriodView[];
}

export class SuggestionView {
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) at: Date;
}

export class SurveyPeriodDetailView extends SurveyPeriodView {
  @ApiProperty({ type: SurveyUnitView }) unit: SurveyUnitView;
  @ApiProperty({ description: 'Counted responses from the public form' }) formResponses: number;
  @ApiProperty({ description: 'Counted responses from imports' }) importedResponses: number;
  @ApiProperty() excludedResponses: number;
  @ApiProperty({
    type: [BurstView],
    description: 'Flagged bursts of form responses still counted; excluding them is a decision (POST …/exclusions)',
  })
  bursts: BurstView[];
  @ApiProperty({ type: [ExclusionView] }) exclusions: ExclusionView[];
  @ApiProperty({ type: [SuggestionView] }) suggestions: SuggestionView[];
}

export class ChoiceView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
}

/** What the public sees of a period: its unit, organization and window. */
export class PublicPeriodView {
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid', description: "The unit's public IKM history is /api/public/survey-units/{unitId}" }) unitId: string;
  @ApiProperty() unit: string;
  @ApiProperty() organization: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
}

export class PublicSurveyView extends PublicPeriodView {
  @ApiProperty({ description: 'Whether the form takes responses now' }) open: boolean;
  @ApiProperty({ type: [ChoiceView] }) elements: ChoiceView[];
  @ApiProperty({ type: [ChoiceView], description: 'The answer scale 1–4' }) scale: ChoiceView[];
  @ApiProperty({ type: [ChoiceView] }) sexes: ChoiceView[];
  @ApiProperty({ type: [ChoiceView] }) educations: ChoiceView[];
  @ApiProperty({ type: [ChoiceView] }) occupations: ChoiceView[];
}

export class PublicIkmView extends PublicPeriodView {
  @ApiProperty({ type: IkmView }) ikm: IkmView;
  @ApiProperty({ type: SampleView }) sample: SampleView;
}

export class ResponseAcceptedView {
  @ApiProperty({ example: true }) accepted: boolean;
}

export class ImportResultView {
  @ApiProperty() imported: number;
}

export class ExclusionResultView extends ExclusionView {
  @ApiProperty({ type: IkmView, description: 'The period IKM after the decision' }) ikm: IkmView;
}

export class PeriodSideView {
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiProperty({ type: IkmView }) ikm: IkmView;
  @ApiProperty({ type: SampleView }) sample: SampleView;
}

export class ChangeView {
  @ApiProperty() key: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) before: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) after: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'after − before, 25–100 scale' }) change: number | null;
}

export class SurveyEvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: SurveyUnitView }) unit: SurveyUnitView;
  @ApiProperty({ type: PeriodSideView }) before: PeriodSideView;
  @ApiProperty({ type: PeriodSideView }) after: PeriodSideView;
  @ApiProperty({ type: ChangeView, description: 'The overall IKM, key "ikm"' }) ikm: ChangeView;
  @ApiProperty({ type: [ChangeView] }) elements: ChangeView[];
}

/** One period in a unit's public IKM history. */
export class PublicPeriodIkmView {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiProperty({ type: IkmView }) ikm: IkmView;
  @ApiProperty({ type: SampleView }) sample: SampleView;
}

export class PublicUnitHistoryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() unit: string;
  @ApiProperty() organization: string;
  @ApiProperty({ type: [PublicPeriodIkmView], description: 'Periods that have opened, oldest first' }) periods: PublicPeriodIkmView[];
}
