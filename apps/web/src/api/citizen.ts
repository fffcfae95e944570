import { api, call } from './client';
import type { SurveyAnswer } from './schemas';

/** The citizens' voice: the public satisfaction survey form and IKM (libs/surveys), and the favourite vote. */
export type { PublicIkm, PublicPoll, PublicSurvey, SurveyAnswer } from './schemas';

export const publicSurvey = (code: string) => call(api.GET('/api/public/surveys/{code}', { params: { path: { code } } }));
export const publicIkm = (code: string) => call(api.GET('/api/public/surveys/{code}/ikm', { params: { path: { code } } }));
export const answerSurvey = (code: string, body: SurveyAnswer) =>
  call(api.POST('/api/public/surveys/{code}/responses', { params: { path: { code } }, body }));
export const publicPoll = (id: string) => call(api.GET('/api/public/favourite-polls/{id}', { params: { path: { id } } }));
export const castVote = (id: string, innovationId: string, email: string) =>
  call(api.POST('/api/public/favourite-polls/{id}/votes', { params: { path: { id } }, body: { innovationId, email } }));
export const verifyVote = (token: string) => call(api.POST('/api/public/favourite-votes/verify', { body: { token } }));

/** An innovation's survey evidence (IKM before/after), for whoever may read the innovation (its assigned jurors included). */
export const surveyEvidence = (innovationId: string) =>
  call(api.GET('/api/innovations/{id}/survey-evidence', { params: { path: { id: innovationId } } }));
