import { api, call, postCsv } from './client';
import type { components } from './schema';

/** The OPD's survey screens (libs/surveys): units, periods, imports, exclusions, evidence links. */
type Schemas = components['schemas'];
export type SurveyUnit = Schemas['SurveyUnitView'];
export type SurveyUnitDetail = Schemas['SurveyUnitDetailView'];
export type SurveyPeriod = Schemas['SurveyPeriodView'];
export type SurveyPeriodDetail = Schemas['SurveyPeriodDetailView'];
export type PublicUnitHistory = Schemas['PublicUnitHistoryView'];

const path = (id: string) => ({ params: { path: { id } } });
export const surveyUnits = () => call(api.GET('/api/survey-units'));
export const createSurveyUnit = (body: Schemas['CreateSurveyUnitDto']) => call(api.POST('/api/survey-units', { body }));
export const surveyUnit = (id: string) => call(api.GET('/api/survey-units/{id}', path(id)));
export const createSurveyPeriod = (unitId: string, body: Schemas['CreateSurveyPeriodDto']) =>
  call(api.POST('/api/survey-units/{id}/periods', { ...path(unitId), body }));
export const surveyPeriod = (id: string) => call(api.GET('/api/survey-periods/{id}', path(id)));
export const importSurveyCsv = (periodId: string, csv: string) =>
  postCsv<Schemas['ImportResultView']>(`/api/survey-periods/${periodId}/imports`, csv);
export const excludeResponses = (periodId: string, responseIds: string[], reason: string) =>
  call(api.POST('/api/survey-periods/{id}/exclusions', { ...path(periodId), body: { responseIds, reason } }));
export const linkSurveyEvidence = (innovationId: string, body: Schemas['LinkSurveyEvidenceDto']) =>
  call(api.POST('/api/innovations/{id}/survey-evidence', { ...path(innovationId), body }));
export const publicUnitHistory = (id: string) => call(api.GET('/api/public/survey-units/{id}', path(id)));
export const publicSurveyEvidence = (innovationId: string) =>
  call(api.GET('/api/public/innovations/{id}/survey-evidence', path(innovationId)));
