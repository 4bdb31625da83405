import type { CxWarning } from './types.ts';

/**
 * Every warning code a cx-metrics result can carry, one typed union (like zod's issue codes), so
 * `switch (w.code)` is checked by the compiler and a misspelt code does not compile.
 *
 * - Sample: `SMALL_SAMPLE`, `ZERO_VARIANCE`, `ZERO_EVENTS`, `INSUFFICIENT_DATA`, `LOW_COVERAGE`.
 * - Interval: `CLIPPED`, `ESTIMATE_OUTSIDE_INTERVAL`, `UNBOUNDED`, `LOWER_NOT_REACHED`,
 *   `UPPER_NOT_REACHED`, `NOT_REACHED`, `OVERFLOW`.
 * - Data: `WEIGHTED`, `MISSING_AS_PASSIVE`, `MISSING_FIELD`, `EXCLUDED`, `CENSORED`, `PENDING`,
 *   `UNRESOLVED`, `WINDOW_OPEN`, `AFTER_AS_OF`, `RESPONSE_AFTER_RESOLUTION`,
 *   `CLOSED_WITHOUT_RESPONSE`, `NOT_STARTED`, `OTHER_TYPES`.
 * - Journey: `SKIPPED_STAGE`, `NO_WINDOW`, `PURCHASED_AFTER_WINDOW`.
 * - Model: `RESTRICTED_MEAN`, `HORIZON_BEYOND_DATA`, `CONSTANT_HAZARD`, `ZERO_CHURN`.
 * - Tests: `SMALL_EXPECTED_COUNT` (a chi-square cell expected below 5), `HETEROGENEITY` (estimates
 *   vary around a trend line more than their standard errors allow), `NO_TEST` (a breakdown or trend
 *   whose comparison or test could not be run: too few groups or periods, weighted answers),
 *   `PARTIAL_PERIOD` (a trend's first or last period is only partly inside the range).
 *
 * @example
 * const codes = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }).warnings.map((w) => w.code)
 * codes // => ['SMALL_SAMPLE']
 */
export type WarningCode =
  | 'AFTER_AS_OF'
  | 'CENSORED'
  | 'CLIPPED'
  | 'CLOSED_WITHOUT_RESPONSE'
  | 'CONSTANT_HAZARD'
  | 'ESTIMATE_OUTSIDE_INTERVAL'
  | 'EXCLUDED'
  | 'HETEROGENEITY'
  | 'HORIZON_BEYOND_DATA'
  | 'INSUFFICIENT_DATA'
  | 'LOW_COVERAGE'
  | 'LOWER_NOT_REACHED'
  | 'MISSING_AS_PASSIVE'
  | 'MISSING_FIELD'
  | 'NOT_REACHED'
  | 'NO_WINDOW'
  | 'NO_TEST'
  | 'PARTIAL_PERIOD'
  | 'NOT_STARTED'
  | 'OTHER_TYPES'
  | 'OVERFLOW'
  | 'PENDING'
  | 'PURCHASED_AFTER_WINDOW'
  | 'RESPONSE_AFTER_RESOLUTION'
  | 'RESTRICTED_MEAN'
  | 'SKIPPED_STAGE'
  | 'SMALL_EXPECTED_COUNT'
  | 'SMALL_SAMPLE'
  | 'UNBOUNDED'
  | 'UNRESOLVED'
  | 'UPPER_NOT_REACHED'
  | 'WEIGHTED'
  | 'WINDOW_OPEN'
  | 'ZERO_CHURN'
  | 'ZERO_EVENTS'
  | 'ZERO_VARIANCE';

/** Make a warning: the one constructor every result's warnings come from. @internal */
export function warning(code: WarningCode, message: string): CxWarning {
  return { code, message };
}

/**
 * The one SMALL_SAMPLE rule (docs/conventions.md, section 8): an estimate resting on fewer than
 * this many observations (its `n`, Kish effective n when weighted) carries a SMALL_SAMPLE warning.
 * @internal
 */
export const SMALL_SAMPLE_N = 30;
