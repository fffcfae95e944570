import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { LocalizedTextView } from '@app/common';

export class IndexSurveyAnswerDto {
  @ApiProperty({ example: 'survei_kepuasan', description: 'an innovation indicator whose options all follow from survey data' })
  @Matches(/^[a-z][a-z0-9_]{0,79}$/)
  indicator: string;
  @ApiProperty({ format: 'uuid', description: 'the reported innovation' }) @IsUUID() innovationId: string;
  @ApiProperty({ format: 'uuid', description: "a survey period of a service unit of the innovation's organization" })
  @IsUUID()
  periodId: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a period of the same unit that closed before it opened (for "IKM higher since the innovation")',
  })
  @IsOptional()
  @IsUUID()
  beforePeriodId?: string;
}

/** What a survey period says, as the validator sees it next to the answer. */
export class IndexSurveyPeriodView {
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty() unit: string;
  @ApiProperty() organization: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiProperty({ description: 'counted responses (n)' }) responses: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'IKM 25–100' }) ikm: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['A', 'B', 'C', 'D'] }) grade: 'A' | 'B' | 'C' | 'D' | null;
  @ApiPropertyOptional({ nullable: true, type: LocalizedTextView }) gradeLabel: LocalizedTextView | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Krejcie–Morgan sample size for the population' }) requiredSample:
    number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) sampleReached: boolean | null;
  @ApiProperty({ description: 'the public IKM page of the period' }) link: string;
}

export class IndexSurveyAnswerView {
  @ApiProperty({ format: 'uuid' }) answerId: string;
  @ApiProperty() indicator: string;
  @ApiProperty({ format: 'uuid' }) innovationId: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the option the survey data gives now' }) dataOption: string | null;
  @ApiProperty({ description: 'the option the answer holds (the region’s self-assessment)' }) answeredOption: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the validator’s option (validators and organizers only)' })
  verifiedOption?: string | null;
  @ApiProperty({ type: IndexSurveyPeriodView }) period: IndexSurveyPeriodView;
  @ApiPropertyOptional({ type: IndexSurveyPeriodView, nullable: true }) before: IndexSurveyPeriodView | null;
  @ApiProperty({ format: 'date-time' }) linkedAt: Date;
}
