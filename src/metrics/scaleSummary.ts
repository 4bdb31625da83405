import { kishEffectiveSize } from '../stats/effectiveSampleSize.ts';
import { clipInterval } from '../stats/interval.ts';
import { tUpperQuantile } from '../stats/studentT.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { noAnswersError, type ReadScores, zeroWeightError } from './scores.ts';

/**
 * Answers at one point of a rating scale.
 *
 * @example
 * csat([5, 4, 4, 3, 1]).distribution[3] // => { score: 4, count: 2, share: 0.4 }
 */
export interface ScalePoint {
  score: number;
  /** Answers with this score (unweighted). */
  count: number;
  /** Share of answers with this score, 0…1 (weighted when weights are given). */
  share: number;
}

/**
 * Weighted tallies of answered scores on an integer scale: counts and weighted totals per point,
 * the total weight and Kish's effective n (= the count when unweighted). @internal
 */
export interface Tally {
  distribution: ScalePoint[];
  /** Effective sample size: the number of answers, or Kish's n_eff with weights. */
  n: number;
  answered: number;
  totalWeight: number;
  /** Weighted share of answers whose score satisfies `inGroup`. */
  share: (inGroup: (score: number) => boolean) => number;
  /** Unweighted count of answers whose score satisfies `inGroup`. */
  count: (inGroup: (score: number) => boolean) => number;
}

/** Tallies of answered scores; EMPTY_INPUT when none is answered or all weights are 0. @internal */
export function tally(fn: string, read: ReadScores, min: number, max: number): Tally {
  if (read.values.length === 0) throw noAnswersError(fn, read, min, max);
  const counts = new Array<number>(max - min + 1).fill(0);
  const weights = new Array<number>(max - min + 1).fill(0);
  let totalWeight = 0;
  for (let i = 0; i < read.values.length; i++) {
    const k = (read.values[i] as number) - min;
    counts[k] = (counts[k] as number) + 1;
    weights[k] = (weights[k] as number) + (read.weights[i] as number);
    totalWeight += read.weights[i] as number;
  }
  if (totalWeight === 0) throw zeroWeightError(fn);
  const n = read.weighted ? kishEffectiveSize(read.weights) : read.values.length;
  const distribution = counts.map((count, k) => ({
    score: min + k,
    count,
    share: totalWeight > 0 ? (weights[k] as number) / totalWeight : 0,
  }));
  return {
    distribution,
    n,
    answered: read.values.length,
    totalWeight,
    // Sum the group's weight first and divide once, so 3 of 5 is exactly 0.6.
    share: (inGroup) => weights.reduce((s, w, k) => (inGroup(min + k) ? s + w : s), 0) / totalWeight,
    count: (inGroup) => distribution.reduce((s, p) => (inGroup(p.score) ? s + p.count : s), 0),
  };
}

/**
 * Mean score with a t interval on n (or Kish's n_eff with weights: the weighted mean's variance
 * s²_w/n_eff, df = n_eff − 1), clipped to the scale. With a single answer the interval is the
 * whole scale and a SMALL_SAMPLE warning says so. @internal
 */
export function meanScore(
  fn: string,
  read: ReadScores,
  counted: Tally,
  min: number,
  max: number,
  confidence: number,
): Estimate {
  const warnings: CxWarning[] = [];
  const w = read.weights;
  const x = read.values;
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += (w[i] as number) * (x[i] as number);
  mean /= counted.totalWeight;
  const n = counted.n;
  if (x.length < 2) {
    warnings.push({
      code: 'SMALL_SAMPLE',
      message: `${fn}: one answer gives no spread; the mean's interval is the whole scale`,
    });
    return { value: mean, lower: min, upper: max, confidence, method: 't', n, warnings };
  }
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (w[i] as number) * ((x[i] as number) - mean) ** 2;
  // Weighted sample variance with the Kish correction n_eff/(n_eff − 1).
  const variance = (ss / counted.totalWeight) * (n / (n - 1));
  const standardError = Math.sqrt(variance / n);
  if (standardError === 0) {
    warnings.push({
      code: 'ZERO_VARIANCE',
      message: `${fn}: every answer is ${mean}; the mean's interval is one point`,
    });
    return { value: mean, lower: mean, upper: mean, confidence, method: 't', n, standardError, warnings };
  }
  const spread = tUpperQuantile((1 - confidence) / 2, Math.max(n - 1, Number.MIN_VALUE)) * standardError;
  const { lower, upper } = clipInterval(fn, mean - spread, mean + spread, min, max, warnings);
  return { value: mean, lower, upper, confidence, method: 't', n, standardError, warnings };
}
