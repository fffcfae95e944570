/** How far a long operation has come: a phase name and a count of done out of total units (steps, rows …). */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** A callback a long operation calls as it advances; callers that do not care pass nothing. */
export type OnProgress = (p: Progress) => void;

/**
 * For an operation made of a fixed sequence of phases: `step('storing')` reports that phase with
 * done = its position and total = the number of phases (the last phase reported is the one under way).
 */
export function phaseReporter<P extends string>(onProgress: OnProgress | undefined, phases: readonly P[]): (phase: P) => void {
  return (phase) => onProgress?.({ phase, done: phases.indexOf(phase), total: phases.length });
}
