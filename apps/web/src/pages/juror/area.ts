/** The juror's pages: one chunk, loaded only when a juror opens one. */
export { JuryPage } from './JuryPage';
export { SheetPage } from './SheetPage';
