// What an organizer's framework edit changes, indicator by indicator: the framework editor adds, removes and
// reorders indicators and their options, and the edition records it (audit) and refuses to drop what regions
// have already answered.

import type { IndexFramework } from './framework';

export interface FrameworkChanges {
  /** Indicator keys only in the new framework, in its order. */
  addedIndicators: string[];
  /** Indicator keys only in the old framework, in its order. */
  removedIndicators: string[];
  /** `indicator.option` of options added to / removed from indicators in both frameworks. */
  addedOptions: string[];
  removedOptions: string[];
  /** True when indicators (kept in both) or their options (kept in both) changed order, or moved variable. */
  reordered: boolean;
  /** True when anything changed at all (labels, scores, guidance and evidence included). */
  changed: boolean;
}

/** Compares two frameworks' indicators and options by key. */
export function frameworkChanges(before: IndexFramework, after: IndexFramework): FrameworkChanges {
  const placed = (f: IndexFramework) =>
    new Map(
      f.aspects.flatMap((a) =>
        a.variables.flatMap((v) =>
          v.indicators.map(
            (indicator) => [indicator.key, { variable: v.key, options: (indicator.options ?? []).map((o) => o.key) }] as const,
          ),
        ),
      ),
    );
  const [old, next] = [placed(before), placed(after)];
  const keptOrder = (keys: string[], other: Map<string, unknown> | Set<string>) => keys.filter((k) => other.has(k));
  const addedIndicators = [...next.keys()].filter((k) => !old.has(k));
  const removedIndicators = [...old.keys()].filter((k) => !next.has(k));
  const addedOptions: string[] = [];
  const removedOptions: string[] = [];
  let reordered = keptOrder([...old.keys()], next).join() !== keptOrder([...next.keys()], old).join();
  for (const [key, was] of old) {
    const now = next.get(key);
    if (!now) continue;
    const [wasSet, nowSet] = [new Set(was.options), new Set(now.options)];
    addedOptions.push(...now.options.filter((o) => !wasSet.has(o)).map((o) => `${key}.${o}`));
    removedOptions.push(...was.options.filter((o) => !nowSet.has(o)).map((o) => `${key}.${o}`));
    if (was.variable !== now.variable || keptOrder(was.options, nowSet).join() !== keptOrder(now.options, wasSet).join()) reordered = true;
  }
  return {
    addedIndicators,
    removedIndicators,
    addedOptions,
    removedOptions,
    reordered,
    changed: JSON.stringify(before) !== JSON.stringify(after),
  };
}
