import { Conflict } from './domain-error';

/** `from → allowed targets`, for machines where anyone who may act at all may take any transition. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** `from → to → actors allowed to take that step`; a missing `to` means the step does not exist. */
export type ActorTransitionTable<S extends string, A extends string> = Readonly<Record<S, Readonly<Partial<Record<S, readonly A[]>>>>>;

/** Targets `actor` may move to from `from`, in table order. */
export function targetsFor<S extends string, A extends string>(table: ActorTransitionTable<S, A>, from: S, actor: A): S[] {
  const row: Partial<Record<S, readonly A[]>> = table[from];
  return (Object.keys(row) as S[]).filter((to) => row[to]?.includes(actor));
}

export interface IllegalTransitionInfo {
  /** What moves, e.g. `competition`, `stage "screening"`, `innovation`. */
  subject: string;
  from: string;
  to: string;
  /** The states allowed from `from` (for `actor`, when given). */
  allowed: readonly string[];
  actor?: string;
  /** Why an otherwise allowed step is refused (a guard); replaces the list of allowed states in the message. */
  reason?: string;
}

/** 409 for a refused state change; the message names the current state and the allowed ones. */
export class IllegalTransition extends Conflict {
  constructor(code: string, info: IllegalTransitionInfo) {
    const { subject, from, to, allowed, actor, reason } = info;
    const as = actor ? ` as ${actor}` : '';
    const why = reason ?? `it is "${from}", from which ${actor ? `${actor} may move it to` : 'it may move to'} ${quoteList(allowed)}`;
    super(code, `Cannot move ${subject} from "${from}" to "${to}"${as}: ${why}.`, {
      from,
      to,
      allowed: [...allowed],
      ...(actor ? { actor } : {}),
      ...(reason ? { reason } : {}),
    });
  }
}

function quoteList(items: readonly string[]): string {
  return items.length ? items.map((s) => `"${s}"`).join(', ') : 'nothing (final state)';
}
