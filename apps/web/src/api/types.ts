import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * The API's views as the web app reads them. The OpenAPI document types `string | null` properties as
 * `object` (the DTOs' decorators lack `type`), and `sections` as an object without values, so those few are
 * restated here; `Refine` only accepts keys the
 * generated view has, so a renamed or removed property still breaks the build.
 */
type Refine<T, R extends Partial<Record<keyof T, unknown>>> = Omit<T, keyof R> & R;
type Text = string | null;

export type User = Schemas['UserView'];
export type TokenPair = Schemas['TokenPairView'];
export type Stage = Refine<Schemas['StageDto'], { opensAt?: Text; closesAt?: Text }>;
export type Plan = Refine<Schemas['PlanDto'], { stages: Stage[] }>;
export type Competition = Refine<Schemas['CompetitionView'], { description?: Text; plan: Plan }>;
export type Section = Schemas['SectionDto'];
export type Eligibility = Schemas['EligibilityDto'];
export type InnovationStatus = Schemas['InnovationView']['status'];
export type Innovation = Refine<
  Schemas['InnovationView'],
  {
    currentStage?: Text;
    summary?: Text;
    digital?: boolean | null;
    governmentAffair?: Text;
    startDate?: Text;
    problem?: Text;
    approach?: Text;
    results?: Text;
    replicability?: Text;
    sustainability?: Text;
    submittedAt?: Text;
  }
>;
export type InnovationUpdate = Refine<Schemas['UpdateInnovationDto'], { sections?: Record<string, string> }>;
export type HistoryEntry = Refine<Schemas['HistoryView'], { from?: Text; stage?: Text; actorName?: Text; reason?: Text; reasonCode?: Text; reasonParams?: Record<string, string | number | boolean> | null }>;
export type DocumentInfo = Schemas['DocumentView'];

/** GET /api/competitions/:id/innovations (the document gives no response schema). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/me/innovations. */
export interface MyInnovations {
  editions: { competition: Competition; innovations: Innovation[] }[];
}

/** GET /api/me/waiting (the document gives no response schema). */
export interface Waiting {
  counts: Partial<Record<InnovationStatus, number>>;
  items: Innovation[];
}
