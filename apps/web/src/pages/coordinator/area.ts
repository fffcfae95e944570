/** The coordinator's pages: one chunk, loaded only when a coordinator opens one. */
export { QueuePage } from './QueuePage';
export { ReviewPage } from './ReviewPage';
export { AwardEntryPage } from './AwardEntryPage';
