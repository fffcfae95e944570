/** The OPD's pages: one chunk, loaded only when an OPD user opens one. */
export { InnovationPage } from './InnovationPage';
export { MyInnovationsPage } from './MyInnovationsPage';
