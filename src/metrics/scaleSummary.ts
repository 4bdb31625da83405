import { clipInterval } from '../stats/interval.ts';
import { tUpperQuantile } from '../stats/studentT.ts';
import type { ScoreHistogram } from '../summary/types.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import { noAnswersError, zeroWeightError } from './histogramSummary.ts';

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
 * The totals of a rating-scale histogram (CSAT, CES) that their estimates need: per point the
 * count and the (weighted) total, the total weight, and the effective n (the number of answers,
 * or Kish's n_eff = (Σw)²/Σw² when weighted). @internal
 */
export interface ScaleTotals {
  min: number;
  /** Weighted total per point (the counts when unweighted). */
  weights: number[];
  counts: number[];
  totalWeight: number;
  answered: number;
  n: number;
  weighted: boolean;
}

/** Totals of a histogram on [min, max]; EMPTY_INPUT when nothing is answered or all weights are 0. @internal */
export function scaleTotals(fn: string, h: Omit<ScoreHistogram, 'version'>, min: number, max: number): ScaleTotals {
  let answered = 0;
  for (const c of h.counts) answered += c;
  if (answered === 0) throw noAnswersError(fn, h.skipped, min, max);
  const weights = h.weights === undefined ? h.counts : h.weights.sum;
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  if (totalWeight === 0) throw zeroWeightError(fn);
  let n = answered;
  if (h.weights !== undefined) {
    let squares = 0;
    for (const q of h.weights.sumSquares) squares += q;
    n = (totalWeight * totalWeight) / squares;
  }
  return { min, weights, counts: h.counts, totalWeight, answered, n, weighted: h.weights !== undefined };
}

/** Answers and weighted share at every point of the scale. @internal */
export function distributionOf(t: ScaleTotals): ScalePoint[] {
  return t.counts.map((count, k) => ({ score: t.min + k, count, share: (t.weights[k] as number) / t.totalWeight }));
}

/** Weighted share of the answers whose score satisfies `inGroup` (summed first, divided once: 3 of 5 is 0.6). @internal */
export function shareOf(t: ScaleTotals, inGroup: (score: number) => boolean): number {
  let s = 0;
  for (let k = 0; k < t.weights.length; k++) if (inGroup(t.min + k)) s += t.weights[k] as number;
  return s / t.totalWeight;
}

/** Unweighted count of the answers whose score satisfies `inGroup`. @internal */
export function countOf(t: ScaleTotals, inGroup: (score: number) => boolean): number {
  let s = 0;
  for (let k = 0; k < t.counts.length; k++) if (inGroup(t.min + k)) s += t.counts[k] as number;
  return s;
}

/**
 * Mean score with a t interval on n (or Kish's n_eff with weights: the weighted mean's variance
 * s²_w/n_eff, df = n_eff − 1), clipped to the scale, from the histogram: x̄ = Σ W_k x_k / W and
 * SS = Σ W_k (x_k − x̄)² over the points of the scale (Student 1908). With a single answer the
 * interval is the whole scale and an INSUFFICIENT_DATA warning says so (as for one duration in
 * `ttr`'s mean; SMALL_SAMPLE is only the below-30 rule, docs/conventions.md). @internal
 */
export function meanScore(fn: string, t: ScaleTotals, max: number, confidence: number): Estimate {
  const warnings: CxWarning[] = [];
  const min = t.min;
  let mean = 0;
  for (let k = 0; k < t.weights.length; k++) mean += (t.weights[k] as number) * (min + k);
  mean /= t.totalWeight;
  const n = t.n;
  if (t.answered < 2) {
    warnings.push(
      warning('INSUFFICIENT_DATA', `${fn}: one answer gives no spread; the mean's interval is the whole scale`),
    );
    return { value: mean, lower: min, upper: max, confidence, method: 't', n, warnings };
  }
  let ss = 0;
  for (let k = 0; k < t.weights.length; k++) ss += (t.weights[k] as number) * (min + k - mean) ** 2;
  // Weighted sample variance with the Kish correction n_eff/(n_eff − 1).
  const variance = (ss / t.totalWeight) * (n / (n - 1));
  const standardError = Math.sqrt(variance / n);
  if (standardError === 0) {
    warnings.push(warning('ZERO_VARIANCE', `${fn}: every answer is ${mean}; the mean's interval is one point`));
    return { value: mean, lower: mean, upper: mean, confidence, method: 't', n, standardError, warnings };
  }
  const spread = tUpperQuantile((1 - confidence) / 2, Math.max(n - 1, Number.MIN_VALUE)) * standardError;
  const { lower, upper } = clipInterval(fn, mean - spread, mean + spread, min, max, warnings);
  return { value: mean, lower, upper, confidence, method: 't', n, standardError, warnings };
}
