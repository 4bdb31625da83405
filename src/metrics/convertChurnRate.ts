import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { checkConfidence, describe } from '../stats/validate.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { TIME_UNIT_DAYS, TIME_UNITS, type TimeUnit } from './customers.ts';

/**
 * A period length: a named unit (a month is 30.4375 days, a year 365.25) or a number of days.
 *
 * @example
 * convertChurnRate(0.02, { from: 'month', to: 3 * 30.4375 }) // => 0.058808 (to 1e-14) (1 − 0.98³)
 * convertChurnRate(0.02, { from: 'month', to: 'quarter' }) // => 0.058808 (to 1e-14)
 */
export type ChurnPeriod = TimeUnit | number;

/**
 * Options of `convertChurnRate`: the period the given churn probability is per and the period to
 * convert it to (both required).
 *
 * @example
 * convertChurnRate(0.02, { from: 'month', to: 'quarter' }) // => 0.058808 (to 1e-14) (1 − 0.98³)
 */
export interface ConvertChurnRateOptions {
  /** The period the given rate is per: `'month'`, `'year'`, `'week'`, `'day'`, `'quarter'` or days. */
  from: ChurnPeriod;
  /** The period to convert to: a unit as in `from`, or a number of days. */
  to: ChurnPeriod;
}

/**
 * A converted churn estimate: the bounds transformed like the value, and the periods in days.
 *
 * @example
 * const annual = convertChurnRate(churnRate({ customersAtStart: 1000, churned: 20 }), { from: 'month', to: 'year' })
 * [annual.fromDays, annual.toDays] // => [30.4375, 365.25]
 */
export interface ConvertChurnRateResult extends Estimate {
  kind: 'converted-churn';
  /** Length in days of the period the input was per. */
  fromDays: number;
  /** Length in days of the period the result is per. */
  toDays: number;
}

/**
 * Convert a churn probability from one period length to another under a constant hazard:
 * r_to = 1 − (1 − r_from)^(to/from), with the periods as lengths in days. Monthly to annual is
 * 1 − (1 − m)¹²; annual to monthly is 1 − (1 − a)^(1/12). Never r × 12: a 10% monthly churn is
 * 71.8% a year, not 120%.
 *
 * The formula holds only if every customer churns with the same probability in every period
 * (a constant hazard, i.e. geometric/exponential lifetimes). Real churn is front-loaded: new
 * customers churn more than old ones, and the mix of tenures changes. Extrapolating a month to a
 * year multiplies the effect of that assumption twelvefold, so the converted number (and its
 * interval) says as much about the assumption as about the data; measure over the target period
 * when you can. See docs/churn.md.
 *
 * For an Estimate the bounds are transformed the same way (the map is increasing, so the
 * interval keeps its confidence under the model), never multiplied; `standardError` is dropped
 * (quote the interval), `method`, `confidence` and `n` are kept, and a CONSTANT_HAZARD warning
 * records the assumption. A plain number comes back as a plain number. Rates per customer-time
 * (the `'exposure'` definition) are not probabilities: they are rejected; rerun `churn` with the
 * `unit` you want instead (a rate scales linearly with the unit).
 *
 * Reference: compounding a constant per-period hazard; Fader & Hardie (2007), "How to project
 * customer retention", Journal of Interactive Marketing 21(1):76–90, doi:10.1002/dir.20074, on why
 * real churn is not constant.
 *
 * @param rate - a churn probability in [0, 1] per `from` period, or a churn Estimate (e.g. from
 *   `churnRate` or `churn` with the cohort definition)
 * @param options - `from` and `to`: `'day'`, `'week'`, `'month'` (30.4375 days), `'quarter'`
 *   (91.3125 days), `'year'` (365.25 days) or a number of days > 0
 * @returns the converted probability; for an Estimate, a ConvertChurnRateResult with value, lower
 *   and upper converted, `fromDays`, `toDays`, and the warnings of the input plus CONSTANT_HAZARD
 * @throws CxMetricsError INVALID_VALUE for a rate outside [0, 1], an Estimate with bounds outside
 *   [0, 1] or out of order, or an exposure-definition estimate; INVALID_OPTION for a period that is
 *   not a known unit or a finite number of days > 0, or an unknown option
 * @example
 * convertChurnRate(0.02, { from: 'month', to: 'year' }) // => 0.21528327626520016 (to 1e-14) (1 − 0.98¹²)
 * convertChurnRate(0.2, { from: 'year', to: 'month' }) // => 0.018423470126248342 (to 1e-14) (1 − 0.8^[1/12])
 * convertChurnRate(0.1, { from: 7, to: 'day' }) // => 0.014938794558884472 (to 1e-14) (1 − 0.9^[1/7])
 * const annual = convertChurnRate(churnRate({ customersAtStart: 1000, churned: 20 }), { from: 'month', to: 'year' })
 * annual.upper // => 1 - (1 - churnRate({ customersAtStart: 1000, churned: 20 }).upper) ** 12 (to 1e-14)
 * annual.warnings[0].code // => 'CONSTANT_HAZARD'
 */
export function convertChurnRate(rate: number, options: ConvertChurnRateOptions): number;
export function convertChurnRate(rate: Estimate, options: ConvertChurnRateOptions): ConvertChurnRateResult;
export function convertChurnRate(
  rate: number | Estimate,
  options: ConvertChurnRateOptions,
): number | ConvertChurnRateResult;
export function convertChurnRate(
  rate: number | Estimate,
  options: ConvertChurnRateOptions,
): number | ConvertChurnRateResult {
  const fn = 'convertChurnRate';
  const opts = checkOptions(fn, options, ['from', 'to']);
  const fromDays = periodDays(fn, 'from', opts.from);
  const toDays = periodDays(fn, 'to', opts.to);
  const exponent = toDays / fromDays;
  if (typeof rate === 'number') return convert(checkRate(fn, 'rate', rate), exponent);

  if (rate === null || typeof rate !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: rate is ${describe(rate)}; expected a churn probability from 0 to 1 or a churn Estimate`,
      { value: rate },
    );
  }
  if ((rate as { definition?: unknown }).definition === 'exposure') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the estimate is a rate per unit of customer-time (definition 'exposure'), not a probability; ` +
        "rerun churn with the unit you want (unit: 'year') instead, or use 1 − exp(−rate · t) for a probability",
      { value: rate },
    );
  }
  const value = checkRate(fn, 'value', rate.value);
  const lower = checkRate(fn, 'lower', rate.lower);
  const upper = checkRate(fn, 'upper', rate.upper);
  if (!(lower <= value && value <= upper)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the estimate has lower ${lower}, value ${value}, upper ${upper}; expected lower ≤ value ≤ upper`,
      { value: rate },
    );
  }
  const confidence = checkConfidence(fn, rate.confidence);
  const warnings: CxWarning[] = Array.isArray(rate.warnings) ? rate.warnings.map((w) => ({ ...w })) : [];
  warnings.push({
    code: 'CONSTANT_HAZARD',
    message:
      `${fn}: converted from ${describePeriod(opts.from, fromDays)} to ${describePeriod(opts.to, toDays)} periods ` +
      `by 1 − (1 − r)^${round(exponent)}, assuming every customer churns at the same rate in every period; ` +
      'real churn falls with tenure, so the converted value and interval rest on that assumption more than on the data',
  });
  return printable({
    kind: 'converted-churn' as const,
    value: convert(value, exponent),
    lower: convert(lower, exponent),
    upper: convert(upper, exponent),
    confidence,
    method: typeof rate.method === 'string' ? rate.method : 'unknown',
    n: rate.n,
    warnings,
    fromDays,
    toDays,
  });
}

/** 1 − (1 − r)^k, accurate for small r (log1p/expm1); exact at r = 0 and r = 1. */
function convert(r: number, exponent: number): number {
  return -Math.expm1(exponent * Math.log1p(-r));
}

function checkRate(fn: string, name: string, r: unknown): number {
  if (typeof r !== 'number' || !(r >= 0 && r <= 1)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(r)}; expected a churn probability from 0 to 1 per period`,
      { value: r },
    );
  }
  return r;
}

function periodDays(fn: string, name: string, period: unknown): number {
  if (typeof period === 'number' && Number.isFinite(period) && period > 0) return period;
  if (typeof period === 'string' && Object.hasOwn(TIME_UNIT_DAYS, period)) return TIME_UNIT_DAYS[period as TimeUnit];
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: ${name} is ${describe(period)}; expected one of ${TIME_UNITS.map((u) => `'${u}'`).join(', ')} or a number of days > 0`,
    { value: period },
  );
}

function describePeriod(period: unknown, days: number): string {
  return typeof period === 'string' ? `${period} (${days}-day)` : `${days}-day`;
}

function round(x: number): string {
  return String(Number(x.toPrecision(6)));
}
