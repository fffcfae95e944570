import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  accountToken,
  accountTokenHash,
  accountTokenId,
  Conflict,
  isIsoInstant,
  NotFound,
  ValidationFailed,
  type Actor,
  type FieldError,
} from '@app/common';
import type { AppEnv } from '@app/config';
import { AuditService } from '@app/audit';
import { CompetitionsService } from '@app/competitions';
import { DirectoryService } from '@app/directory';
import { InnovationsService } from '@app/submissions';
import { OutboxService } from '@app/notifications';
import {
  assertVotingOpen,
  assertWindow,
  emailIdentity,
  findBursts,
  isDisposable,
  resultsVisible,
  SurveyErrorCode,
  tally,
  type RateLimit,
} from './domain';
import { VotesRepository } from './persistence/votes.repository';
import type { FavouritePollEntity, PollCandidate } from './persistence/votes.entities';
import { CitizenHasher } from './citizen-hash';
import { SurveysService } from './surveys.service';
import type { CastVoteDto, CreatePollDto, PollAdminView, PublicPollView, VoteAcceptedView, VoteVerifiedView } from './dto/votes.dto';

/**
 * How a voter proves who they are. `email` (a one-time link sent through the notifications outbox) is the one
 * implemented; a phone OTP channel would implement the same two steps (identity, then deliver a secret).
 */
export interface VerificationChannel {
  readonly name: 'email' | 'phone';
  /** The voter's normalised identity (hashed before it is stored) and, for e-mail, its domain. */
  identify(raw: string): { identity: string; domain: string };
  /**
   * Sends the secret that verifies the vote, inside the vote's transaction. The message names the vote, not the
   * secret: the channel works the secret out again when it sends (so no stored row or admin view holds it).
   */
  deliver(
    tx: EntityManager,
    to: { voteId: string; address: string },
    message: { competition: string; category: string; innovation: string; expiresAt: Date },
  ): Promise<void>;
}

@Injectable()
export class EmailVerificationChannel implements VerificationChannel {
  readonly name = 'email' as const;
  constructor(private readonly outbox: OutboxService) {}

  identify(raw: string) {
    return emailIdentity(raw);
  }

  async deliver(
    tx: EntityManager,
    to: { voteId: string; address: string },
    m: { competition: string; category: string; innovation: string; expiresAt: Date },
  ): Promise<void> {
    // The voter has no account: the vote's id stands as the recipient; the row goes out on the e-mail channel only.
    // The payload holds the vote's id (`tokenId`); delivery signs the link from it (withAccountToken).
    await this.outbox.add(tx, [
      {
        type: 'favourite_vote_verify',
        recipientId: to.voteId,
        channel: 'email',
        address: to.address,
        locale: 'id',
        payload: {
          competition: m.competition,
          category: m.category,
          innovation: m.innovation,
          tokenId: to.voteId,
          expiresAt: m.expiresAt.toISOString(),
        },
        dedupeKey: `favourite_vote_verify:${to.voteId}@${to.voteId}/email`,
        competitionId: null,
        availableAt: new Date(),
        guard: null,
        held: false,
      },
    ]);
  }
}

const LINK_TTL_MS = 24 * 3600_000;

@Injectable()
export class VotesService {
  private readonly limit: RateLimit;
  private readonly disposable: readonly string[];
  private readonly linkSecret: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: VotesRepository,
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly hasher: CitizenHasher,
    private readonly surveys: SurveysService,
    private readonly channel: EmailVerificationChannel,
    config: ConfigService<AppEnv, true>,
  ) {
    const c = config.get('citizen', { infer: true });
    this.limit = { max: c.voteRequestsPerHour, windowSeconds: 3600 };
    this.disposable = c.disposableDomains;
    // The same secret delivery signs the link with (API and worker share it).
    this.linkSecret = config.get('jwt', { infer: true }).refreshSecret;
  }

  /** An organizer opens the vote for a category's finalists (submitted innovations of the competition). */
  async createPoll(actor: Actor, competitionId: string, dto: CreatePollDto): Promise<PollAdminView> {
    await this.competitions.assertManages(actor, competitionId);
    const fields: FieldError[] = [];
    if (!isIsoInstant(dto.opensAt)) fields.push({ field: 'opensAt', message: 'must be an RFC 3339 timestamp with an offset' });
    if (!isIsoInstant(dto.closesAt)) fields.push({ field: 'closesAt', message: 'must be an RFC 3339 timestamp with an offset' });
    if (fields.length) throw new ValidationFailed(fields, SurveyErrorCode.PollInvalid);
    const window = { opensAt: new Date(dto.opensAt), closesAt: new Date(dto.closesAt) };
    assertWindow(window);
    const candidates: PollCandidate[] = [];
    for (const [i, id] of [...new Set(dto.innovationIds)].entries()) {
      const found = await this.innovations.relate(actor, id).catch(() => null);
      const i9 = found?.innovation;
      if (!i9 || i9.competitionId !== competitionId || i9.category !== dto.category || i9.status !== 'submitted') {
        fields.push({
          field: `innovationIds[${i}]`,
          message: `must be a submitted innovation of this competition in category ${dto.category}`,
        });
        continue;
      }
      candidates.push({
        innovationId: i9.id,
        title: i9.title,
        organization: (await this.directory.findOrganization(i9.organizationId))?.name ?? '',
      });
    }
    if (fields.length) throw new ValidationFailed(fields, SurveyErrorCode.PollInvalid);
    const poll = await this.db.transaction(async (tx) => {
      const p = await this.repo.insertPoll(tx, { competitionId, category: dto.category, ...window, candidates, createdBy: actor.id });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'favourite_poll.create',
        entityType: 'favourite_poll',
        entityId: p.id,
        competitionId,
        after: { category: p.category, ...window, candidates: candidates.map((c) => c.innovationId) },
      });
      return p;
    });
    return this.adminView(poll);
  }

  async listPolls(actor: Actor, competitionId: string): Promise<PollAdminView[]> {
    await this.competitions.assertManages(actor, competitionId);
    return Promise.all((await this.repo.pollsOf(competitionId)).map((p) => this.adminView(p)));
  }

  async publicPoll(id: string, now = new Date()): Promise<PublicPollView> {
    const poll = await this.pollOr404(id);
    const competition = await this.competitions.snapshot(poll.competitionId).catch(() => null);
    const closed = resultsVisible(poll, now);
    const result = closed
      ? tally(
          poll.id,
          poll.candidates.map((c) => c.innovationId),
          await this.repo.verified(poll.id),
        )
      : null;
    return {
      id: poll.id,
      competition: competition?.name ?? '',
      category: poll.category,
      opensAt: poll.opensAt,
      closesAt: poll.closesAt,
      open: now >= poll.opensAt && now < poll.closesAt,
      candidates: poll.candidates,
      results: result ? { rows: result.rows, hash: result.hash, input: result.input } : null,
    };
  }

  /** A vote request: checked, stored unverified with the link's hash, and the link mailed through the outbox. */
  async cast(pollId: string, dto: CastVoteDto, address: string, now = new Date()): Promise<VoteAcceptedView> {
    const poll = await this.pollOr404(pollId);
    assertVotingOpen(poll, now);
    const candidate = poll.candidates.find((c) => c.innovationId === dto.innovationId);
    if (!candidate)
      throw new ValidationFailed([{ field: 'innovationId', message: 'must be one of the poll’s candidates' }], SurveyErrorCode.VoteInvalid);
    const { identity, domain } = this.channel.identify(dto.email);
    if (isDisposable(domain, this.disposable))
      throw new ValidationFailed([{ field: 'email', message: 'disposable e-mail addresses cannot vote' }], SurveyErrorCode.EmailDisposable);
    const voterHash = this.hasher.hash(`voter:${poll.id}`, identity);
    if (await this.repo.hasVerified(poll.id, voterHash))
      throw new Conflict(SurveyErrorCode.AlreadyVoted, 'This e-mail address has already voted in this category');
    const competition = await this.competitions.snapshot(poll.competitionId).catch(() => null);
    const voteId = randomUUID();
    const expiresAt = new Date(Math.min(now.getTime() + LINK_TTL_MS, poll.closesAt.getTime()));
    await this.db.transaction(async (tx) => {
      const vote = await this.repo.insertVote(tx, {
        id: voteId,
        pollId: poll.id,
        innovationId: candidate.innovationId,
        voterHash,
        emailDomain: domain,
        addressHash: this.hasher.hash('address', address),
        channel: this.channel.name,
        tokenHash: accountTokenHash(accountToken(this.linkSecret, 'favourite_vote', voteId)),
        requestedAt: now,
        expiresAt,
      });
      await this.channel.deliver(
        tx,
        { voteId: vote.id, address: dto.email.trim() },
        { competition: competition?.name ?? '', category: poll.category, innovation: candidate.title, expiresAt },
      );
    });
    return { status: 'verification_sent', expiresAt };
  }

  /** Opening the link: the vote counts from now, once per voter and poll. */
  async verify(token: string, now = new Date()): Promise<VoteVerifiedView> {
    return this.db.transaction(async (tx) => {
      const vote = accountTokenId(this.linkSecret, 'favourite_vote', token)
        ? await this.repo.lockByToken(tx, accountTokenHash(token))
        : null;
      if (!vote) throw new NotFound(SurveyErrorCode.LinkInvalid, 'This confirmation link is not valid');
      if (vote.verifiedAt) return { verified: true, innovationId: vote.innovationId, verifiedAt: vote.verifiedAt };
      const poll = (await this.repo.findPoll(vote.pollId, tx))!;
      assertVotingOpen(poll, now);
      if (now >= vote.expiresAt)
        throw new Conflict(SurveyErrorCode.LinkExpired, 'This confirmation link has expired; vote again to get a new one');
      await this.repo.lockVoter(tx, poll.id, vote.voterHash);
      if (await this.repo.hasVerified(poll.id, vote.voterHash, tx))
        throw new Conflict(SurveyErrorCode.AlreadyVoted, 'This e-mail address has already voted in this category');
      await this.repo.markVerified(tx, vote.id, now);
      return { verified: true, innovationId: vote.innovationId, verifiedAt: now };
    });
  }

  hitAddress(address: string, now = new Date()): Promise<number> {
    return this.surveys.hitAddress('favourite-vote', address, now, this.limit);
  }

  private async adminView(poll: FavouritePollEntity): Promise<PollAdminView> {
    const [counts, stamps] = await Promise.all([this.repo.counts(poll.id), this.repo.verifiedStamps(poll.id)]);
    return {
      id: poll.id,
      competitionId: poll.competitionId,
      category: poll.category,
      opensAt: poll.opensAt,
      closesAt: poll.closesAt,
      candidates: poll.candidates,
      requested: counts.requested,
      verified: counts.verified,
      bursts: findBursts(stamps, this.surveys.settings.abuse.burst).map((b) => ({ from: b.from, to: b.to, responseIds: b.ids })),
    };
  }

  private async pollOr404(id: string): Promise<FavouritePollEntity> {
    const poll = await this.repo.findPoll(id);
    if (!poll) throw new NotFound(SurveyErrorCode.PollNotFound, `favourite vote ${id} not found`);
    return poll;
  }
}
