/** The regional innovation index pages of signed-in roles: one chunk, loaded when one of them opens. */
export { IndexEditionsPage } from './IndexEditionsPage';
export { SelfAssessmentPage } from './SelfAssessmentPage';
export { OpdIndexPage } from './OpdIndexPage';
export { ValidatorQueuePage, VerifyRegionPage } from './ValidatorPages';
export { OrganizerIndexPage } from './OrganizerIndexPage';
export { FrameworkPage } from './FrameworkPage';
