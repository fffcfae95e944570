import { api, call } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];

/** Region awards (issue 17): nominees, entries and their preparation, the public results. */
export type AwardEntry = Schemas['AwardEntryView'];
export type AwardResults = Schemas['AwardResultsView'];
export type AwardSection = Schemas['AwardSectionView'];
export type PrepareEntry = Schemas['PrepareEntryDto'];

export const nominate = (competitionId: string) =>
  call(api.POST('/api/competitions/{id}/award-nominees', { params: { path: { id: competitionId } } }));
export const awardEntries = (competitionId: string) =>
  call(api.GET('/api/competitions/{id}/award-entries', { params: { path: { id: competitionId } } }));
export const awardEntry = (entryId: string) => call(api.GET('/api/award-entries/{id}', { params: { path: { id: entryId } } }));
export const prepareEntry = (entryId: string, body: PrepareEntry) =>
  call(api.PATCH('/api/award-entries/{id}', { params: { path: { id: entryId } }, body }));
export const awardResults = (slug: string) => call(api.GET('/api/public/awards/{slug}', { params: { path: { slug }, query: {} } }));
