import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@app/common';
import { AGGREGATIONS } from '@app/competitions';
import { TABLE_FORMATS, type TableFormat } from '../export/send-table';

export class PreviewQueryDto {
  @ApiPropertyOptional({ enum: AGGREGATIONS, description: 'what-if: aggregate every stage this way (default: each stage’s own)' })
  @IsOptional()
  @IsIn(AGGREGATIONS)
  aggregation?: string;
}

export class AnnounceDto {
  @ApiPropertyOptional({ description: 'objection window in days (default: the plan’s objectionWindowDays)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  days?: number;
}

export class PublishDto {
  @ApiPropertyOptional({ description: 'required for a correction (version 2 onwards)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ObjectionDto {
  @ApiProperty({ example: 'Nilai verifikasi lapangan tidak mempertimbangkan data dukung tambahan' })
  @IsString()
  @IsNotBlank()
  @MaxLength(5000)
  reason: string;
}

export class AnswerDto {
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(5000) answer: string;
  @ApiProperty({ enum: ['upheld', 'rejected'] }) @IsIn(['upheld', 'rejected']) decision: 'upheld' | 'rejected';
}

export class ReopenForObjectionDto {
  @ApiProperty({
    example: 'field_verification',
    description:
      'the scored stage whose sheets of the innovation go back to its jurors, or the screening stage whose failed decision goes back to the screener',
  })
  @IsNotBlank()
  @MaxLength(40)
  stage: string;
  @ApiProperty({ example: 'Sanggahan dikabulkan: data armada baru belum dinilai' }) @IsNotBlank() @MaxLength(2000) reason: string;
}

export class SettleForObjectionDto {
  @ApiProperty({ example: 'presentation', description: 'the closed scored stage the reinstated innovation was judged in late' })
  @IsNotBlank()
  @MaxLength(40)
  stage: string;
}

export class CatalogueQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  digital?: boolean;
  @ApiPropertyOptional({ description: 'competition slug' }) @IsOptional() @Matches(/^[a-z0-9-]{1,80}$/) competition?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class ExportRankingDto {
  @ApiProperty({ enum: TABLE_FORMATS, description: 'csv (UTF-8 with a byte-order mark) or xlsx' })
  @IsIn(TABLE_FORMATS)
  format: TableFormat;

  @ApiPropertyOptional({ description: 'a published version (default: the latest)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class VersionQueryDto {
  @ApiPropertyOptional({ description: 'a published version (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class UnrankedQueryDto extends VersionQueryDto {
  @ApiPropertyOptional({ description: 'one category (e.g. kota)' }) @IsOptional() @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}
