export {
  DOCUMENT_KINDS,
  EVIDENCE_TYPES,
  type CollectedAnswer,
  type CollectedEdition,
  type CollectedInnovation,
  type CollectedRegion,
  type DocumentKind,
  type EvidenceRequirement,
  type FrameworkAspect,
  type FrameworkBand,
  type FrameworkIndicator,
  type FrameworkOption,
  type FrameworkStep,
  type FrameworkVariable,
  type IndexFramework,
  type IndexInputOptions,
  answersInOrder,
  frameworkIndicators,
  indexInputFrom,
  indexInputHead,
  indexSnapshotOf,
} from './framework';
export { frameworkChanges, type FrameworkChanges } from './framework-changes';
export { defaultIidFramework } from './iid-2023';
export { assertValidFramework, validateFramework } from './validate-framework';
export {
  assertSelfAssessmentComplete,
  isWebLink,
  selfAssessmentGaps,
  type SelfAssessment,
  type SelfAssessmentAnswer,
} from './completeness';
export {
  DEFAULT_VALIDATORS_PER_REGION,
  ORGANIZATION_IN_REGION,
  assignValidators,
  type AssignValidatorsInput,
  type AssignValidatorsResult,
  type RegionToValidate,
  type RegionValidatorPair,
  type ValidatorProfile,
  type ValidatorShortfall,
} from './validator-assignment';
export { RegionalIndexErrorCode, type IndexFieldError } from './regional-index.errors';
