import { Conflict, ValidationFailed } from '@app/kernel';
import { jcsSha256 } from '@app/scoring';
import { SurveyErrorCode } from './surveys.errors';

/**
 * The public "Juara Favorit" vote: one verified vote per person and poll (a poll is one category of one
 * competition), results hidden until the window closes, then a tally anyone can recompute.
 */
export interface PollWindow {
  opensAt: Date;
  closesAt: Date;
}

export function assertVotingOpen(w: PollWindow, now: Date): void {
  if (now.getTime() < w.opensAt.getTime())
    throw new Conflict(SurveyErrorCode.PollNotOpen, 'Voting has not opened yet', { opensAt: w.opensAt.toISOString() });
  if (now.getTime() >= w.closesAt.getTime())
    throw new Conflict(SurveyErrorCode.PollClosed, 'Voting has closed', { closesAt: w.closesAt.toISOString() });
}

export function resultsVisible(w: PollWindow, now: Date): boolean {
  return now.getTime() >= w.closesAt.getTime();
}

const EMAIL = /^[^\s@]{1,64}@([a-z0-9-]+(\.[a-z0-9-]+)+)$/;

/**
 * The identity an e-mail stands for: lower-cased, and for the big free providers without dots and "+tags" in
 * the local part (ani.s+1@gmail.com and anis@gmail.com are one person), so one mailbox is one voter.
 */
export function emailIdentity(raw: string): { identity: string; domain: string } {
  const email = raw.trim().toLowerCase();
  const m = EMAIL.exec(email);
  if (!m || email.length > 254)
    throw new ValidationFailed([{ field: 'email', message: 'must be an e-mail address' }], SurveyErrorCode.VoteInvalid);
  let local = email.slice(0, email.length - m[1].length - 1);
  const domain = m[1] === 'googlemail.com' ? 'gmail.com' : m[1];
  local = local.replace(/\+.*$/, '');
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  if (local === '') throw new ValidationFailed([{ field: 'email', message: 'must be an e-mail address' }], SurveyErrorCode.VoteInvalid);
  return { identity: `${local}@${domain}`, domain };
}

/** True when the domain, or a domain it is under, is on the list of throw-away mail services. */
export function isDisposable(domain: string, list: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return list.some((x) => d === x || d.endsWith(`.${x}`));
}

export interface VerifiedVote {
  innovationId: string;
  /** The keyed hash of the voter's identity (never the e-mail). */
  voter: string;
}

export interface TallyRow {
  innovationId: string;
  votes: number;
}

export interface Tally {
  /** The canonical input: per candidate, its voters' hashes in sorted order. */
  input: { poll: string; candidates: Record<string, string[]> };
  rows: TallyRow[];
  /** `sha256:` + hex SHA-256 of the RFC 8785 canonical JSON of `input` (like the ranking snapshots' digest). */
  hash: string;
}

/**
 * Counts verified votes per candidate (every candidate listed, 0 included), ordered by votes descending then
 * id; the hash lets anyone holding the published input recompute and check the count.
 */
export function tally(pollId: string, candidateIds: readonly string[], votes: readonly VerifiedVote[]): Tally {
  const by = new Map<string, string[]>(candidateIds.map((id) => [id, []]));
  for (const v of votes) by.get(v.innovationId)?.push(v.voter);
  const candidates: Record<string, string[]> = {};
  for (const [id, voters] of by) candidates[id] = [...voters].sort();
  const rows = [...by.entries()]
    .map(([innovationId, voters]) => ({ innovationId, votes: voters.length }))
    .sort((a, b) => b.votes - a.votes || (a.innovationId < b.innovationId ? -1 : 1));
  const input = { poll: pollId, candidates };
  return { input, rows, hash: jcsSha256(input) };
}

/** Recomputes a published tally: true when its hash and counts match its input. */
export function verifyTally(published: { input: Tally['input']; rows: TallyRow[]; hash: string }): boolean {
  const again = tally(
    published.input.poll,
    Object.keys(published.input.candidates),
    Object.entries(published.input.candidates).flatMap(([innovationId, voters]) => voters.map((voter) => ({ innovationId, voter }))),
  );
  return again.hash === published.hash && JSON.stringify(again.rows) === JSON.stringify(published.rows);
}
