import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkCount, checkOneOf, checkPositive, describe } from '../stats/validate.ts';
import type { Timestamp } from '../time/timestamp.ts';
import type { Estimate } from '../types.ts';
import type { ArrowTable } from './arrowColumn.ts';
import {
  CHURN_ESTIMATE_KEYS,
  CHURN_SUMMARY_KEYS,
  type ChurnDefinition,
  estimateChurn,
  exposureEstimate,
  summarizeChurn,
} from './churnSummary.ts';
import type { CustomerRecord, TimeUnit } from './customers.ts';

export { CHURN_DEFINITIONS, type ChurnDefinition } from './churnSummary.ts';

/**
 * A churn estimate that names its definition (and, for exposure rates, its unit).
 *
 * @example
 * churnRate({ customersAtStart: 1000, churned: 62 }).definition // => 'cohort'
 * const perMonth = churnRateByExposure({ churned: 62, exposure: 1069 })
 * [perMonth.definition, perMonth.churned, perMonth.exposure] // => ['exposure', 62, 1069]
 */
export interface ChurnEstimate extends Estimate {
  kind: 'churn';
  definition: ChurnDefinition;
  /** Unit of customer-time of an exposure rate from `churn` (the rate is per customer-`unit`). */
  unit?: TimeUnit;
  /** Churn events counted (the numerator). */
  churned: number;
  /** Customer-time (exposure definition), in `unit`s for `churn`, in the caller's unit otherwise. */
  exposure?: number;
}

/**
 * Result of `churn`: the estimate plus the window and the customers it rests on.
 *
 * @example
 * const customers = [{ startedAt: '2026-01-01', endedAt: '2026-03-15' }, { startedAt: '2026-02-01' }]
 * const r = churn(customers, { from: '2026-01-01', to: '2026-04-01' })
 * [r.customers, r.from, r.to] // => [1, '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']
 */
export interface ChurnResult extends ChurnEstimate {
  /**
   * Customers the estimate rests on: for `'cohort'` those active at `from` (= n); for
   * `'exposure'` those with some active time inside the window.
   */
  customers: number;
  /** The window, as ISO-8601 UTC strings. */
  from: string;
  to: string;
}

/**
 * Options of `churnRate` (the churned share of a starting cohort, from counts).
 *
 * @example
 * churnRate({ customersAtStart: 1000, churned: 62 }, { method: 'jeffreys' }).method // => 'jeffreys'
 */
export interface ChurnRateOptions {
  /** Proportion interval method; `'wilson'` by default. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `churnRateByExposure` (churn events per unit of customer-time, exact Poisson interval).
 *
 * @example
 * churnRateByExposure({ churned: 62, exposure: 1069 }, { confidence: 0.9 }).upper // => 0.07165477209726659 (to 1e-12)
 */
export interface ChurnRateByExposureOptions {
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `churn`: the window (from, to] and the churn definition, with its interval.
 *
 * @example
 * const customers = [{ startedAt: '2026-01-01', endedAt: '2026-03-15' }, { startedAt: '2026-02-01' }]
 * churn(customers, { from: '2026-01-01', to: '2026-04-01' }).value // => 1 (the one customer active on Jan 1 left)
 */
export interface ChurnOptions {
  /**
   * Start of the window (required): Date, ISO-8601 string (no offset = UTC) or epoch ms. The
   * cohort is the customers active at this instant.
   */
  from: Timestamp;
  /** End of the window, after `from` (required): a churn counts when from < endedAt ≤ to. */
  to: Timestamp;
  /** `'cohort'` (default) or `'exposure'`. */
  definition?: ChurnDefinition;
  /** Exposure definition only: the unit of customer-time; `'day'` by default. */
  unit?: TimeUnit;
  /** Cohort definition only: proportion interval method; `'wilson'` by default. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Cohort churn rate from counts: the share of the customers at the start of a period who churned
 * during it, with a confidence interval for a binomial proportion.
 *
 * churn = churned / customersAtStart. Customers who joined during the period are in neither count
 * (see docs/churn.md for why the denominator matters). The interval is Wilson's score interval by
 * default (Wilson 1927, doi:10.1080/01621459.1927.10502953); any method of `proportionInterval`
 * can be chosen with `method`. The customers are treated as independent Bernoulli trials with a
 * common churn probability.
 *
 * @param counts - `{ customersAtStart, churned }`: whole numbers, customersAtStart ≥ 1,
 *   0 ≤ churned ≤ customersAtStart
 * @param options - `method` (`'wilson'`), `confidence` (0.95)
 * @returns ChurnEstimate with definition `'cohort'`, value = churned / customersAtStart,
 *   n = customersAtStart, `churned`
 * @throws CxMetricsError EMPTY_INPUT when customersAtStart is 0; INVALID_VALUE for counts that are
 *   not whole numbers ≥ 0 or churned > customersAtStart; INVALID_OPTION for an unknown method or a
 *   confidence outside (0, 1)
 * @example
 * const monthly = churnRate({ customersAtStart: 1000, churned: 62 })
 * monthly.value // => 0.062
 * monthly.lower // => 0.04866418011998064 (to 1e-12)
 * monthly.upper // => 0.07868806031336564 (to 1e-12)
 * churnRate({ customersAtStart: 40, churned: 0 }, { method: 'clopper-pearson' }).upper // => 0.08809730287880237 (to 1e-12) (1 − 0.025^0.025, the exact bound at 0 of 40)
 */
export function churnRate(
  counts: { customersAtStart: number; churned: number },
  options: ChurnRateOptions = {},
): ChurnEstimate {
  const fn = 'churnRate';
  if (counts === null || typeof counts !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected { customersAtStart, churned }, got ${describe(counts)}`,
      {
        value: counts,
      },
    );
  }
  const n = checkCount(fn, 'customersAtStart', counts.customersAtStart);
  const churned = checkCount(fn, 'churned', counts.churned);
  const opts = checkOptions(fn, options, ['method', 'confidence']);
  const method = checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  if (n === 0) {
    throw new CxMetricsError('EMPTY_INPUT', `${fn}: customersAtStart is 0; expected at least one customer`, {
      value: n,
    });
  }
  if (churned > n) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: churned (${churned}) exceeds customersAtStart (${n}); only customers present at the start can churn ` +
        'in the cohort definition (for churn per customer-time use churnRateByExposure)',
      { value: churned },
    );
  }
  return printable({
    kind: 'churn',
    definition: 'cohort',
    churned,
    ...proportionIntervalUnchecked(fn, churned, n, method, confidence),
  });
}

/**
 * Churn rate per unit of customer-time (exposure), with the exact Poisson (Garwood) interval.
 *
 * rate = churned / exposure, where exposure is the customer-time at risk (customer-days,
 * customer-months, …; the rate is per unit of that time). Unlike the cohort rate, every customer
 * counts for exactly the time they were a customer, new joiners included. The interval treats
 * churn events as Poisson with a constant rate: lower = G⁻¹(α/2; k)/E (0 when k = 0), upper =
 * G⁻¹(1 − α/2; k + 1)/E, G⁻¹(·; s) the gamma quantile with shape s (Garwood 1936,
 * doi:10.1093/biomet/28.3-4.437), as `poissonRateInterval`. A rate is not a probability: it can
 * exceed 1 per unit when customers stay less than one unit on average (the probability of
 * churning within t units at a constant rate λ is 1 − e^(−λt)).
 *
 * @param counts - `{ churned, exposure }`: a whole number of churn events ≥ 0 and the total
 *   customer-time, finite and > 0, in the unit you want the rate per
 * @param options - `confidence` (0.95)
 * @returns ChurnEstimate with definition `'exposure'`, method `'exact-garwood'`, n = churned
 *   (the information in a Poisson rate is its event count), `churned`, `exposure`
 * @throws CxMetricsError INVALID_VALUE for a fractional or negative churned count or an exposure
 *   that is not a finite number > 0; INVALID_OPTION for a confidence outside (0, 1)
 * @example
 * const perCustomerMonth = churnRateByExposure({ churned: 62, exposure: 1069 })
 * perCustomerMonth.value // => 62 / 1069
 * perCustomerMonth.upper // => 0.07435098398105355 (to 1e-12) (the 0.975 χ² quantile at 126 df, halved, over 1069)
 */
export function churnRateByExposure(
  counts: { churned: number; exposure: number },
  options: ChurnRateByExposureOptions = {},
): ChurnEstimate {
  const fn = 'churnRateByExposure';
  if (counts === null || typeof counts !== 'object') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected { churned, exposure }, got ${describe(counts)}`, {
      value: counts,
    });
  }
  const churned = checkCount(fn, 'churned', counts.churned);
  const exposure = checkPositive(fn, 'exposure', counts.exposure);
  const confidence = checkConfidence(fn, checkOptions(fn, options, ['confidence']).confidence ?? 0.95);
  return printable(exposureEstimate(fn, churned, exposure, confidence));
}

/**
 * Churn from customer records over a window [from, to], by one of two definitions.
 *
 * Each record is active on [startedAt, endedAt): a customer is **active at instant t** when
 * startedAt ≤ t < endedAt (no endedAt: still active), and **churns inside the window** when
 * from < endedAt ≤ to. With these half-open conventions consecutive windows (a, b], (b, c] count
 * every churn exactly once, and a customer active at `from` is either churned in the window or
 * still active at `to` (the next window's `from`), never both or neither. A customer who starts
 * exactly at `from` is active at `from`; one who ends exactly at `from` churned in the previous
 * window.
 *
 * - `'cohort'` (default): churned ÷ customers active at `from`, i.e. the share of
 *   {startedAt ≤ from < endedAt} with endedAt ≤ to; n = that count. Customers who start after
 *   `from` (including those who join and leave inside the window) count in neither. Interval as
 *   `churnRate` (Wilson 1927 by default, `method` to choose another).
 * - `'exposure'`: churn events in the window (from < endedAt ≤ to, any customer) ÷ customer-time
 *   in the window, Σ |[startedAt, endedAt) ∩ [from, to)|, per customer-`unit` (`'day'` by default;
 *   `'week'` 7 days, `'month'` 30.4375, `'quarter'` 91.3125, `'year'` 365.25). Exact Poisson
 *   interval (Garwood 1936), as `churnRateByExposure`; n = churned events.
 *
 * @param customers - records `{ id, startedAt, endedAt? }` (Date, ISO-8601 string without offset
 *   read as UTC, or epoch ms; endedAt absent/null/blank while active), or an Arrow table with
 *   `startedAt` and `endedAt` columns (Timestamp in any unit or Date; null = still active); not
 *   mutated
 * @param options - `from`, `to` (required, to > from), `definition`, `unit`, `method` (cohort),
 *   `confidence`
 * @returns ChurnResult: the Estimate with `definition`, `churned`, `customers`, `from`, `to`, and
 *   for `'exposure'` `unit` and `exposure` (customer-time in units)
 * @throws CxMetricsError EMPTY_INPUT for no records; INVALID_VALUE (with the record index, the
 *   field named in the message) for an unreadable startedAt/endedAt or an endedAt before its
 *   startedAt; INSUFFICIENT_DATA when no customer is active at `from` (cohort) or there is no
 *   customer-time in the window (exposure); INVALID_OPTION for a bad window, definition, unit,
 *   method or confidence, or `method` with the exposure definition
 * @example
 * const customers = [
 *   { id: 'a', startedAt: '2025-01-10', endedAt: '2025-03-05' },
 *   { id: 'b', startedAt: '2025-02-01' },
 *   { id: 'c', startedAt: '2025-02-20', endedAt: '2025-04-02' },
 *   { id: 'd', startedAt: '2025-03-10', endedAt: '2025-03-20' },
 * ]
 * const march = churn(customers, { from: '2025-03-01', to: '2025-04-01' })
 * [march.churned, march.n, march.value] // => [1, 3, 1 / 3]
 * const perDay = churn(customers, { from: '2025-03-01', to: '2025-04-01', definition: 'exposure' })
 * [perDay.churned, perDay.exposure] // => [2, 4 + 31 + 31 + 10]
 * // The same customers as an Arrow table (arrow = apache-arrow); a null endedAt is still active:
 * const table = arrow.tableFromArrays({ startedAt: customers.map((c) => new Date(c.startedAt)), endedAt: customers.map((c) => (c.endedAt ? new Date(c.endedAt) : null)) })
 * churn(table, { from: '2025-03-01', to: '2025-04-01' }).value // => 1 / 3
 */
export function churn(customers: readonly CustomerRecord[] | ArrowTable, options: ChurnOptions): ChurnResult {
  const fn = 'churn';
  const o = checkOptions(fn, options as unknown as Record<string, unknown> | undefined, CHURN_KEYS);
  checkConfidence(fn, o.confidence ?? 0.95);
  return estimateChurn(fn, summarizeChurn(fn, customers, o), o);
}

const CHURN_KEYS: readonly string[] = [...CHURN_SUMMARY_KEYS, ...CHURN_ESTIMATE_KEYS];
