import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GivenInput } from '@app/scoring';

/** A context that owns the given stage scores of some competitions (region awards: the verified IID). */
export type GivenScoresSource = (competitionId: string, tx?: EntityManager) => Promise<GivenInput[]>;

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

  async scoresFor(competitionId: string, tx?: EntityManager): Promise<GivenInput[]> {
    const all: GivenInput[] = [];
    for (const source of this.sources) all.push(...(await source(competitionId, tx)));
    return all;
  }
}
