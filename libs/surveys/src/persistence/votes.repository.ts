import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Stamped, VerifiedVote } from '../domain';
import { FavouritePollEntity, FavouriteVoteEntity } from './votes.entities';

/** The favourite vote's SQL: polls per competition category, votes with their verification. */
@Injectable()
export class VotesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  m(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  insertPoll(
    tx: EntityManager,
    row: Pick<FavouritePollEntity, 'competitionId' | 'category' | 'opensAt' | 'closesAt' | 'candidates' | 'createdBy'>,
  ): Promise<FavouritePollEntity> {
    return tx.save(tx.create(FavouritePollEntity, row));
  }

  findPoll(id: string, tx?: EntityManager): Promise<FavouritePollEntity | null> {
    return this.m(tx).findOne(FavouritePollEntity, { where: { id } });
  }

  pollsOf(competitionId: string): Promise<FavouritePollEntity[]> {
    return this.m().find(FavouritePollEntity, { where: { competitionId }, order: { category: 'ASC' } });
  }

  insertVote(
    tx: EntityManager,
    row: Pick<
      FavouriteVoteEntity,
      'id' | 'pollId' | 'innovationId' | 'voterHash' | 'emailDomain' | 'addressHash' | 'channel' | 'tokenHash' | 'requestedAt' | 'expiresAt'
    >,
  ): Promise<FavouriteVoteEntity> {
    return tx.save(tx.create(FavouriteVoteEntity, row));
  }

  /** The vote a link stands for, locked, so two clicks of one link verify it once. */
  lockByToken(tx: EntityManager, tokenHash: string): Promise<FavouriteVoteEntity | null> {
    return tx.findOne(FavouriteVoteEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Serialises verifications of one voter in one poll, so only one of their votes can become the counted one. */
  lockVoter(tx: EntityManager, pollId: string, voterHash: string): Promise<unknown> {
    return tx.query(`SELECT pg_advisory_xact_lock(hashtext('favourite-vote:' || $1 || ':' || $2))`, [pollId, voterHash]);
  }

  async hasVerified(pollId: string, voterHash: string, tx?: EntityManager): Promise<boolean> {
    const rows = await this.m(tx).query(
      `SELECT 1 FROM favourite_votes WHERE poll_id = $1 AND voter_hash = $2 AND verified_at IS NOT NULL LIMIT 1`,
      [pollId, voterHash],
    );
    return rows.length > 0;
  }

  markVerified(tx: EntityManager, id: string, at: Date): Promise<unknown> {
    return tx.update(FavouriteVoteEntity, { id }, { verifiedAt: at });
  }

  verified(pollId: string): Promise<VerifiedVote[]> {
    return this.m().query(
      `SELECT innovation_id AS "innovationId", voter_hash AS voter FROM favourite_votes WHERE poll_id = $1 AND verified_at IS NOT NULL ORDER BY voter_hash`,
      [pollId],
    );
  }

  verifiedStamps(pollId: string): Promise<Stamped[]> {
    return this.m().query(
      `SELECT id, verified_at AS at FROM favourite_votes WHERE poll_id = $1 AND verified_at IS NOT NULL ORDER BY verified_at, id`,
      [pollId],
    );
  }

  async counts(pollId: string): Promise<{ requested: number; verified: number }> {
    const [row] = await this.m().query(
      `SELECT count(*)::int AS requested, count(verified_at)::int AS verified FROM favourite_votes WHERE poll_id = $1`,
      [pollId],
    );
    return row;
  }
}
