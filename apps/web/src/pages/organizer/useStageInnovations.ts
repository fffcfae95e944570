import { innovationsPage } from '../../api/organizer';
import type { Competition } from '../../api/types';
import { useLoad } from '../../components/useLoad';

/** The innovations that have reached a stage (up to 200), reloaded whenever the competition is. */
export function useStageInnovations(competition: Competition, stageKey: string) {
  return useLoad(async () => (await innovationsPage(competition.id, { stage: stageKey, pageSize: 200 })).items, [competition, stageKey]);
}
