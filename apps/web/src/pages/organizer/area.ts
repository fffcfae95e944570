/** The organizer's pages: one chunk, loaded only when an organizer or admin opens one. */
export { DeadLettersPage } from './DeadLettersPage';
export { EditionPage } from './EditionPage';
export { EditionsPage } from './EditionsPage';
export { ImportPage } from './ImportPage';
export { InnovationsPage } from './InnovationsPage';
export { PlanPage } from './PlanPage';
export { ProposalPage } from './ProposalPage';
export { ResultsPage } from './ResultsPage';
export { StagePage } from './StagePage';
export { AwardNomineesPage } from './AwardNomineesPage';
