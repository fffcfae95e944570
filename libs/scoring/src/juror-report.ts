// A juror report per stage, so an organizer can spot a severe or lenient juror before choosing `zscore`.
// Everything is on the raw sheet scores r (before any z-adjustment), across all categories.

import { mean, spread } from './aggregate';
import { ScoringInputError } from './scoring.errors';
import { computeScores, groupSheetsOf, stageSheets } from './stage-scores';
import { compareIds } from './util';
import { prepare } from './validate';

export interface JurorAgreement {
  /** The juror's innovations in this stage that at least one other juror also scored. */
  sharedInnovations: number;
  /** Mean |r − the other jurors' mean| over the shared innovations; null when there are none. */
  meanAbsoluteDeviation: number | null;
  /** Spearman rank correlation of r with the other jurors' mean (average ranks for ties); null below 3 shared innovations or without variation. */
  spearman: number | null;
}

export interface JurorReportRow {
  juror: string;
  sheets: number;
  mean: number;
  /** Population standard deviation of the juror's sheet scores. */
  sd: number;
  /** Juror mean − stage mean: positive is lenient, negative severe. */
  leniency: number;
  /** Juror SD / stage SD; null when the stage SD is 0. */
  sdRatio: number | null;
  agreement: JurorAgreement;
}

export interface JurorReport {
  stage: string;
  sheets: number;
  /** Mean and population SD of all the stage's sheet scores; null without sheets. */
  mean: number | null;
  sd: number | null;
  /** By juror id. */
  jurors: JurorReportRow[];
}

/** Per juror of one stage: count, mean and SD against the stage's, leniency and agreement with the other jurors. */
export function jurorReport(input: unknown, stageKey: string): JurorReport {
  const table = computeScores(prepare(input));
  const { prepared, sheetScores } = table;
  const s = prepared.stageIndex.get(stageKey);
  if (s === undefined) throw new ScoringInputError(`unknown stage ${JSON.stringify(stageKey)}`);

  const sheets = Array.from(stageSheets(prepared, s));
  const stage = spread(sheets.map((i) => sheetScores[i]));
  const byJuror = new Map<number, number[]>();
  for (const i of sheets) {
    const juror = prepared.sheetJuror[i];
    const own = byJuror.get(juror);
    if (own) own.push(i);
    else byJuror.set(juror, [i]);
  }

  const jurors = [...byJuror].map(([juror, own]): JurorReportRow => {
    const scores = spread(own.map((i) => sheetScores[i]));
    const pairs = own.flatMap((i) => {
      const others = Array.from(groupSheetsOf(prepared, s, prepared.sheetSubmission[i]))
        .filter((k) => prepared.sheetJuror[k] !== juror)
        .map((k) => sheetScores[k]);
      return others.length > 0 ? [[sheetScores[i], mean(others.sort((a, b) => a - b))] as const] : [];
    });
    return {
      juror: prepared.jurors[juror],
      sheets: scores.n,
      mean: scores.mean,
      sd: scores.sd,
      leniency: scores.mean - stage.mean,
      sdRatio: stage.sd > 0 ? scores.sd / stage.sd : null,
      agreement: {
        sharedInnovations: pairs.length,
        meanAbsoluteDeviation: pairs.length > 0 ? mean(pairs.map(([r, m]) => Math.abs(r - m))) : null,
        spearman:
          pairs.length >= 3
            ? spearman(
                pairs.map(([r]) => r),
                pairs.map(([, m]) => m),
              )
            : null,
      },
    };
  });

  return {
    stage: stageKey,
    sheets: stage.n,
    mean: stage.n > 0 ? stage.mean : null,
    sd: stage.n > 0 ? stage.sd : null,
    jurors: jurors.sort((a, b) => compareIds(a.juror, b.juror)),
  };
}

/** Spearman's rho: the Pearson correlation of the average ranks; null when either side has no variation. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** 1-based ranks, ties sharing the average of their positions. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}
