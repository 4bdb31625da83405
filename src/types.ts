/** A two-sided confidence interval and the method that produced it. */
export interface Interval {
  lower: number;
  upper: number;
  /** Nominal confidence level, e.g. 0.95. */
  confidence: number;
  /** Name of the interval method, e.g. `'wilson'`. */
  method: string;
}

/** A note attached to a result: something the user should know before quoting the number. */
export interface CxWarning {
  /** Stable machine-readable code: SMALL_SAMPLE, ZERO_VARIANCE, CLIPPED, WEIGHTED, … */
  code: string;
  message: string;
}

/** A point estimate with its interval, the sample it rests on, and any warnings. */
export interface Estimate extends Interval {
  /** Point estimate. */
  value: number;
  /** Observations used (Kish effective n when weighted). */
  n: number;
  standardError?: number;
  warnings: CxWarning[];
}

/** A signed difference a − b with its interval and two-sided p-value. */
export interface Difference extends Interval {
  difference: number;
  pValue: number;
  a: Estimate;
  b: Estimate;
  warnings: CxWarning[];
}

/** Options shared by every function that draws random numbers. */
export interface RandomOptions {
  /** Seed for the built-in generator; the same seed gives the same result. */
  seed?: number;
  /** A generator returning numbers in [0, 1); overrides `seed`. */
  rng?: () => number;
}
