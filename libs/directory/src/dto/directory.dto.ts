import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto, IsNotBlank } from '@app/common';
import { ORGANIZATION_KINDS, REGION_KINDS, type OrganizationKind, type RegionKind } from '../domain/region-kind';

export class CreateRegionDto {
  @ApiProperty({ example: 'Kota Bekasi' }) @IsString() @IsNotBlank() @MaxLength(200) name: string;
  @ApiProperty({ enum: REGION_KINDS }) @IsIn(REGION_KINDS) kind: RegionKind;
  @ApiPropertyOptional({ example: '32.75' }) @IsOptional() @IsString() @Matches(/^[0-9.]{2,20}$/, { message: 'code must be a BPS code like 32.75' }) code?: string;
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
  @ApiPropertyOptional({ example: 'RSUD-BKS' }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'code may hold letters, digits, dot, dash and underscore (at most 40)' }) code?: string;
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
