import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, IsNotBlank } from '@app/common';
import { ORGANIZATION_KINDS, REGION_KINDS, type OrganizationKind, type RegionKind } from '../domain/region-kind';

export class CreateRegionDto {
  @ApiProperty({ example: 'Kota Bekasi' }) @IsString() @IsNotBlank() @MaxLength(200) name: string;
  @ApiProperty({ enum: REGION_KINDS }) @IsIn(REGION_KINDS) kind: RegionKind;
  @ApiPropertyOptional({ example: '32.75' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9.]{2,20}$/, { message: 'code must be a BPS code like 32.75' })
  code?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
}

export class RegionQueryDto {
  @ApiPropertyOptional({ enum: REGION_KINDS }) @IsOptional() @IsIn(REGION_KINDS) kind?: RegionKind;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: 'RSUD Kota Bekasi' }) @IsString() @IsNotBlank() @MaxLength(300) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() regionId: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, default: 'opd' }) @IsOptional() @IsIn(ORGANIZATION_KINDS) kind?: OrganizationKind;
  @ApiPropertyOptional({ example: 'RSUD-BKS' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'code may hold letters, digits, dot, dash and underscore (at most 40)' })
  code?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string;
}

export { PageQueryDto };

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class RegionView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGION_KINDS }) kind: RegionKind;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ type: [String], example: ['perbatasan'], description: 'Tags for award and index groups across kinds' }) tags: string[];
}

export class OrganizationView {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty() regionId: string;
  @ApiPropertyOptional() regionName?: string;
  @ApiPropertyOptional({ enum: REGION_KINDS }) regionKind?: RegionKind;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class OrganizationPageView {
  @ApiProperty({ type: [OrganizationView] }) items: OrganizationView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** An accepted CSV import: how many rows were created, and the organizations. */
export class OrganizationImportView {
  @ApiProperty() created: number;
  @ApiProperty({ type: [OrganizationView] }) items: OrganizationView[];
}

export class RegionTagsDto {
  @ApiProperty({ type: [String], example: ['daerah_tertinggal', 'perbatasan'], description: 'Replaces the region’s tags; [] clears them' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags: string[];
}

export class NationalAreasImportView {
  @ApiProperty({ example: 'idn-area-data@4.0.1', description: 'The data package and version the areas come from' }) source: string;
  @ApiProperty({ example: 38 }) provinces: number;
  @ApiProperty({ example: 416 }) kabupaten: number;
  @ApiProperty({ example: 98 }) kota: number;
  @ApiProperty({ description: 'Regions created by this import' }) created: number;
  @ApiProperty({ description: 'Existing regions given their official code, name or parent' }) updated: number;
  @ApiProperty({ description: 'Existing regions already matching the package' }) unchanged: number;
}

export class RegionTagsImportView {
  @ApiProperty({ description: 'Regions whose tags changed' }) updated: number;
  @ApiProperty({ description: 'Regions named in the file whose tags were already these' }) unchanged: number;
  @ApiProperty({ type: [RegionView] }) items: RegionView[];
}
