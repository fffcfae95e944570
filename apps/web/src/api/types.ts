/** The views most pages share; each is a generated OpenAPI schema (see ./schemas). */
export type {
  Competition,
  DocumentInfo,
  Eligibility,
  HistoryEntry,
  Innovation,
  InnovationStatus,
  InnovationSummary,
  InnovationUpdate,
  MyInnovations,
  Plan,
  Section,
  Stage,
  TokenPair,
  User,
  Waiting,
} from './schemas';
