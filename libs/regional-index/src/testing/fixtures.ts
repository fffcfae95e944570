// Test data builders for the regional index specs.
import type { AnswerInput, IndexInput, IndicatorInput } from '../types';

/** The DESIGN §4b example input. */
export function exampleIndexInput(): IndexInput {
  return {
    method: { decimals: 2, minInnovations: 10, basis: 'verified', tieBreak: ['sid', 'spd', 'innovations'] },
    indicators: [
      {
        key: 'regulasi',
        scope: 'region',
        options: [
          { key: 'none', score: 0 },
          { key: 'perkada', score: 2 },
          { key: 'perda', score: 3 },
        ],
      },
      {
        key: 'tahapan',
        scope: 'innovation',
        options: [
          { key: 'inisiatif', score: 1 },
          { key: 'uji_coba', score: 2 },
          { key: 'penerapan', score: 3 },
        ],
      },
      {
        key: 'jumlah',
        scope: 'count',
        steps: [
          { min: 0, score: 0 },
          { min: 5, score: 2 },
          { min: 10, score: 4 },
        ],
      },
    ],
    bands: [
      { label: 'Sangat Inovatif', min: 60.01 },
      { label: 'Inovatif', min: 35 },
      { label: 'Kurang Inovatif', min: 0.01 },
      { label: 'Tidak Dapat Dinilai', min: 0 },
    ],
    regions: [{ id: 'kota-bekasi', category: 'kota', groups: ['jawa'] }],
    innovations: [
      { id: 'sitaro', region: 'kota-bekasi' },
      { id: 'old-app', region: 'kota-bekasi', eligible: false },
    ],
    answers: [
      { region: 'kota-bekasi', indicator: 'regulasi', self: 'perda', verified: 'perkada' },
      { innovation: 'sitaro', indicator: 'tahapan', self: 'penerapan', verified: 'penerapan' },
    ],
  };
}

/** An indicator whose options are named by their score: `o0`, `o1` … (`scores` [0, 1, 2] → o0, o1, o2). */
export function scored(key: string, scope: 'region' | 'innovation', scores: readonly number[]): IndicatorInput {
  return { key, scope, options: scores.map((score) => ({ key: `o${score}`, score })) };
}

/** An answer choosing `o<self>` (and `o<verified>` when given) for a region (`r…`) or an innovation. */
export function answer(
  owner: { region: string } | { innovation: string },
  indicator: string,
  self: number,
  verified?: number,
): AnswerInput {
  return verified === undefined
    ? { ...owner, indicator, self: `o${self}` }
    : { ...owner, indicator, self: `o${self}`, verified: `o${verified}` };
}

/**
 * Regions with only a region indicator `r` (options o0 … o100) and an innovation indicator `i` (o0 … o100),
 * no innovations unless given: each region's spd is its `r` answer, iid = spd / 2 (max 200) under both bases.
 */
export function simpleInput(
  regions: readonly { id: string; category?: string; groups?: string[]; r?: number }[],
  method: IndexInput['method'] = {},
): IndexInput {
  const range = Array.from({ length: 101 }, (_, k) => k);
  return {
    method,
    indicators: [scored('r', 'region', range), scored('i', 'innovation', range)],
    regions: regions.map(({ id, category = 'kota', groups }) => (groups ? { id, category, groups } : { id, category })),
    innovations: [],
    answers: regions.flatMap(({ id, r }) => (r === undefined ? [] : [answer({ region: id }, 'r', r, r)])),
  };
}
