import { DomainError } from '@app/kernel';
import {
  type ConflictCode,
  type ConflictKey,
  type InnovationConflictProfile,
  type JurorConflictProfile,
  innovationConflictKeys,
  jurorConflictKeys,
} from './conflicts';
import { JudgingErrorCode } from './judging.errors';

export interface AssignmentInnovation extends InnovationConflictProfile {
  /** Carried for callers; the assignment rules do not depend on it. */
  readonly category?: string;
}

export interface AssignmentJuror extends JurorConflictProfile {
  readonly id: string;
  /** Most assignments (existing included) this juror may hold in the stage; unlimited when absent. */
  readonly maxLoad?: number;
}

export interface AssignmentPair {
  readonly innovationId: string;
  readonly jurorId: string;
}

/** A pair the caller rules out besides conflicts of interest, e.g. the innovation's field verifier. */
export interface ExcludedPair extends AssignmentPair {
  readonly reason: string;
}

export interface AssignJurorsInput {
  readonly innovations: readonly AssignmentInnovation[];
  readonly jurors: readonly AssignmentJuror[];
  /** Jurors per innovation; default 3. */
  readonly k?: number;
  /**
   * Assignments already made (top-up mode): they stay, even one a later declaration put in conflict (find
   * those with conflictReasons), and count toward k and toward their juror's load. Repeated pairs count once.
   */
  readonly existing?: readonly AssignmentPair[];
  readonly excluded?: readonly ExcludedPair[];
}

export interface Shortfall {
  readonly innovationId: string;
  /** Jurors the innovation has after this run, existing ones included. */
  readonly assigned: number;
  readonly needed: number;
  readonly reasons: string[];
}

export interface AssignJurorsResult {
  /** The new assignments only (existing ones are not repeated), ordered by innovation id, then juror id. */
  readonly assignments: AssignmentPair[];
  /** Innovations left with fewer than k jurors, ordered by innovation id. */
  readonly shortfalls: Shortfall[];
  /** Every juror's load after this run, existing assignments included. */
  readonly loads: Record<string, number>;
  /** (innovation, juror) pairs ruled out by a conflict of interest, over the innovations that needed jurors. */
  readonly avoidedConflicts: number;
}

export const DEFAULT_JURORS_PER_INNOVATION = 3;

/**
 * Assigns k conflict-free jurors to every innovation, balancing the jurors' loads.
 *
 * 1. Greedy: innovations with the fewest eligible jurors go first; each takes the eligible jurors with the
 *    least load, ties broken by a hash of (innovation id, juror id). This yields min(k, eligible) jurors per
 *    innovation whenever no `maxLoad` binds.
 * 2. Capacity repair (only when a `maxLoad` left an innovation short): augmenting paths that shift
 *    assignments from full jurors to jurors with room, until no innovation can gain a juror. The number of
 *    assignments is then the maximum any assignment can reach.
 * 3. Balance repair: chains of moves "innovation X from juror A to juror B" that take one assignment from a
 *    juror with load L to one with load ≤ L − 2, first from the most loaded jurors, then towards the least
 *    loaded, until neither finds a chain. At that point max − min ≤ 1 whenever any assignment with the same
 *    per-innovation counts (and the same fixed existing assignments and limits) achieves it.
 *
 * Inputs are sorted by id and every tie is broken by ids, so the result does not depend on input order.
 */
export function assignJurors(input: AssignJurorsInput): AssignJurorsResult {
  const state = buildState(input);
  assignGreedily(state);
  if (state.cap.some(Number.isFinite)) fillByAugmentingPaths(state);
  balanceLoads(state);
  return report(state);
}

// ─── State ───────────────────────────────────────────────────────────────────────────────────────────────

interface State {
  readonly k: number;
  readonly innovations: readonly AssignmentInnovation[];
  readonly jurors: readonly AssignmentJuror[];
  /** Per innovation: lists of juror indexes in conflict, one per matching conflict key, in rule order. */
  readonly conflicted: readonly { readonly code: ConflictCode; readonly jurors: readonly number[] }[][];
  /** Per innovation: juror indexes excluded by the caller, with the reason. */
  readonly excluded: readonly { readonly juror: number; readonly reason: string }[][];
  /** Per innovation: known jurors already assigned before this run. */
  readonly fixed: readonly number[][];
  /** Per innovation: how many jurors this run should add (k minus existing ones, at least 0). */
  readonly need: readonly number[];
  /** Per innovation: jurors added by this run (movable by the repairs). */
  readonly assigned: number[][];
  /** Per juror: innovations this juror was given by this run. */
  readonly held: Set<number>[];
  readonly load: Int32Array;
  readonly cap: Float64Array;
  readonly innovationHash: Uint32Array;
  readonly jurorHash: Uint32Array;
  /** Scratch marks for "juror unavailable for the innovation being looked at". */
  readonly mark: Uint32Array;
  stamp: number;
}

function buildState(input: AssignJurorsInput): State {
  const k = input.k ?? DEFAULT_JURORS_PER_INNOVATION;
  if (!Number.isInteger(k) || k < 1) invalid(`k must be a positive integer, got ${k}`, { k });
  const innovations = sortedById(input.innovations, 'innovation');
  const jurors = sortedById(input.jurors, 'juror');
  for (const juror of jurors) {
    const max = juror.maxLoad;
    if (max !== undefined && !(Number.isInteger(max) && max >= 0)) {
      invalid(`maxLoad of juror ${juror.id} must be a non-negative integer, got ${max}`, { jurorId: juror.id });
    }
  }
  const innovationIndex = new Map(innovations.map((x, i) => [x.id, i]));
  const jurorIndex = new Map(jurors.map((x, j) => [x.id, j]));

  const jurorsByKey: Record<ConflictKey['kind'], Map<string, number[]>> = {
    organization: new Map(),
    region: new Map(),
    innovation: new Map(),
  };
  jurors.forEach((juror, j) => {
    for (const { kind, id } of jurorConflictKeys(juror)) {
      const list = jurorsByKey[kind].get(id);
      if (!list) jurorsByKey[kind].set(id, [j]);
      else if (list[list.length - 1] !== j) list.push(j);
    }
  });
  const conflicted = innovations.map((innovation) => {
    const found: { code: ConflictCode; jurors: number[] }[] = [];
    for (const { kind, id, code } of innovationConflictKeys(innovation)) {
      const list = jurorsByKey[kind].get(id);
      if (list) found.push({ code, jurors: list });
    }
    return found;
  });

  const excluded: { juror: number; reason: string }[][] = innovations.map(() => []);
  for (const pair of input.excluded ?? []) {
    const i = innovationIndex.get(pair.innovationId);
    const j = jurorIndex.get(pair.jurorId);
    if (i !== undefined && j !== undefined) excluded[i].push({ juror: j, reason: pair.reason });
  }

  // Existing pairs stay as they are; an unknown juror still counts toward the innovation's k, an unknown
  // innovation still counts toward the juror's load.
  const load = new Int32Array(jurors.length);
  const fixed: number[][] = innovations.map(() => []);
  const existingCount = new Int32Array(innovations.length);
  const seen = new Set<string>();
  for (const { innovationId, jurorId } of input.existing ?? []) {
    const pairKey = `${innovationId}\u0000${jurorId}`;
    if (seen.has(pairKey)) continue;
    seen.add(pairKey);
    const i = innovationIndex.get(innovationId);
    const j = jurorIndex.get(jurorId);
    if (j !== undefined) load[j]++;
    if (i !== undefined) existingCount[i]++;
    if (i !== undefined && j !== undefined) fixed[i].push(j);
  }

  return {
    k,
    innovations,
    jurors,
    conflicted,
    excluded,
    fixed,
    need: innovations.map((_, i) => Math.max(0, k - existingCount[i])),
    assigned: innovations.map(() => []),
    held: jurors.map(() => new Set<number>()),
    load,
    cap: Float64Array.from(jurors, (j) => j.maxLoad ?? Infinity),
    innovationHash: Uint32Array.from(innovations, (x) => fnv1a(x.id)),
    jurorHash: Uint32Array.from(jurors, (x) => fnv1a(x.id)),
    mark: new Uint32Array(jurors.length),
    stamp: 0,
  };
}

/**
 * Marks every juror who cannot be added to innovation i: in conflict, excluded, or already on it.
 * Returns the stamp: `state.mark[j] === stamp` means unavailable.
 */
function markUnavailable(state: State, i: number): number {
  const { mark } = state;
  const stamp = ++state.stamp;
  for (const { jurors } of state.conflicted[i]) for (const j of jurors) mark[j] = stamp;
  for (const { juror } of state.excluded[i]) mark[juror] = stamp;
  for (const j of state.fixed[i]) mark[j] = stamp;
  for (const j of state.assigned[i]) mark[j] = stamp;
  return stamp;
}

function hasRoom(state: State, j: number): boolean {
  return state.load[j] < state.cap[j];
}

function addAssignment(state: State, i: number, j: number): void {
  state.assigned[i].push(j);
  state.held[j].add(i);
  state.load[j]++;
}

function removeAssignment(state: State, i: number, j: number): void {
  const list = state.assigned[i];
  list.splice(list.indexOf(j), 1);
  state.held[j].delete(i);
  state.load[j]--;
}

// ─── 1. Greedy ───────────────────────────────────────────────────────────────────────────────────────────

function assignGreedily(state: State): void {
  const { mark } = state;
  const eligible = state.innovations.map((_, i) => {
    if (state.need[i] === 0) return 0;
    const stamp = markUnavailable(state, i);
    let count = 0;
    for (let j = 0; j < mark.length; j++) if (mark[j] !== stamp) count++;
    return count;
  });
  const order = state.innovations
    .map((_, i) => i)
    .filter((i) => state.need[i] > 0)
    .sort((a, b) => eligible[a] - eligible[b] || a - b);
  for (const i of order) {
    for (const j of leastLoadedAvailable(state, i, state.need[i])) addAssignment(state, i, j);
  }
}

/** Up to `count` jurors available for innovation i with room left, by (load, tie hash, index) ascending. */
function leastLoadedAvailable(state: State, i: number, count: number): number[] {
  const { load, cap, mark, jurorHash } = state;
  const stamp = markUnavailable(state, i);
  const salt = state.innovationHash[i];
  const best: number[] = [];
  const bestTie: number[] = [];
  let worstLoad = Infinity; // of best[count - 1] once `count` jurors are kept
  let worstTie = 0;
  for (let j = 0; j < load.length; j++) {
    const l = load[j];
    if (mark[j] === stamp || l >= cap[j] || l > worstLoad) continue;
    const tie = mixHash(salt, jurorHash[j]);
    if (l === worstLoad && tie >= worstTie) continue; // equal tie: the lower index, kept already, wins
    let at = best.length;
    while (at > 0 && (load[best[at - 1]] > l || (load[best[at - 1]] === l && bestTie[at - 1] > tie))) at--;
    best.splice(at, 0, j);
    bestTie.splice(at, 0, tie);
    if (best.length > count) {
      best.pop();
      bestTie.pop();
    }
    if (best.length === count) {
      worstLoad = load[best[count - 1]];
      worstTie = bestTie[count - 1];
    }
  }
  return best;
}

// ─── 2. Capacity repair ──────────────────────────────────────────────────────────────────────────────────

/**
 * Max-flow style augmentation for innovations left short because jurors hit their maxLoad: a breadth-first
 * search from all short innovations through "juror J could take innovation X, and J is full, so J gives up
 * one of its innovations Y to another juror" until a juror with room is reached. Stops when none is reachable.
 */
function fillByAugmentingPaths(state: State): void {
  const nI = state.innovations.length;
  const nJ = state.jurors.length;
  const viaInnovation = new Int32Array(nJ); // the innovation juror j would join
  const viaJuror = new Int32Array(nI); // the juror who would give innovation i up; -1 for a short innovation
  for (;;) {
    const innovationSeen = new Uint8Array(nI);
    const queue: number[] = [];
    for (let i = 0; i < nI; i++) {
      if (state.assigned[i].length < state.need[i]) {
        innovationSeen[i] = 1;
        viaJuror[i] = -1;
        queue.push(i);
      }
    }
    const unseen = new UnseenJurors(nJ);
    let found = -1;
    for (let head = 0; head < queue.length && found < 0 && unseen.size > 0; head++) {
      const i = queue[head];
      const stamp = markUnavailable(state, i);
      unseen.take(
        (j) => state.mark[j] !== stamp,
        (j) => {
          viaInnovation[j] = i;
          if (hasRoom(state, j)) {
            found = j;
            return true;
          }
          for (const next of state.held[j]) {
            if (innovationSeen[next]) continue;
            innovationSeen[next] = 1;
            viaJuror[next] = j;
            queue.push(next);
          }
          return false;
        },
      );
    }
    if (found < 0) return;
    for (let j = found; ;) {
      const i = viaInnovation[j];
      const previous = viaJuror[i];
      addAssignment(state, i, j);
      if (previous < 0) break;
      removeAssignment(state, i, previous);
      j = previous;
    }
  }
}

// ─── 3. Balance repair ───────────────────────────────────────────────────────────────────────────────────

function balanceLoads(state: State): void {
  let progressed: boolean;
  do {
    progressed = false;
    while (lowerTheMaximum(state)) progressed = true;
    while (raiseTheMinimum(state)) progressed = true;
  } while (progressed);
}

/** One chain of moves from a most-loaded juror (among those holding movable assignments) to one 2 lower. */
function lowerTheMaximum(state: State): boolean {
  const { load } = state;
  let top = -1;
  for (let j = 0; j < load.length; j++) if (state.held[j].size > 0 && load[j] > top) top = load[j];
  return shiftOne(
    state,
    (j) => state.held[j].size > 0 && load[j] === top,
    (j) => load[j] <= top - 2 && hasRoom(state, j),
  );
}

/** One chain of moves to a least-loaded juror (among those with room) from one at least 2 higher. */
function raiseTheMinimum(state: State): boolean {
  const { load } = state;
  let bottom = Infinity;
  for (let j = 0; j < load.length; j++) if (hasRoom(state, j) && load[j] < bottom) bottom = load[j];
  return shiftOne(
    state,
    (j) => state.held[j].size > 0 && load[j] >= bottom + 2,
    (j) => load[j] === bottom && hasRoom(state, j),
  );
}

/**
 * Breadth-first search over jurors from the sources: from juror A, each innovation X that A holds can move
 * to any juror B available for X. On reaching a target, applies the chain of moves back to a source: the
 * source loses one assignment, the target gains one, jurors in between keep their load.
 */
function shiftOne(state: State, isSource: (j: number) => boolean, isTarget: (j: number) => boolean): boolean {
  const nJ = state.jurors.length;
  const unseen = new UnseenJurors(nJ);
  const queue: number[] = [];
  for (let j = 0; j < nJ; j++) if (isSource(j)) queue.push(j);
  if (queue.length === 0 || !state.jurors.some((_, j) => isTarget(j))) return false;
  for (const j of queue) unseen.remove(j);

  const from = new Int32Array(nJ).fill(-1);
  const via = new Int32Array(nJ).fill(-1);
  const innovationSeen = new Uint8Array(state.innovations.length);
  let found = -1;
  for (let head = 0; head < queue.length && found < 0 && unseen.size > 0; head++) {
    const a = queue[head];
    for (const i of state.held[a]) {
      if (innovationSeen[i]) continue;
      innovationSeen[i] = 1;
      const stamp = markUnavailable(state, i);
      unseen.take(
        (b) => state.mark[b] !== stamp,
        (b) => {
          from[b] = a;
          via[b] = i;
          if (isTarget(b)) {
            found = b;
            return true;
          }
          queue.push(b);
          return false;
        },
      );
      if (found >= 0 || unseen.size === 0) break;
    }
  }
  if (found < 0) return false;
  for (let b = found; via[b] >= 0; b = from[b]) {
    removeAssignment(state, via[b], from[b]);
    addAssignment(state, via[b], b);
  }
  return true;
}

/** The jurors a search has not reached yet; visiting removes them, so each juror is looked at once per hit. */
class UnseenJurors {
  private readonly list: number[];
  private readonly position: Int32Array;

  constructor(n: number) {
    this.list = Array.from({ length: n }, (_, j) => j);
    this.position = Int32Array.from(this.list);
  }

  get size(): number {
    return this.list.length;
  }

  remove(j: number): void {
    const at = this.position[j];
    if (at < 0) return;
    const last = this.list.pop()!;
    if (last !== j) {
      this.list[at] = last;
      this.position[last] = at;
    }
    this.position[j] = -1;
  }

  /** Removes and visits every unseen juror accepted by `accept`, in index order; `visit` returning true stops. */
  take(accept: (j: number) => boolean, visit: (j: number) => boolean): void {
    const hits = this.list.filter(accept).sort((a, b) => a - b);
    for (const j of hits) {
      this.remove(j);
      if (visit(j)) return;
    }
  }
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────────────────────

function report(state: State): AssignJurorsResult {
  const assignments: AssignmentPair[] = [];
  const shortfalls: Shortfall[] = [];
  let avoidedConflicts = 0;
  state.innovations.forEach((innovation, i) => {
    for (const j of state.assigned[i].sort((a, b) => a - b)) {
      assignments.push({ innovationId: innovation.id, jurorId: state.jurors[j].id });
    }
    if (state.need[i] === 0) return;
    avoidedConflicts += countConflicted(state, i);
    const assigned = state.k - state.need[i] + state.assigned[i].length;
    if (assigned < state.k) {
      shortfalls.push({ innovationId: innovation.id, assigned, needed: state.k, reasons: shortfallReasons(state, i) });
    }
  });
  const loads = Object.fromEntries(state.jurors.map((juror, j) => [juror.id, state.load[j]]));
  return { assignments, shortfalls, loads, avoidedConflicts };
}

function countConflicted(state: State, i: number): number {
  const { mark } = state;
  const stamp = ++state.stamp;
  let count = 0;
  for (const { jurors } of state.conflicted[i]) {
    for (const j of jurors) {
      if (mark[j] !== stamp) count++;
      mark[j] = stamp;
    }
  }
  return count;
}

/** Why innovation i is short: unavailable jurors, each counted once under its first reason, and full ones. */
function shortfallReasons(state: State, i: number): string[] {
  const { mark } = state;
  const stamp = ++state.stamp;
  const counts = new Map<string, { n: number; many: string }>(); // by the singular label, in first-seen order
  const count = ([one, many]: Label, j: number) => {
    if (mark[j] === stamp) return;
    mark[j] = stamp;
    const entry = counts.get(one);
    if (entry) entry.n++;
    else counts.set(one, { n: 1, many });
  };
  for (const { code, jurors } of state.conflicted[i]) for (const j of jurors) count(CONFLICT_LABEL[code], j);
  for (const { juror, reason } of [...state.excluded[i]].sort((a, b) => compare(a.reason, b.reason))) {
    count([`excluded (${reason})`, `excluded (${reason})`], juror);
  }
  const pool = state.jurors.length;
  const free = pool - [...counts.values()].reduce((sum, { n }) => sum + n, 0);

  const reasons: string[] = [];
  if (free < state.k) {
    const parts = [...counts].map(([one, { n, many }]) => `${n} ${n === 1 ? one : many}`);
    reasons.push(
      parts.length === 0
        ? `the pool has only ${plural(pool, 'juror')}`
        : `only ${free} of ${plural(pool, 'juror')} ${free === 1 ? 'is' : 'are'} free of conflicts: ${parts.join(', ')}`,
    );
  }
  for (const j of state.fixed[i]) mark[j] = stamp;
  for (const j of state.assigned[i]) mark[j] = stamp;
  let full = 0;
  for (let j = 0; j < pool; j++) if (mark[j] !== stamp && !hasRoom(state, j)) full++;
  if (full > 0) {
    reasons.push(`${plural(full, 'conflict-free juror')} not on this innovation ${full === 1 ? 'is' : 'are'} at maximum load`);
  }
  return reasons;
}

/** [singular, plural] */
type Label = readonly [string, string];

const CONFLICT_LABEL: Record<ConflictCode, Label> = {
  organization: ['declared organization conflict', 'declared organization conflicts'],
  region: ['declared region conflict', 'declared region conflicts'],
  province: ['declared region conflict', 'declared region conflicts'],
  declaration: ['declared conflict with this innovation', 'declared conflicts with this innovation'],
};

// ─── Helpers ─────────────────────────────────────────────────────────────────────────────────────────────

function sortedById<T extends { readonly id: string }>(items: readonly T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => compare(a.id, b.id));
  for (let n = 1; n < sorted.length; n++) {
    if (sorted[n].id === sorted[n - 1].id) invalid(`duplicate ${what} id ${sorted[n].id}`, { id: sorted[n].id });
  }
  return sorted;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw new DomainError(JudgingErrorCode.InvalidInput, message, details, 'invalid');
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let n = 0; n < text.length; n++) {
    h ^= text.charCodeAt(n);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit hashes (murmur3 finalizer), so ties spread differently for every innovation. */
function mixHash(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
