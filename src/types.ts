import type { WarningCode } from './warnings.ts';

/**
 * A two-sided confidence interval and the method that produced it.
 *
 * @example
 * const ci = proportionInterval(42, 50, { confidence: 0.9 })
 * [ci.confidence, ci.method] // => [0.9, 'wilson']
 * ci.lower < ci.value && ci.value < ci.upper // => true
 */
export interface Interval {
  lower: number;
  upper: number;
  /** Nominal confidence level, e.g. 0.95. */
  confidence: number;
  /** Name of the interval method, e.g. `'wilson'`. */
  method: string;
}

/**
 * A note attached to a result: something the user should know before quoting the number.
 *
 * @example
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }).warnings[0].code // => 'SMALL_SAMPLE'
 */
export interface CxWarning {
  /** Stable machine-readable code from one typed union: SMALL_SAMPLE, ZERO_VARIANCE, CLIPPED, WEIGHTED, … */
  code: WarningCode;
  message: string;
}

/**
 * A point estimate with its interval, the sample it rests on, and any warnings.
 *
 * @example
 * const e = proportionInterval(42, 50)
 * [e.value, e.n, e.method, e.warnings] // => [0.84, 50, 'wilson', []]
 */
export interface Estimate extends Interval {
  /** Point estimate. */
  value: number;
  /** Observations used (Kish effective n when weighted). */
  n: number;
  standardError?: number;
  warnings: CxWarning[];
}

/**
 * A signed difference a − b with its interval and two-sided p-value.
 *
 * @example
 * const d = compareProportions({ successes: 42, n: 50 }, { successes: 30, n: 50 }, { method: 'wald' })
 * [d.a.value, d.b.value, d.confidence, d.method] // => [0.84, 0.6, 0.95, 'wald']
 * d.pValue < 0.01 // => true
 */
export interface Difference extends Interval {
  difference: number;
  pValue: number;
  a: Estimate;
  b: Estimate;
  warnings: CxWarning[];
}

/**
 * Options shared by every function that draws random numbers.
 *
 * @example
 * const counts = { promoters: 5, passives: 3, detractors: 2 }
 * const a = npsFromCounts(counts, { method: 'bayes', resamples: 1000, seed: 42 })
 * a.lower === npsFromCounts(counts, { method: 'bayes', resamples: 1000, seed: 42 }).lower // => true
 * a.lower === npsFromCounts(counts, { method: 'bayes', resamples: 1000, rng: seededRandom(42) }).lower // => true
 */
export interface RandomOptions {
  /** Seed for the built-in generator; the same seed gives the same result. */
  seed?: number;
  /** A generator returning numbers in [0, 1); overrides `seed`. */
  rng?: () => number;
}
