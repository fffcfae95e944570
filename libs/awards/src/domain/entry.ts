/** What a region's coordinator prepares for its entry: who presents, the materials, the innovations it shows. */
export interface EntryPreparation {
  presenterName?: string | null;
  presenterPosition?: string | null;
  materialsUrl?: string | null;
  /** Ids of the region's innovations in the index snapshot, in the order they are shown. */
  showcase?: readonly string[];
}

/** At most this many innovations are shown in a presentation. */
export const MAX_SHOWCASE = 5;

/**
 * The problems with a preparation, each naming its field: showcased innovations must be the region's own in
 * the index snapshot, counted there (eligible), listed once, at most MAX_SHOWCASE; a materials link is http(s).
 */
export function preparationErrors(
  p: EntryPreparation,
  regionInnovations: readonly { id: string; eligible: boolean }[],
): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const known = new Map(regionInnovations.map((i) => [i.id, i]));
  const seen = new Set<string>();
  (p.showcase ?? []).forEach((id, i) => {
    const field = `showcase[${i}]`;
    const innovation = known.get(id);
    if (!innovation) errors.push({ field, message: "not one of the region's innovations in the index snapshot" });
    else if (!innovation.eligible)
      errors.push({ field, message: 'not counted by the index validators (not eligible): choose a verified innovation' });
    else if (seen.has(id)) errors.push({ field, message: 'listed twice' });
    seen.add(id);
  });
  if ((p.showcase?.length ?? 0) > MAX_SHOWCASE)
    errors.push({ field: 'showcase', message: `at most ${MAX_SHOWCASE} innovations are shown` });
  if (p.materialsUrl && !/^https?:\/\/[^\s]+$/i.test(p.materialsUrl))
    errors.push({ field: 'materialsUrl', message: 'must be an http(s) link' });
  return errors;
}
