import type { LocalizedText } from '@app/kernel';

/**
 * The configuration of one competition edition: categories, the ordered stage pipeline with rubrics,
 * ranking bands and tie-breaks, the proposal form and eligibility rules. Plain JSON-serialisable data.
 */

export const REGION_KINDS = ['provinsi', 'kabupaten', 'kota'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const STAGE_KINDS = ['submission', 'screening', 'desk_review', 'presentation', 'field_verification'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const AGGREGATIONS = ['mean', 'median', 'trimmed_mean', 'zscore'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Defaults used by templates and by the service when a new stage or plan is created. */
export const PLAN_DEFAULTS = {
  aggregation: 'mean',
  trim: 1,
  jurorsPerInnovation: 3,
  objectionWindowDays: 5,
} as const satisfies { aggregation: Aggregation; trim: number; jurorsPerInnovation: number; objectionWindowDays: number };

/** A category innovations compete in. An organization of a region whose kind is listed lands in it. */
export interface CategoryPlan {
  key: string;
  label: LocalizedText;
  /** Region kinds whose organizations belong here; empty for thematic clusters picked by hand. */
  regionKinds: RegionKind[];
  /**
   * Region tags (directory `regions.tags`, e.g. `daerah_tertinggal`): with them the category selects the regions
   * of its kinds (any kind when none is listed) that carry at least one of these tags. Region awards only.
   */
  regionTags?: string[];
}

/**
 * Who a region award selects: regions of these kinds (any kind when empty) carrying at least one of these tags
 * (any region of the kinds when empty). Both empty selects nobody.
 */
export interface RegionSelector {
  regionKinds: RegionKind[];
  regionTags?: string[];
}

/** An award group (Daerah Tertinggal Terinovatif, Daerah Perbatasan Terinovatif …): regions of several kinds, ranked together. */
export interface AwardGroupPlan extends RegionSelector {
  key: string;
  label: LocalizedText;
  /** How many of the group's best regions by the index are nominated (ties at the cut-off too). */
  nominees: number;
}

/**
 * A region award edition (IGA "daerah terinovatif"): the entries are regions, nominated from a published index
 * snapshot. Its first stage is given (the verified IID, DESIGN §4 rule 10).
 */
export interface RegionAwardPlan {
  /** The published index snapshot (libs/index-editions) the nominees and the given stage come from. */
  indexSnapshotId: string;
  /** How many of each category's best regions by the index are nominated (ties at the cut-off too). */
  nominees: number;
  groups: AwardGroupPlan[];
}

export interface CriterionPlan {
  key: string;
  label: LocalizedText;
  weight: number;
  min: number;
  max: number;
  /** What jurors look for; for field verification it doubles as the verifier's checklist. */
  guidance: LocalizedText;
}

/** A yes/no item checked by the organizer (administrative screening); not scored. */
export interface ChecklistItem {
  key: string;
  label: LocalizedText;
  guidance: LocalizedText;
}

/**
 * Who passes a stage when it closes. `top` and `threshold` work on the stage score, per category
 * (ties at the cut-off all advance); `all` passes every innovation not eliminated by a decision.
 */
export type AdvanceRule = { type: 'top'; n: number } | { type: 'threshold'; min: number } | { type: 'all' };

export interface StagePlan {
  key: string;
  kind: StageKind;
  label: LocalizedText;
  /** RFC 3339 with an explicit offset, or null while not scheduled. */
  opensAt: string | null;
  closesAt: string | null;
  /** Weight in the final score; 0 = not part of it. */
  weight: number;
  /** Scored criteria; empty for unscored stages. */
  rubric: CriterionPlan[];
  checklist?: ChecklistItem[];
  aggregation: Aggregation;
  /** For `trimmed_mean`: how many lowest and highest sheets to drop. */
  trim?: number;
  jurorsPerInnovation: number;
  /** Null only on the last stage, whose outcome is the ranking. */
  advance: AdvanceRule | null;
  /**
   * DESIGN §4 rule 10: the stage score is given from outside (a region award's verified IID), not computed from
   * sheets. Only the first (submission-kind) stage of a region award may be given; it has no rubric.
   */
  given?: boolean;
}

export interface BandPlan {
  label: string;
  min: number;
}

export interface ProposalSection {
  key: string;
  label: LocalizedText;
  required: boolean;
  maxWords: number;
}

export interface ProposalForm {
  sections: ProposalSection[];
}

export interface EligibilityRules {
  /** Implemented for at least this many months before submission. */
  minMonthsImplemented?: number;
  /** At most this many innovations per organization and edition. */
  maxEntriesPerOrganization?: number;
  /** No two innovations of an edition with the same (normalized) title. */
  noDuplicateTitle: boolean;
}

export interface CompetitionPlan {
  categories: CategoryPlan[];
  /** In pipeline order; the first is the submission stage. */
  stages: StagePlan[];
  bands: BandPlan[];
  /** `stage:KEY` (a scored stage) or `submittedAt`, applied in order. */
  tieBreak: string[];
  /** Days the public may object after a shortlist is announced. */
  objectionWindowDays: number;
  /** Whether a region's coordinator must forward submissions to the organizer. */
  requireCoordinator: boolean;
  proposalForm: ProposalForm;
  eligibility: EligibilityRules;
  /** Present on region award editions only: the entries are regions (see RegionAwardPlan). */
  regionAward?: RegionAwardPlan;
}

/** A stage is scored when it has rubric criteria (whatever its weight in the final score). */
export function isScoredStage(stage: Pick<StagePlan, 'rubric'>): boolean {
  return stage.rubric.length > 0;
}

/** A stage with a score in the ranking: scored from sheets (a rubric) or given (§4 rule 10). */
export function isRankedStage(stage: Pick<StagePlan, 'rubric' | 'given'>): boolean {
  return stage.rubric.length > 0 || stage.given === true;
}

/** The category an organization of a region of this kind competes in, or null if none takes it. */
export function categoryForRegionKind(plan: Pick<CompetitionPlan, 'categories'>, regionKind: RegionKind): string | null {
  return plan.categories.find((c) => c.regionKinds.includes(regionKind))?.key ?? null;
}
