import { dictionaries } from './dictionary';

/**
 * Dictionaries of the app's areas, each its own chunk, loaded with the pages that use them — never in the first
 * download (the public pages carry only the core dictionary). To add an area's strings: a file beside this one
 * exporting `<area>Id` (Bahasa Indonesia, the reference) and `<area>En: Record<keyof typeof <area>Id, string>`,
 * one line in AREAS and one in AreaKey; pages name the areas they need (App.tsx `lazyPage(…, areas)`).
 */
const AREAS = {
  organizer: () => import('./organizer').then((m) => ({ id: m.organizerId, en: m.organizerEn })),
  juror: () => import('./juror').then((m) => ({ id: m.jurorId, en: m.jurorEn })),
  citizen: () => import('./citizen').then((m) => ({ id: m.citizenId, en: m.citizenEn })),
  indexes: () => import('./indexes').then((m) => ({ id: m.indexesId, en: m.indexesEn })),
  surveys: () => import('./surveys').then((m) => ({ id: m.surveysId, en: m.surveysEn })),
} satisfies Record<string, () => Promise<{ id: Record<string, string>; en: Record<string, string> }>>;

export type Area = keyof typeof AREAS;
export type AreaKey =
  | keyof typeof import('./organizer').organizerId
  | keyof typeof import('./juror').jurorId
  | keyof typeof import('./citizen').citizenId
  | keyof typeof import('./indexes').indexesId
  | keyof typeof import('./surveys').surveysId;

/** Every area: what the signed-in staff pages load (they share strings across areas). */
export const ALL_AREAS = Object.keys(AREAS) as Area[];

const loading = new Map<Area, Promise<void>>();

/** Loads the areas' dictionaries (once each) into both languages, so `t` finds their keys from then on. */
export function loadAreas(areas: readonly Area[]): Promise<void> {
  return Promise.all(
    areas.map((area) => {
      let done = loading.get(area);
      if (!done) {
        done = AREAS[area]().then((d) => {
          Object.assign(dictionaries.id, d.id);
          Object.assign(dictionaries.en, d.en);
        });
        loading.set(area, done);
      }
      return done;
    }),
  ).then(() => undefined);
}
