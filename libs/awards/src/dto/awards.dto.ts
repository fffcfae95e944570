import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { LocalizedTextView } from '@app/common';

/** What the region's coordinator prepares for the presentation; every field optional, absent = unchanged. */
export class PrepareEntryDto {
  @ApiPropertyOptional({ type: String, example: 'Tri Adhianto', nullable: true }) @IsOptional() @IsString() @MaxLength(200) presenterName?:
    string | null;
  @ApiPropertyOptional({ type: String, example: 'Wali Kota Bekasi', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  presenterPosition?: string | null;
  @ApiPropertyOptional({ type: String, example: 'https://bekasikota.go.id/iga-2024.pdf', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  materialsUrl?: string | null;
  @ApiPropertyOptional({
    type: [String],
    description: "ids of the region's innovations in the index snapshot, in the order shown (at most 5)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  showcase?: string[];
  @ApiPropertyOptional({ description: 'the version you edited (409 when it changed since)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ShowcaseItemView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

export class ShowcaseOptionView extends ShowcaseItemView {
  @ApiProperty({ description: 'counted by the index validators' }) eligible: boolean;
}

export class AwardEntryView {
  @ApiProperty({ description: 'the entry (the innovations row standing for the region): stages, jurors, slots and visits use this id' })
  id: string;
  @ApiProperty() competitionId: string;
  @ApiProperty() regionId: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: ['provinsi', 'kabupaten', 'kota'] }) regionKind: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String] }) groups: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'rank by the index in each category or group it was nominated through',
  })
  indexRanks: Record<string, number>;
  @ApiProperty({ description: 'the verified IID: the given stage score' }) iid: number;
  @ApiProperty() indexSnapshotId: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) currentStage: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) presenterName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) presenterPosition: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) materialsUrl: string | null;
  @ApiProperty({ type: [ShowcaseItemView] }) showcase: ShowcaseItemView[];
  @ApiProperty() version: number;
  @ApiProperty({ description: 'whether its coordinator may still change the preparation (until the presentation stage opens)' })
  editable: boolean;
  @ApiPropertyOptional({
    type: [ShowcaseOptionView],
    description: "the region's innovations in the index snapshot (coordinator and organizers)",
  })
  options?: ShowcaseOptionView[];
}

export class NominationView {
  @ApiProperty({ type: [AwardEntryView] }) entries: AwardEntryView[];
  @ApiProperty({ type: [String], description: 'regions in a group’s top N that no category takes (not entered)' })
  withoutCategory: string[];
}

export class AwardRowView {
  @ApiProperty() rank: number;
  @ApiProperty({ description: 'the entry id (certificate: GET /api/public/rankings/{snapshotId}/certificates/{entryId})' }) entryId: string;
  @ApiProperty() regionId: string;
  @ApiProperty() region: string;
  @ApiProperty() final: number;
  @ApiPropertyOptional({ type: String, nullable: true }) band: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) stages: Record<string, number>;
  @ApiProperty({ type: [ShowcaseItemView], description: 'the flagship innovations it presented' }) flagship: ShowcaseItemView[];
  @ApiProperty({ description: "the region's page in the index" }) indexUrl: string;
}

export class AwardSectionView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ enum: ['category', 'group'] }) kind: 'category' | 'group';
  @ApiProperty({ type: [AwardRowView] }) rows: AwardRowView[];
}

export class AwardIndexRefView {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() snapshotId: string;
  @ApiProperty() version: number;
}

export class AwardCompetitionRefView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
}

export class AwardSnapshotRefView {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() hash: string;
  @ApiProperty() publishedAt: Date;
}

export class AwardStageView {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty() weight: number;
}

export class AwardResultsView {
  @ApiProperty({ type: AwardCompetitionRefView }) competition: AwardCompetitionRefView;
  @ApiProperty({ type: AwardSnapshotRefView }) snapshot: AwardSnapshotRefView;
  @ApiProperty({ type: AwardIndexRefView }) index: AwardIndexRefView;
  @ApiProperty({ type: [AwardStageView] }) stages: AwardStageView[];
  @ApiProperty({ type: [AwardSectionView], description: 'one section per category, then one per award group (the same snapshot)' })
  sections: AwardSectionView[];
}

export class AwardPlacementView {
  @ApiProperty() section: string;
  @ApiProperty({ type: LocalizedTextView }) label: LocalizedTextView;
  @ApiProperty({ enum: ['category', 'group'] }) kind: 'category' | 'group';
  @ApiProperty() rank: number;
  @ApiProperty() final: number;
}

export class AwardRegionView {
  @ApiProperty({ type: AwardCompetitionRefView }) competition: AwardCompetitionRefView;
  @ApiProperty({ type: AwardSnapshotRefView }) snapshot: AwardSnapshotRefView;
  @ApiProperty() entryId: string;
  @ApiProperty() regionId: string;
  @ApiProperty() region: string;
  @ApiProperty({ type: [AwardPlacementView] }) placements: AwardPlacementView[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) stages: Record<string, number>;
  @ApiPropertyOptional({ type: String, nullable: true }) presenterName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) presenterPosition: string | null;
  @ApiProperty({ type: [ShowcaseItemView] }) flagship: ShowcaseItemView[];
  @ApiProperty() indexUrl: string;
  @ApiProperty() certificateUrl: string;
}

export class AwardVersionQueryDto {
  @ApiPropertyOptional({ description: 'a published version (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
