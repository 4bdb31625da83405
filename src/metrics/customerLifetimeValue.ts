import { CxMetricsError } from '../errors.ts';
import { percent, printable } from '../format/printable.ts';
import { checkConfidence, describe } from '../stats/validate.ts';
import type { CxWarning, Estimate } from '../types.ts';

/**
 * Input of `customerLifetimeValue`: ARPA, churn, margin and discount rate, all per the same period
 * (a month, a year, …). `C` is `number` for a churn probability, `Estimate` for one with an
 * interval (the CLV then gets one too). The CLV is in ARPA's currency.
 *
 * @example
 * customerLifetimeValue({ arpa: 100, churnRate: 0.02 }).value // => 5000 (to 1e-12)
 */
export interface CustomerLifetimeValueInput<C extends number | Estimate = number | Estimate> {
  /** Average revenue per account per period (e.g. monthly ARPA), finite and ≥ 0. */
  arpa: number;
  /** Churn probability per the same period, in [0, 1], or a churn Estimate (e.g. from `churnRate`). */
  churnRate: C;
  /** Gross margin as a share, 0…1; 1 by default (then CLV is lifetime revenue, not value). */
  margin?: number;
  /** Discount rate per the same period, ≥ 0; 0 (no discounting) by default. */
  discountRate?: number;
}

/**
 * Customer lifetime value and the inputs it came from.
 *
 * @example
 * const clv = customerLifetimeValue({ arpa: 100, churnRate: 0.02, margin: 0.8 })
 * [clv.value, clv.margin, clv.discountRate] // => [4000, 0.8, 0]
 * clv.expectedLifetime // => 50
 */
export interface CustomerLifetimeValueResult {
  kind: 'customer-lifetime-value';
  /** CLV in the currency of `arpa`; Infinity when churn and discount rate are both 0. */
  value: number;
  arpa: number;
  margin: number;
  discountRate: number;
  /** The churn probability per period used for `value`. */
  churnRate: number;
  /** Expected lifetime 1 / churnRate in periods (undiscounted); Infinity at churn 0. */
  expectedLifetime: number;
  warnings: CxWarning[];
}

/**
 * CLV with the interval carried through from a churn Estimate.
 *
 * @example
 * const clv = customerLifetimeValue({ arpa: 100, churnRate: churnRate({ customersAtStart: 500, churned: 10 }) })
 * [clv.churnRate, clv.n, clv.confidence] // => [0.02, 500, 0.95]
 * clv.value // => 5000
 */
export interface CustomerLifetimeValueEstimate extends CustomerLifetimeValueResult, Estimate {}

/**
 * Customer lifetime value (CLV) under a constant churn rate: the expected margin a customer brings
 * over their lifetime, optionally discounted.
 *
 * With margin m, ARPA a, churn c and discount rate d, all per the same period, and the margin of
 * each period collected at its start (subscriptions are billed in advance), a customer pays in
 * period t (t = 0, 1, …) with probability (1 − c)^t, so
 * CLV = Σ a·m·(1 − c)^t/(1 + d)^t = a·m·(1 + d)/(d + c), which is a·m/c without discounting
 * (expected lifetime 1/c periods). This is the infinite-horizon, constant-retention formula of
 * Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1):9–24,
 * doi:10.1002/dir.10045, who write it as m·r/(1 + i − r) with retention r = 1 − c for margins
 * received at the end of each period; ours is theirs times (1 + d)/r. See also Gupta, Lehmann &
 * Stuart (2004), doi:10.1509/jmkr.41.1.7.25084.
 *
 * Churn 0 without discounting gives `Infinity` with a ZERO_CHURN warning, never NaN (a zero ARPA or
 * margin gives 0); churn so close to 0 that the value passes 1.8e308 gives `Infinity` with an
 * OVERFLOW warning. An exposure rate (churn per customer-time) is refused: it is not a probability. With a churn Estimate the interval is carried through: CLV decreases in churn,
 * so the CLV lower bound comes from churn's upper bound and the CLV upper bound from churn's lower
 * bound (Infinity, with an UNBOUNDED warning, when that is 0 and d = 0); `confidence`, `method` and
 * `n` are the churn estimate's. The constant-churn assumption matters: real churn falls with
 * tenure, which this formula ignores (docs/churn.md).
 *
 * @param input - `{ arpa, churnRate, margin?, discountRate? }`: arpa ≥ 0; churnRate in [0, 1] or a
 *   churn Estimate with value and bounds in [0, 1]; margin in [0, 1] (1); discountRate ≥ 0 (0)
 * @returns CustomerLifetimeValueResult `{ value, arpa, margin, discountRate, churnRate, expectedLifetime,
 *   warnings }`; for a churn Estimate also `lower`, `upper`, `confidence`, `method`, `n`
 * @throws CxMetricsError INVALID_VALUE for an arpa, margin or discount rate that is not a finite
 *   number in range, or a churn rate (or Estimate bound) outside [0, 1] or out of order
 * @example
 * customerLifetimeValue({ arpa: 100, churnRate: 0.02, margin: 0.8 }).value // => 4000 (to 1e-12)
 * customerLifetimeValue({ arpa: 100, churnRate: 0.02, margin: 0.8, discountRate: 0.01 }).value // => 2693.3333333333335 (to 1e-12)
 * customerLifetimeValue({ arpa: 100, churnRate: 0 }).value // => Infinity
 * const clv = customerLifetimeValue({ arpa: 100, churnRate: churnRate({ customersAtStart: 500, churned: 10 }) })
 * clv.lower // => 100 / churnRate({ customersAtStart: 500, churned: 10 }).upper (to 1e-12)
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput<number>): CustomerLifetimeValueResult;
export function customerLifetimeValue(input: CustomerLifetimeValueInput<Estimate>): CustomerLifetimeValueEstimate;
export function customerLifetimeValue(
  input: CustomerLifetimeValueInput,
): CustomerLifetimeValueResult | CustomerLifetimeValueEstimate;
export function customerLifetimeValue(
  input: CustomerLifetimeValueInput,
): CustomerLifetimeValueResult | CustomerLifetimeValueEstimate {
  const fn = 'customerLifetimeValue';
  if (input === null || typeof input !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected { arpa, churnRate, margin?, discountRate? }, got ${describe(input)}`,
      { value: input },
    );
  }
  const arpa = checkNumber(fn, 'arpa', input.arpa, 0, Number.POSITIVE_INFINITY);
  const margin = checkNumber(fn, 'margin', input.margin ?? 1, 0, 1);
  const discountRate = checkNumber(fn, 'discountRate', input.discountRate ?? 0, 0, Number.POSITIVE_INFINITY);
  const perPeriod = arpa * margin;
  // Divide first: a·m/(d + c) stays finite for tiny churn and tiny ARPA alike, and a huge discount
  // rate cannot overflow (1 + d)·a·m.
  const clv = (c: number): number => (perPeriod === 0 ? 0 : (perPeriod / (discountRate + c)) * (1 + discountRate));

  const churn = input.churnRate;
  const warnings: CxWarning[] = [];
  let c: number;
  let estimate: Estimate | undefined;
  if (typeof churn === 'number') {
    c = checkChurn(fn, 'churnRate', churn);
  } else if (churn !== null && typeof churn === 'object') {
    if ((churn as { definition?: unknown }).definition === 'exposure') {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: churnRate is an exposure rate (churn events per customer-time), not a probability per period; use the cohort definition or churnRate({ customersAtStart, churned })`,
        { value: churn },
      );
    }
    c = checkChurn(fn, 'churnRate.value', churn.value);
    const lower = checkChurn(fn, 'churnRate.lower', churn.lower);
    const upper = checkChurn(fn, 'churnRate.upper', churn.upper);
    if (!(lower <= c && c <= upper)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: churnRate has lower ${lower}, value ${c}, upper ${upper}; expected lower ≤ value ≤ upper`,
        { value: churn },
      );
    }
    estimate = churn;
    if (Array.isArray(churn.warnings)) warnings.push(...churn.warnings.map((w) => ({ ...w })));
  } else {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: churnRate is ${describe(churn)}; expected a churn probability from 0 to 1 per period or a churn Estimate`,
      { value: churn },
    );
  }
  const value = clv(c);
  if (value === Number.POSITIVE_INFINITY && c > 0) {
    warnings.push({
      code: 'OVERFLOW',
      message: `${fn}: the lifetime value exceeds the largest representable number (arpa ${arpa}, churn ${c}): churn this close to 0 makes it effectively infinite`,
    });
  } else if (value === Number.POSITIVE_INFINITY) {
    warnings.push({
      code: 'ZERO_CHURN',
      message: `${fn}: churn rate 0 and no discounting make the lifetime value infinite; no customer base keeps everyone forever, so measure churn over a longer window or set a discountRate`,
    });
  }
  const result: CustomerLifetimeValueResult = {
    kind: 'customer-lifetime-value',
    value,
    arpa,
    margin,
    discountRate,
    churnRate: c,
    expectedLifetime: 1 / c,
    warnings,
  };
  if (estimate === undefined) {
    return printable(
      result,
      (r) =>
        `CLV ${Number(r.value.toPrecision(6))} (ARPA ${r.arpa}, margin ${percent(r.margin)}, churn ${percent(r.churnRate)} per period` +
        `${r.discountRate > 0 ? `, discount ${percent(r.discountRate)}` : ''})${r.warnings.map((w) => ` ⚠ ${w.code}`).join('')}`,
    );
  }

  const confidence = checkConfidence(fn, estimate.confidence);
  const upper = clv(estimate.lower);
  if (upper === Number.POSITIVE_INFINITY && value !== Number.POSITIVE_INFINITY) {
    warnings.push({
      code: 'UNBOUNDED',
      message: `${fn}: the churn interval reaches 0, so with no discounting the CLV interval has no upper bound (Infinity)`,
    });
  }
  return printable({
    ...result,
    lower: clv(estimate.upper),
    upper,
    confidence,
    method: typeof estimate.method === 'string' ? estimate.method : 'unknown',
    n: estimate.n,
  });
}

function checkNumber(fn: string, name: string, x: unknown, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
    const range = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(x)}; expected a finite number ${range}`, {
      value: x,
    });
  }
  return x;
}

function checkChurn(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(x)}; expected a churn probability from 0 to 1 per period`,
      { value: x },
    );
  }
  return x;
}
