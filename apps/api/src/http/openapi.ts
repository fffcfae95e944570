import type { OpenAPIObject } from '@nestjs/swagger';

/** What each group of routes is for; every tag an operation uses is listed here (the spectral test checks it). */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  auth: 'Sign-in, token refresh and sign-out; who am I.',
  directory: 'Regions, organizations (OPDs) and user accounts, with CSV imports.',
  competitions: 'Competition editions: plans (categories, stages, rubrics, windows), opening and archiving.',
  submissions: 'Innovations (proposals) and their evidence documents, as OPDs write and submit them.',
  pipeline: 'Running the stages: opening and closing, screening, presentation slots and field visits.',
  jury: 'Assignments, blind score sheets, conflicts, progress and calibration.',
  results: 'Ranking previews, the objection window and publication of immutable snapshots.',
  index:
    'Regional innovation index editions: framework, self-assessment by regions and OPDs, verification by validators, publication of immutable snapshots.',
  awards:
    "Region award editions (IGA 'daerah terinovatif'): nominees from a published index snapshot, entries prepared by the regions' coordinators, results per category and award group.",
  public: 'Published results and the innovation catalogue, without an account.',
  notifications: 'The in-app inbox and, for organizers, failed notifications to replay.',
  surveys:
    'Community satisfaction surveys (SKM → IKM, Permenpan RB 14/2017) per service unit: periods, the public form, CSV imports, bursts and exclusions, and IKM before/after an innovation.',
  'favourite-vote':
    "The public 'Juara Favorit' vote: one e-mail-verified vote per person and category, results hidden until closing, then a verifiable tally.",
  operations:
    'Long operations (publication, imports, automatic assignment, index publication): state and progress, polled while the request runs or after a page reload.',
  health: 'Liveness and readiness.',
};

/**
 * Completes the generated document: every tag in use is defined (with its description where known), and an
 * operation whose only text is its summary gets it as its description too, so every operation is described.
 */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  const used = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const) {
      const op = item[method];
      if (!op) continue;
      for (const tag of op.tags ?? []) used.add(tag);
      if (!op.description && op.summary) op.description = op.summary;
    }
  }
  const defined = new Map((doc.tags ?? []).map((t) => [t.name, t]));
  for (const name of [...used].sort()) if (!defined.has(name)) defined.set(name, { name, description: TAG_DESCRIPTIONS[name] ?? name });
  doc.tags = [...defined.values()];
  if (!doc.servers?.length) doc.servers = [{ url: '/', description: 'This server' }];
  return doc;
}
