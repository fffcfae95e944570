import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

export interface PollCandidate {
  innovationId: string;
  title: string;
  organization: string;
}

/** A public "Juara Favorit" vote among a competition category's finalists, open in a window. */
@Entity('favourite_polls')
@Unique('favourite_polls_competition_category_uq', ['competitionId', 'category'])
@Check('favourite_polls_window_ck', `opens_at < closes_at`)
export class FavouritePollEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'competition_id' }) competitionId: string;
  @Column({ type: 'varchar', length: 40 }) category: string;
  @Column({ type: 'timestamptz', name: 'opens_at' }) opensAt: Date;
  @Column({ type: 'timestamptz', name: 'closes_at' }) closesAt: Date;
  /** The finalists when the vote was opened (titles and organizations as then). */
  @Column({ type: 'jsonb' }) candidates: PollCandidate[];
  @Column({ type: 'uuid', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

/**
 * One vote: the voter's e-mail only as a hash (its domain kept for disposable-domain review), the one-time
 * link only as a hash, and when it was verified. Only verified votes count; one per voter and poll.
 */
@Entity('favourite_votes')
@Index('favourite_votes_voter_uq', ['pollId', 'voterHash'], { unique: true, where: `verified_at IS NOT NULL` })
@Index('favourite_votes_poll_idx', ['pollId', 'requestedAt'])
export class FavouriteVoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'poll_id' }) pollId: string;
  @ManyToOne(() => FavouritePollEntity)
  @JoinColumn({ name: 'poll_id', foreignKeyConstraintName: 'favourite_votes_poll_id_fkey' })
  poll?: FavouritePollEntity;
  @Column({ type: 'uuid', name: 'innovation_id' }) innovationId: string;
  @Column({ type: 'varchar', length: 64, name: 'voter_hash' }) voterHash: string;
  @Column({ type: 'varchar', length: 255, name: 'email_domain' }) emailDomain: string;
  @Column({ type: 'varchar', length: 64, name: 'address_hash', nullable: true }) addressHash: string | null;
  /** How the voter proved who they are: `email` (a one-time link); `phone` is a future channel. */
  @Column({ type: 'varchar', length: 10 }) channel: string;
  @Index('favourite_votes_token_uq', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;
  @Column({ type: 'timestamptz', name: 'requested_at', default: () => 'now()' }) requestedAt: Date;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true }) verifiedAt: Date | null;
}

export const VOTE_ENTITIES = [FavouritePollEntity, FavouriteVoteEntity];
