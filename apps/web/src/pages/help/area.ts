// The help section: one chunk with the Markdown renderer (marked), loaded on first use.
export { GuidePage, HelpIndexPage } from './HelpPages';
