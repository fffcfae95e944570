import { canonicalize } from '../../../../../libs/kernel/src/index';
import { snapshot, type RankingView } from '../../api/public';

export interface SnapshotCheck {
  /** `sha256:` + hex SHA-256 of the JCS canonical JSON of the downloaded `{input, output}`. */
  hash: string;
  /** That hash, and the hash the snapshot states, equal the one the page shows. */
  hashOk: boolean;
  /** Ranked rows on the page, and how many of them (or of the snapshot's) differ in category, rank, final or band. */
  rows: number;
  differing: number;
}

/** SHA-256 needs a secure context (HTTPS or localhost). */
export const canHash = () => typeof globalThis.crypto?.subtle?.digest === 'function';

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * What a browser can check without the scoring engine: the snapshot JSON hashes to the published hash (as
 * `cli verify` computes it), and the page's rows are the snapshot's. Recomputing the scores is the CLI's job.
 */
export async function checkSnapshot(view: RankingView): Promise<SnapshotCheck> {
  const s = await snapshot(view.snapshot.id);
  const hash = await sha256(canonicalize({ input: s.input, output: s.output }) ?? '');
  const key = (category: string, id: string) => `${category}/${id}`;
  const stored = new Map(Object.entries(s.output.categories).flatMap(([c, rows]) => rows.map((r) => [key(c, r.submission), r] as const)));
  const shown = Object.entries(view.categories).flatMap(([c, rows]) => rows.map((r) => ({ ...r, key: key(c, r.innovationId) })));
  const differing = shown.filter((r) => {
    const o = stored.get(r.key);
    return !o || o.rank !== r.rank || o.final !== r.final || o.band !== r.band;
  }).length;
  return {
    hash,
    hashOk: hash === view.snapshot.hash && s.hash === view.snapshot.hash,
    rows: shown.length,
    differing: differing + Math.max(0, stored.size - shown.length),
  };
}
