/** Pages of every signed-in user: the inbox and a document opened in its own tab. */
export { InboxPage } from './InboxPage';
export { DocumentPage } from '../DocumentPage';
