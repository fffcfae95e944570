import { isIsoInstant, ValidationFailed, type FieldError, type LocalizedText } from '@app/kernel';
import { CompetitionErrorCode } from './competitions.errors';
import {
  AGGREGATIONS,
  REGION_KINDS,
  STAGE_KINDS,
  isRankedStage,
  isScoredStage,
  type CategoryPlan,
  type RegionAwardPlan,
  type RegionSelector,
  type CompetitionPlan,
  type CriterionPlan,
  type EligibilityRules,
  type ProposalForm,
  type StagePlan,
} from './competition-plan';

type Report = (field: string, message: string) => void;

const KEY = /^[a-z][a-z0-9_]*$/;
/** As the directory's REGION_TAG_PATTERN (libs/directory/src/domain/region-tag.ts). */
const REGION_TAG = /^[a-z][a-z0-9_]{1,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SCORE = 100;

/**
 * What has already happened to a running edition's stages: when each closed stage really closed. A later
 * stage is held to that instant, not to the closed stage's planned `closesAt` (a stage closed early frees the
 * calendar without its window being rewritten).
 */
export interface PlanProgress {
  closedAt: Readonly<Record<string, string>>;
}

/** Every problem with a plan, each with a dotted field path (`stages[3].rubric[1].min`); empty when valid. */
export function validatePlan(plan: CompetitionPlan, progress?: PlanProgress): FieldError[] {
  const errors: FieldError[] = [];
  const report: Report = (field, message) => errors.push({ field, message });
  checkCategories(plan.categories, report);
  checkStages(plan.stages, report, progress);
  checkRegionAward(plan, report);
  checkBands(plan, report);
  checkTieBreak(plan, report);
  checkProposalForm(plan.proposalForm, report);
  checkEligibility(plan.eligibility, report);
  if (!isNonNegativeInt(plan.objectionWindowDays))
    report('objectionWindowDays', 'The objection window must be a whole number of days (0 or more).');
  return errors;
}

/** Throws 400 COMPETITION_PLAN_INVALID listing every problem. */
export function assertValidPlan(plan: CompetitionPlan, progress?: PlanProgress): void {
  const errors = validatePlan(plan, progress);
  if (errors.length) throw new ValidationFailed(errors, CompetitionErrorCode.PlanInvalid, 'The competition plan is invalid');
}

function checkCategories(categories: CategoryPlan[], report: Report): void {
  if (!categories.length) return report('categories', 'At least one category is required.');
  checkKeys(categories, 'categories', 'Category', report);
  const owner = new Map<string, string>();
  categories.forEach((category, i) => {
    checkLabel(category.label, `categories[${i}].label`, report);
    checkSelector(category, `categories[${i}]`, report);
    category.regionKinds.forEach((kind, j) => {
      const field = `categories[${i}].regionKinds[${j}]`;
      if (!(REGION_KINDS as readonly string[]).includes(kind)) return;
      // A category narrowed by tags shares its kinds with others (the first category that matches a region takes it).
      if (category.regionTags?.length) return;
      const taken = owner.get(kind);
      if (taken !== undefined) return report(field, `Region kind "${kind}" already belongs to category "${taken}".`);
      owner.set(kind, category.key);
    });
  });
}

/** Region kinds known, tags well-formed and unique. */
function checkSelector(selector: RegionSelector, at: string, report: Report): void {
  selector.regionKinds.forEach((kind, j) => {
    if (!(REGION_KINDS as readonly string[]).includes(kind))
      report(`${at}.regionKinds[${j}]`, `Region kind "${kind}" is unknown; use one of ${REGION_KINDS.join(', ')}.`);
  });
  const seen = new Set<string>();
  (selector.regionTags ?? []).forEach((tag, j) => {
    if (typeof tag !== 'string' || !REGION_TAG.test(tag))
      report(`${at}.regionTags[${j}]`, `Region tag "${tag}" must be lower-case snake case (2–40 characters).`);
    else if (seen.has(tag)) report(`${at}.regionTags[${j}]`, `Region tag "${tag}" is listed twice.`);
    seen.add(tag);
  });
}

/**
 * A region award: an index snapshot, nominees per category and group, groups that select someone, and a given
 * first stage; without `regionAward` no stage may be given (an innovation competition has no outside scores).
 */
function checkRegionAward(plan: CompetitionPlan, report: Report): void {
  const award: RegionAwardPlan | undefined = plan.regionAward;
  plan.stages.forEach((stage, i) => {
    if (stage.given === undefined) return;
    if (typeof stage.given !== 'boolean') return report(`stages[${i}].given`, 'given must be true or false.');
    if (!stage.given) return;
    if (!award) report(`stages[${i}].given`, 'Only a region award edition has a given stage (its score comes from the index).');
    else if (i !== 0) report(`stages[${i}].given`, 'Only the first stage (the nomination) may be given.');
    if (stage.rubric.length) report(`stages[${i}].rubric`, 'A given stage takes its score from the index and has no rubric.');
  });
  if (!award) return;
  if (!plan.stages[0]?.given) report('stages[0].given', 'A region award edition starts with the given stage that carries the index score.');
  if (typeof award.indexSnapshotId !== 'string' || !UUID.test(award.indexSnapshotId))
    report('regionAward.indexSnapshotId', 'Choose a published index snapshot (its id).');
  if (!Number.isInteger(award.nominees) || award.nominees < 1)
    report('regionAward.nominees', 'The number of nominees per category must be a whole number of 1 or more.');
  plan.categories.forEach((c, i) => {
    if (!c.regionKinds.length && !c.regionTags?.length)
      report(`categories[${i}].regionKinds`, 'A region award category selects regions by kind and/or tag.');
  });
  checkKeys(award.groups, 'regionAward.groups', 'Award group', report);
  const categoryKeys = new Set(plan.categories.map((c) => c.key));
  award.groups.forEach((group, i) => {
    const at = `regionAward.groups[${i}]`;
    checkLabel(group.label, `${at}.label`, report);
    checkSelector(group, at, report);
    if (!group.regionKinds.length && !group.regionTags?.length)
      report(`${at}.regionKinds`, 'An award group selects regions by kind and/or tag.');
    if (!Number.isInteger(group.nominees) || group.nominees < 1)
      report(`${at}.nominees`, 'The number of nominees must be a whole number of 1 or more.');
    if (categoryKeys.has(group.key)) report(`${at}.key`, `Award group key "${group.key}" is already a category key.`);
  });
}

function checkStages(stages: StagePlan[], report: Report, progress?: PlanProgress): void {
  if (!stages.length) return report('stages', 'At least one stage is required, starting with a submission stage.');
  if (stages[0].kind !== 'submission') report('stages[0].kind', `The first stage must be a submission stage, not "${stages[0].kind}".`);
  if (!stages.some((s) => s.weight > 0)) report('stages', 'At least one stage must have a weight above 0 to make up the final score.');
  checkKeys(stages, 'stages', 'Stage', report);
  stages.forEach((stage, i) => checkStage(stage, `stages[${i}]`, i === stages.length - 1, report));
  checkWindows(stages, report, progress);
}

function checkStage(stage: StagePlan, at: string, isLast: boolean, report: Report): void {
  if (!(STAGE_KINDS as readonly string[]).includes(stage.kind))
    report(`${at}.kind`, `Stage kind "${stage.kind}" is unknown; use one of ${STAGE_KINDS.join(', ')}.`);
  checkLabel(stage.label, `${at}.label`, report);
  if (!isFiniteNumber(stage.weight) || stage.weight < 0) report(`${at}.weight`, 'The stage weight must be a number of 0 or more.');
  else if (stage.weight > 0 && !stage.rubric.length && stage.given !== true)
    report(`${at}.rubric`, 'A stage with a weight above 0 needs a rubric.');
  checkRubric(stage.rubric, `${at}.rubric`, report);
  checkKeys(stage.checklist ?? [], `${at}.checklist`, 'Checklist item', report);
  stage.checklist?.forEach((item, j) => checkLabel(item.label, `${at}.checklist[${j}].label`, report));
  if (!(AGGREGATIONS as readonly string[]).includes(stage.aggregation))
    report(`${at}.aggregation`, `Aggregation "${stage.aggregation}" is unknown; use one of ${AGGREGATIONS.join(', ')}.`);
  if (stage.trim !== undefined && !isNonNegativeInt(stage.trim)) report(`${at}.trim`, 'Trim must be a whole number of 0 or more.');
  const minJurors = isScoredStage(stage) ? 1 : 0;
  if (!Number.isInteger(stage.jurorsPerInnovation) || stage.jurorsPerInnovation < minJurors)
    report(`${at}.jurorsPerInnovation`, `Jurors per innovation must be a whole number of ${minJurors} or more.`);
  checkAdvance(stage, at, isLast, report);
}

function checkRubric(rubric: CriterionPlan[], at: string, report: Report): void {
  checkKeys(rubric, at, 'Criterion', report);
  rubric.forEach((c, j) => {
    const field = `${at}[${j}]`;
    checkLabel(c.label, `${field}.label`, report);
    if (!isFiniteNumber(c.weight) || c.weight < 0) report(`${field}.weight`, 'The criterion weight must be a number of 0 or more.');
    if (!isFiniteNumber(c.min)) report(`${field}.min`, 'The minimum score must be a number.');
    if (!isFiniteNumber(c.max)) report(`${field}.max`, 'The maximum score must be a number.');
    if (isFiniteNumber(c.min) && isFiniteNumber(c.max) && c.min >= c.max)
      report(`${field}.min`, `The minimum score (${c.min}) must be less than the maximum (${c.max}).`);
  });
  if (rubric.length && !(rubric.reduce((sum, c) => sum + (isFiniteNumber(c.weight) && c.weight > 0 ? c.weight : 0), 0) > 0))
    report(at, 'The criterion weights must add up to more than 0.');
}

function checkAdvance(stage: StagePlan, at: string, isLast: boolean, report: Report): void {
  const rule = stage.advance;
  if (rule === null) {
    if (!isLast) report(`${at}.advance`, 'Only the last stage may have no advance rule.');
    return;
  }
  switch (rule.type) {
    case 'all':
      return;
    case 'top':
      if (!Number.isInteger(rule.n) || rule.n < 1) report(`${at}.advance.n`, 'The number advancing must be a whole number of 1 or more.');
      break;
    case 'threshold':
      if (!isFiniteNumber(rule.min) || rule.min < 0 || rule.min > MAX_SCORE)
        report(`${at}.advance.min`, `The passing score must be a number from 0 to ${MAX_SCORE}.`);
      break;
    default:
      return report(`${at}.advance.type`, `Advance rule "${(rule as { type: unknown }).type}" is unknown; use top, threshold or all.`);
  }
  if (!isScoredStage(stage)) report(`${at}.advance`, `A "${rule.type}" advance rule ranks by score, so the stage needs a rubric.`);
}

/**
 * Windows: each valid, opensAt < closesAt within a stage, and no stage opening or closing before an earlier
 * stage's times — for a closed stage, the instant it really closed (`progress`).
 */
function checkWindows(stages: StagePlan[], report: Report, progress?: PlanProgress): void {
  let latest: { field: string; at: string; time: number } | undefined;
  stages.forEach((stage, i) => {
    const times: { field: string; at: string; time: number }[] = [];
    for (const name of ['opensAt', 'closesAt'] as const) {
      const value = stage[name];
      const field = `stages[${i}].${name}`;
      if (value === null) continue;
      if (!isIsoInstant(value)) {
        report(field, `${name} "${value}" is not a timestamp with an offset, e.g. 2025-06-30T23:59:59+07:00.`);
        continue;
      }
      const time = Date.parse(value);
      if (latest && time < latest.time)
        report(field, `${name} must not be before ${latest.field} (${latest.at}); stages run in plan order.`);
      times.push({ field, at: value, time });
    }
    const [open, close] = [times.find((t) => t.field.endsWith('opensAt')), times.find((t) => t.field.endsWith('closesAt'))];
    if (open && close && open.time >= close.time) report(close.field, `closesAt must be after opensAt (${open.at}).`);
    // Later stages are held to this stage's close (or its opening when no close is set); a closed stage's real close.
    const closed = progress?.closedAt[stage.key];
    const end = closed ? { field: `stages[${i}] (closed)`, at: closed, time: Date.parse(closed) } : (close ?? open);
    if (end && (!latest || end.time > latest.time)) latest = end;
  });
}

function checkBands(plan: CompetitionPlan, report: Report): void {
  const seen = new Set<string>();
  plan.bands.forEach((band, i) => {
    if (typeof band.label !== 'string' || !band.label.trim()) report(`bands[${i}].label`, 'The band label is required.');
    else if (seen.has(band.label)) report(`bands[${i}].label`, `Band "${band.label}" is listed twice.`);
    else seen.add(band.label);
    if (!isFiniteNumber(band.min) || band.min < 0 || band.min > MAX_SCORE)
      report(`bands[${i}].min`, `The band minimum must be a number from 0 to ${MAX_SCORE}.`);
  });
}

function checkTieBreak(plan: CompetitionPlan, report: Report): void {
  const scored = new Set(plan.stages.filter(isRankedStage).map((s) => s.key));
  const seen = new Set<string>();
  plan.tieBreak.forEach((entry, i) => {
    const field = `tieBreak[${i}]`;
    if (seen.has(entry)) return report(field, `"${entry}" is listed twice.`);
    seen.add(entry);
    if (entry === 'submittedAt') return;
    const key = entry.startsWith('stage:') ? entry.slice('stage:'.length) : null;
    if (key === null) report(field, `"${entry}" is not a tie-break; use "stage:KEY" or "submittedAt".`);
    else if (!scored.has(key)) report(field, `"${entry}" does not name a scored stage of this plan.`);
  });
}

function checkProposalForm(form: ProposalForm, report: Report): void {
  checkKeys(form.sections, 'proposalForm.sections', 'Section', report);
  form.sections.forEach((section, i) => {
    checkLabel(section.label, `proposalForm.sections[${i}].label`, report);
    if (!Number.isInteger(section.maxWords) || section.maxWords < 1)
      report(`proposalForm.sections[${i}].maxWords`, 'The word limit must be a whole number of 1 or more.');
  });
}

function checkEligibility(rules: EligibilityRules, report: Report): void {
  if (rules.minMonthsImplemented !== undefined && !isNonNegativeInt(rules.minMonthsImplemented))
    report('eligibility.minMonthsImplemented', 'The minimum implementation period must be a whole number of months (0 or more).');
  if (
    rules.maxEntriesPerOrganization !== undefined &&
    !(Number.isInteger(rules.maxEntriesPerOrganization) && rules.maxEntriesPerOrganization >= 1)
  )
    report('eligibility.maxEntriesPerOrganization', 'The maximum number of entries per organization must be a whole number of 1 or more.');
}

/** Keys must be snake_case and unique within their list. */
function checkKeys(items: readonly { key: string }[], at: string, what: string, report: Report): void {
  const firstIndex = new Map<string, number>();
  items.forEach(({ key }, i) => {
    const field = `${at}[${i}].key`;
    if (typeof key !== 'string' || !KEY.test(key))
      return report(field, `${what} key "${key}" must be snake_case: lowercase letters, digits and underscores, starting with a letter.`);
    const first = firstIndex.get(key);
    if (first !== undefined) return report(field, `${what} key "${key}" is already used by ${at}[${first}].`);
    firstIndex.set(key, i);
  });
}

function checkLabel(label: LocalizedText | undefined, at: string, report: Report): void {
  for (const lang of ['id', 'en'] as const)
    if (typeof label?.[lang] !== 'string' || !label[lang].trim())
      report(`${at}.${lang}`, `The ${lang === 'id' ? 'Indonesian' : 'English'} label is required.`);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isNonNegativeInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
