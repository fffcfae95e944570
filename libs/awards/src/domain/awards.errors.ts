/** Stable codes of the region awards context (texts in libs/kernel/src/error-catalog.ts). */
export const AwardsErrorCode = {
  NotRegionAward: 'AWARD_NOT_REGION_AWARD',
  AlreadyNominated: 'AWARD_ALREADY_NOMINATED',
  NominationClosed: 'AWARD_NOMINATION_CLOSED',
  NoNominees: 'AWARD_NO_NOMINEES',
  EntryNotFound: 'AWARD_ENTRY_NOT_FOUND',
  EntryLocked: 'AWARD_ENTRY_LOCKED',
  VersionConflict: 'AWARD_ENTRY_VERSION_CONFLICT',
  Invalid: 'AWARD_INVALID',
  NotPublished: 'AWARD_NOT_PUBLISHED',
  RegionNotRanked: 'AWARD_REGION_NOT_RANKED',
} as const;
