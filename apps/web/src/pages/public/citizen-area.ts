// The citizens' pages (survey form, IKM, favourite vote): one chunk, loaded with the citizen dictionary.
export { SurveyIkmPage, SurveyPage, UnitHistoryPage } from './SurveyPage';
export { FavouriteVotePage, VoteConfirmPage } from './FavouriteVotePage';
