import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { DocumentKind, IndexFramework } from '@app/regional-index';
import type { EditionCategory, EditionStatus } from '../domain';

/** An index edition: its framework (configuration, frozen once the self-assessment opens), windows and status. */
@Entity('index_editions')
export class IndexEditionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 80, unique: true }) slug: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'varchar', length: 20, default: 'draft' }) status: EditionStatus;
  @Column({ type: 'jsonb' }) framework: IndexFramework;
  /** The region kinds ranked, each its own category. */
  @Column({ type: 'jsonb' }) categories: EditionCategory[];
  @Column({ type: 'timestamptz', name: 'self_assessment_opens_at', nullable: true }) selfAssessmentOpensAt: Date | null;
  @Column({ type: 'timestamptz', name: 'self_assessment_closes_at', nullable: true }) selfAssessmentClosesAt: Date | null;
  @Column({ type: 'timestamptz', name: 'verification_opens_at', nullable: true }) verificationOpensAt: Date | null;
  @Column({ type: 'timestamptz', name: 'verification_closes_at', nullable: true }) verificationClosesAt: Date | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A region taking part in an edition (created with its first answer); `submittedAt` once its coordinator submits. */
@Entity('index_participants')
export class IndexParticipantEntity {
  @PrimaryColumn({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @PrimaryColumn({ type: 'uuid', name: 'region_id' }) regionId: string;
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', name: 'submitted_by', nullable: true }) submittedBy: string | null;
}

/** An innovation an OPD reports for the edition; `innovationId` when it is one entered in a competition. */
@Entity('index_innovations')
@Unique('index_innovations_edition_innovation_uq', ['editionId', 'innovationId'])
export class IndexInnovationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('index_innovations_edition_region_idx')
  @Column({ type: 'uuid', name: 'edition_id' })
  editionId: string;
  @Column({ type: 'uuid', name: 'region_id' }) regionId: string;
  @Column({ type: 'uuid', name: 'organization_id' }) organizationId: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'uuid', name: 'innovation_id', nullable: true }) innovationId: string | null;
  /** null until a validator decides; false = not counted under the verified basis. */
  @Column({ type: 'boolean', nullable: true }) eligible: boolean | null;
  @Column({ type: 'text', name: 'eligibility_reason', nullable: true }) eligibilityReason: string | null;
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * One answer to one indicator: a region's (`indexInnovationId` null) or one of its innovations'. `version`
 * counts every change (self or verified); each change is also an audit event with before and after.
 */
@Entity('index_answers')
@Unique('index_answers_owner_indicator_uq', ['editionId', 'owner', 'indicator'])
export class IndexAnswerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Index('index_answers_region_idx')
  @Column({ type: 'uuid', name: 'region_id' })
  regionId: string;
  @Column({ type: 'uuid', name: 'index_innovation_id', nullable: true }) indexInnovationId: string | null;
  /** The region's id (a region answer) or the index innovation's id: one answer per owner and indicator. */
  @Column({ type: 'varchar', length: 40 }) owner: string;
  @Column({ type: 'varchar', length: 80 }) indicator: string;
  @Column({ type: 'varchar', length: 80, name: 'self_option' }) selfOption: string;
  @Column({ type: 'text', nullable: true }) link: string | null;
  @Column({ type: 'varchar', length: 80, name: 'verified_option', nullable: true }) verifiedOption: string | null;
  /** The validator's note to the region; published with the index where the verified option differs from the region's. */
  @Column({ type: 'text', name: 'verified_note', nullable: true }) verifiedNote: string | null;
  /** The validator's internal note (organizers and validators only; never shown to the region or published). */
  @Column({ type: 'text', name: 'verified_internal_note', nullable: true }) verifiedInternalNote: string | null;
  @Column({ type: 'uuid', name: 'verified_by', nullable: true }) verifiedBy: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'uuid', name: 'updated_by' }) updatedBy: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A validator (a juror account) assigned to check a region's answers. */
@Entity('index_validators')
export class IndexValidatorEntity {
  @PrimaryColumn({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @PrimaryColumn({ type: 'uuid', name: 'region_id' }) regionId: string;
  @PrimaryColumn({ type: 'uuid', name: 'validator_id' }) validatorId: string;
  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' }) assignedAt: Date;
}

/** A published index: the §4b snapshot {input, output, hash}; never updated (a trigger refuses it). */
@Entity('index_snapshots')
@Unique('index_snapshots_edition_version_uq', ['editionId', 'version'])
export class IndexSnapshotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'int' }) version: number;
  /**
   * The input's canonical JSON (the bytes its hashes are taken over) as gzip, made by the API (migration 1795880000000);
   * read only through IndexEditionsRepository.snapshotInput (a national edition's is ~8 MB, its JSON ~108 MB).
   */
  @Column({ type: 'bytea', name: 'input_gzip', select: false }) inputGzip: Buffer;
  @Column({ type: 'jsonb' }) output: object;
  @Column({ type: 'varchar', length: 80 }) hash: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** Region names and kinds at publication (the public read model). */
  @Column({ type: 'jsonb' }) labels: object;
  @Column({ type: 'uuid', name: 'published_by' }) publishedBy: string;
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
}

/** An evidence document of an answer (bukti dukung), stored like innovation evidence (PDF, JPEG, PNG by content). */
@Entity('index_documents')
export class IndexDocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'uuid', name: 'region_id' }) regionId: string;
  @Index('index_documents_answer_idx')
  @Column({ type: 'uuid', name: 'answer_id' })
  answerId: string;
  @Column({ type: 'varchar', length: 20 }) kind: DocumentKind;
  @Column({ type: 'varchar', length: 200, name: 'file_name' }) fileName: string;
  @Column({ type: 'varchar', length: 60, name: 'media_type' }) mediaType: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'varchar', length: 200, name: 'storage_key' }) storageKey: string;
  @Column({ type: 'uuid', name: 'uploaded_by' }) uploadedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const INDEX_EDITION_ENTITIES = [
  IndexEditionEntity,
  IndexParticipantEntity,
  IndexInnovationEntity,
  IndexAnswerEntity,
  IndexValidatorEntity,
  IndexSnapshotEntity,
  IndexDocumentEntity,
];
