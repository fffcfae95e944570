import { Conflict } from '@app/kernel';
import { isPlanFrozen, type CompetitionStatus } from './competition-lifecycle';
import { CompetitionErrorCode } from './competitions.errors';
import type { CompetitionPlan, StagePlan } from './competition-plan';

const WINDOW_FIELDS = ['opensAt', 'closesAt'] as const;

/** A moved stage deadline, for the audit log. */
export interface WindowChange {
  stage: string;
  field: (typeof WINDOW_FIELDS)[number];
  from: string | null;
  to: string | null;
}

export interface PlanDiff {
  /** True when anything other than stage windows changed. */
  structural: boolean;
  /** Paths of what changed besides windows: `categories`, `stages` (keys or order), `stages[3].rubric`, … */
  structuralChanges: string[];
  /** Window changes of stages present in both plans. */
  windowChanges: WindowChange[];
}

/** Compares two plans: which changes are structural and which only move stage windows. */
export function diffPlanStructure(before: CompetitionPlan, after: CompetitionPlan): PlanDiff {
  const structuralChanges: string[] = [];
  for (const field of unionKeys(before, after))
    if (field !== 'stages' && !sameData(before[field], after[field])) structuralChanges.push(field);

  const sameOrder = sameData(
    before.stages.map((s) => s.key),
    after.stages.map((s) => s.key),
  );
  if (!sameOrder) structuralChanges.push('stages');
  else
    before.stages.forEach((old, i) => {
      for (const field of unionKeys(old, after.stages[i]))
        if (!isWindowField(field) && !sameData(old[field], after.stages[i][field])) structuralChanges.push(`stages[${i}].${field}`);
    });

  const oldByKey = new Map(before.stages.map((s) => [s.key, s]));
  const windowChanges: WindowChange[] = [];
  for (const stage of after.stages) {
    const old = oldByKey.get(stage.key);
    if (!old) continue;
    for (const field of WINDOW_FIELDS)
      if (old[field] !== stage[field]) windowChanges.push({ stage: stage.key, field, from: old[field], to: stage[field] });
  }
  return { structural: structuralChanges.length > 0, structuralChanges, windowChanges };
}

/**
 * Refuses structural changes to a frozen plan (409 COMPETITION_PLAN_FROZEN); returns the window changes
 * to record in the audit log.
 */
export function assertPlanChangeAllowed(status: CompetitionStatus, before: CompetitionPlan, after: CompetitionPlan): WindowChange[] {
  const diff = diffPlanStructure(before, after);
  if (diff.structural && isPlanFrozen(status))
    throw new Conflict(
      CompetitionErrorCode.PlanFrozen,
      `The plan of a competition in "${status}" is frozen: only stage windows (opensAt, closesAt) may change, but ${diff.structuralChanges.join(', ')} changed.`,
      { status, changes: diff.structuralChanges },
    );
  return diff.windowChanges;
}

function isWindowField(field: keyof StagePlan): boolean {
  return (WINDOW_FIELDS as readonly string[]).includes(field);
}

function unionKeys<T extends object>(a: T, b: T): (keyof T)[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof T)[];
}

/** Deep equality of JSON-like data; a property set to `undefined` counts as absent. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => sameData(x[k], y[k]));
}
