import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GivenInput } from '@app/scoring';

/** The competition as the ranking has it loaded: its id and plan (a source decides from the plan whether it has scores). */
export interface GivenScoresCompetition {
  id: string;
  plan: { stages: readonly { key: string; given?: boolean }[] };
}

/** A context that owns the given stage scores of some competitions (region awards: the verified IID). */
export type GivenScoresSource = (competition: GivenScoresCompetition, tx?: EntityManager) => Promise<GivenInput[]>;

/**
 * DESIGN §4 rule 10: the given stage scores of a competition, from the contexts that know them (registered at
 * start-up, like InnovationAccessRegistry's readers), so that the ranking preview and publication put them in
 * the scoring input without depending on those contexts.
 */
@Injectable()
export class GivenScoresRegistry {
  private readonly sources: GivenScoresSource[] = [];

  register(source: GivenScoresSource): void {
    this.sources.push(source);
  }

  /** Nothing (and no query) for a plan without a given stage. */
  async scoresFor(competition: GivenScoresCompetition, tx?: EntityManager): Promise<GivenInput[]> {
    if (!competition.plan.stages.some((s) => s.given === true)) return [];
    const all: GivenInput[] = [];
    for (const source of this.sources) all.push(...(await source(competition, tx)));
    return all;
  }
}
