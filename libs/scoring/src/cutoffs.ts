// DESIGN §2–3: a stage's advance rule applied per category when the stage closes. Pure functions.

import { ScoringInputError } from './scoring.errors';
import { compareIds } from './util';

export type AdvanceRule = { readonly type: 'top'; readonly n: number } | { readonly type: 'threshold'; readonly min: number };

export interface CutoffCandidate {
  readonly id: string;
  readonly category: string;
  /** The innovation's (rounded) stage score; null when it has none: it is then eliminated. */
  readonly score: number | null;
}

export interface CutoffDecision {
  readonly id: string;
  readonly category: string;
  readonly score: number | null;
  /** Competition rank (1, 2, 2, 4) by score within the category; null without a score. */
  readonly rank: number | null;
  readonly outcome: 'passed' | 'eliminated';
  /** Human-readable, e.g. "rank 47 of 120 in kota, outside the top 45" or "score 61.2 below threshold 70". */
  readonly reason: string;
  /** The same reason as a code and its parameters, for rendering in another language (the kernel's reason catalog). */
  readonly reasonCode: 'CUTOFF_NO_SCORE' | 'CUTOFF_TOP_WITHIN' | 'CUTOFF_TOP_OUTSIDE' | 'CUTOFF_THRESHOLD_MEETS' | 'CUTOFF_THRESHOLD_BELOW';
  readonly reasonParams: Readonly<Record<string, string | number>>;
}

/**
 * Applies an advance rule: `top n` per category (everyone ranked ≤ n advances, so ties at the boundary all
 * advance) or `threshold` (score ≥ min advances). Innovations without a score are eliminated. Decisions come
 * back in the candidates' order; throws {@link ScoringInputError} for a bad rule or duplicate ids.
 */
export function applyAdvanceRule(candidates: readonly CutoffCandidate[], rule: AdvanceRule): CutoffDecision[] {
  checkRule(rule);
  const ranks = ranksByCategory(candidates);
  const scoredIn = new Map<string, number>();
  for (const c of candidates) if (c.score !== null) scoredIn.set(c.category, (scoredIn.get(c.category) ?? 0) + 1);

  return candidates.map((c) => {
    const rank = ranks.get(c.id) ?? null;
    if (c.score === null || rank === null) {
      return {
        id: c.id,
        category: c.category,
        score: null,
        rank: null,
        outcome: 'eliminated',
        reason: `no score in this stage`,
        reasonCode: 'CUTOFF_NO_SCORE',
        reasonParams: {},
      };
    }
    const count = scoredIn.get(c.category)!;
    const position = `rank ${rank} of ${count} in ${c.category}`;
    const passed = rule.type === 'top' ? rank <= rule.n : c.score >= rule.min;
    const reason =
      rule.type === 'top'
        ? `${position}, ${passed ? 'within' : 'outside'} the top ${rule.n}`
        : `score ${c.score} ${passed ? 'meets' : 'below'} threshold ${rule.min} (${position})`;
    const reasonCode =
      rule.type === 'top'
        ? passed
          ? 'CUTOFF_TOP_WITHIN'
          : 'CUTOFF_TOP_OUTSIDE'
        : passed
          ? 'CUTOFF_THRESHOLD_MEETS'
          : 'CUTOFF_THRESHOLD_BELOW';
    const reasonParams: Record<string, string | number> =
      rule.type === 'top'
        ? { rank, count, category: c.category, n: rule.n }
        : { score: c.score, min: rule.min, rank, count, category: c.category };
    return {
      id: c.id,
      category: c.category,
      score: c.score,
      rank,
      outcome: passed ? 'passed' : 'eliminated',
      reason,
      reasonCode,
      reasonParams,
    };
  });
}

/** Competition ranks by score descending within each category (equal scores share a rank). */
function ranksByCategory(candidates: readonly CutoffCandidate[]): Map<string, number> {
  const seen = new Set<string>();
  const byCategory = new Map<string, CutoffCandidate[]>();
  for (const c of candidates) {
    if (seen.has(c.id)) throw new ScoringInputError(`duplicate candidate id ${JSON.stringify(c.id)}`);
    seen.add(c.id);
    if (c.score !== null && !Number.isFinite(c.score)) {
      throw new ScoringInputError(`candidate ${JSON.stringify(c.id)} has a non-finite score`);
    }
    if (c.score === null) continue;
    const list = byCategory.get(c.category) ?? [];
    list.push(c);
    byCategory.set(c.category, list);
  }
  const ranks = new Map<string, number>();
  for (const list of byCategory.values()) {
    list.sort((a, b) => b.score! - a.score! || compareIds(a.id, b.id));
    list.forEach((c, k) => ranks.set(c.id, k > 0 && list[k - 1].score === c.score ? ranks.get(list[k - 1].id)! : k + 1));
  }
  return ranks;
}

function checkRule(rule: AdvanceRule): void {
  if (rule?.type === 'top' && Number.isInteger(rule.n) && rule.n >= 0) return;
  if (rule?.type === 'threshold' && typeof rule.min === 'number' && Number.isFinite(rule.min)) return;
  throw new ScoringInputError(
    `invalid advance rule ${JSON.stringify(rule)}: expected {type: 'top', n ≥ 0 integer} or {type: 'threshold', min: number}`,
  );
}
