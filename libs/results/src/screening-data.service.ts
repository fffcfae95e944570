import { Injectable } from '@nestjs/common';
import { NotFound, type Actor } from '@app/common';
import { CompetitionsService } from '@app/competitions';
import { InnovationsRepository, InnovationsService, isSameInnovationTitle, titleSimilarity } from '@app/submissions';
import { ResultsRepository } from './persistence/results.repository';

/**
 * What screeners check beyond the form: other entries of the edition with the same title (the duplicate-title
 * rule is decided here, by people, instead of blocking whoever submits second) and the innovation's lineage —
 * the same organization's entries of earlier published editions with the same or a similar title, and whether
 * they were ranked there ("not a previous winner").
 */
@Injectable()
export class ScreeningDataService {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly innovations: InnovationsService,
    private readonly innovationRows: InnovationsRepository,
    private readonly repo: ResultsRepository,
  ) {}

  async of(actor: Actor, innovationId: string) {
    const { innovation, relation } = await this.innovations.relate(actor, innovationId);
    if (relation !== 'organizer') throw new NotFound('INNOVATION_NOT_FOUND', `innovation ${innovationId} not found`);
    const competition = await this.competitions.snapshot(innovation.competitionId);
    const duplicates = competition.plan.eligibility.noDuplicateTitle
      ? await this.innovationRows.sameTitleEntries(innovation.competitionId, innovation.id, innovation.title)
      : [];
    const earlier = (await this.repo.earlierEntriesOf(innovation.organizationId, innovation.competitionId, competition.year)).filter((e) =>
      isSameInnovationTitle(innovation.title, e.title),
    );
    const previousWinners = earlier.filter((e) => e.rank !== null);
    const flags = [...(duplicates.length ? ['DUPLICATE_TITLE'] : []), ...(previousWinners.length ? ['PREVIOUS_WINNER'] : [])];
    return {
      innovationId: innovation.id,
      flags,
      duplicateTitles: duplicates.map((d) => ({
        innovationId: d.id,
        title: d.title,
        organization: d.organizationName,
        status: d.status,
        submittedAt: d.submittedAt,
      })),
      earlierEntries: earlier.map((e) => ({
        ...e,
        similarity: Math.round(titleSimilarity(innovation.title, e.title) * 100) / 100,
        winner: e.rank !== null,
      })),
    };
  }
}
