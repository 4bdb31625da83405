import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { betaQuantileUnchecked } from './beta.ts';
import { clipInterval, tailProbability } from './interval.ts';
import { zCritical } from './normal.ts';
import { checkConfidence, checkCount, checkOneOf } from './validate.ts';

/**
 * Interval methods for a single binomial proportion.
 *
 * @example
 * PROPORTION_METHODS // => ['wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys', 'wald']
 * proportionInterval(42, 50, { method: 'jeffreys' }).method // => 'jeffreys'
 */
export type ProportionMethod = 'wilson' | 'agresti-coull' | 'clopper-pearson' | 'jeffreys' | 'wald';

/**
 * The interval methods for a single proportion, default first: Wilson, Agresti–Coull,
 * Clopper–Pearson, Jeffreys and Wald (each described under `proportionInterval`).
 * `proportionInterval` checks its `method` option against this list, and so do the metrics that
 * report a share: `csat`, `csatFromCounts`, `ces`, `churn`, `churnRate`, `fcr`, `fcrFromCounts`,
 * `slaAttainment` and `cohortRetention`.
 *
 * @example
 * PROPORTION_METHODS[0] // => 'wilson'
 */
export const PROPORTION_METHODS: readonly ProportionMethod[] = [
  'wilson',
  'agresti-coull',
  'clopper-pearson',
  'jeffreys',
  'wald',
];

/**
 * Options of `proportionInterval`.
 *
 * @example
 * proportionInterval(42, 50, { method: 'clopper-pearson' }).lower // => 0.7088736934048894 (to 1e-14)
 */
export interface ProportionIntervalOptions {
  /** Interval method; `'wilson'` by default. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

const PROPORTION_INTERVAL_KEYS = ['method', 'confidence'] as const;

/**
 * Confidence interval for a binomial proportion p = successes / n.
 *
 * Methods (z = Φ⁻¹(1 − α/2), p̂ = x/n):
 * - `'wilson'` (default): the score interval, (x + z²/2)/(n + z²) ± z/(n + z²)·√(x(n − x)/n + z²/4).
 *   Wilson (1927), doi:10.1080/01621459.1927.10502953. Coverage close to nominal even for small n;
 *   recommended by Brown, Cai & DasGupta (2001), doi:10.1214/ss/1009213286.
 * - `'agresti-coull'`: Wald on ñ = n + z², p̃ = (x + z²/2)/ñ (the z-based form, as statsmodels;
 *   not the "add 2 and 2" shortcut). Agresti & Coull (1998), doi:10.1080/00031305.1998.10480550.
 * - `'clopper-pearson'`: exact, from beta quantiles B(α/2; x, n − x + 1) and B(1 − α/2; x + 1,
 *   n − x). Clopper & Pearson (1934), doi:10.1093/biomet/26.4.404. Conservative.
 * - `'jeffreys'`: equal-tailed Beta(x + ½, n − x + ½) posterior interval, with the lower bound
 *   pinned to 0 at x = 0 and the upper to 1 at x = n (Brown, Cai & DasGupta's modification;
 *   statsmodels does not pin, so its bound there is slightly inside).
 * - `'wald'`: p̂ ± z·√(p̂(1 − p̂)/n). Taught everywhere, poor coverage near 0 and 1 and for small n;
 *   included for comparison with spreadsheets. Zero width at x = 0 or x = n.
 * Wald and Agresti–Coull bounds are clipped to [0, 1] with a CLIPPED warning.
 * Agrees with statsmodels 0.13.5 `proportion_confint` to 1e-9 (test/fixtures).
 *
 * @param successes - number of successes x, a whole number from 0 to n
 * @param n - number of trials, a whole number ≥ 1
 * @param options - `method`, `confidence`
 * @returns Estimate with value = x/n, standardError = √(p̂(1 − p̂)/n)
 * @throws CxMetricsError EMPTY_INPUT when n is 0; INVALID_VALUE for counts that are not whole
 *   numbers or successes > n; INVALID_OPTION for an unknown method or confidence outside (0, 1),
 *   options that are not a plain object, or an unknown option key
 * @example
 * const ci = proportionInterval(42, 50)
 * ci.value // => 0.84
 * ci.lower // => 0.7148578393696502 (to 1e-14)
 * ci.upper // => 0.9166257932196661 (to 1e-14)
 */
export function proportionInterval(successes: number, n: number, options?: ProportionIntervalOptions): Estimate {
  const fn = 'proportionInterval';
  const opts = checkOptions(fn, options, PROPORTION_INTERVAL_KEYS);
  checkCount(fn, 'successes', successes);
  checkCount(fn, 'n', n);
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: n is 0; expected at least one trial`, { value: n });
  if (successes > n) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: successes (${successes}) exceed n (${n})`, { value: successes });
  }
  const method = checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  return printable(proportionIntervalUnchecked(fn, successes, n, method, confidence));
}

/**
 * The same computation for already validated inputs, where counts may be fractional (weighted
 * data, pseudo-counts). @internal
 */
export function proportionIntervalUnchecked(
  fn: string,
  x: number,
  n: number,
  method: ProportionMethod,
  confidence: number,
): Estimate {
  const warnings: CxWarning[] = [];
  const p = x / n;
  const z = zCritical(confidence);
  const z2 = z * z;
  const half = tailProbability(confidence);
  let lower: number;
  let upper: number;
  switch (method) {
    case 'wilson': {
      const denominator = n + z2;
      const centre = (x + z2 / 2) / denominator;
      const spread = (z / denominator) * Math.sqrt((x * (n - x)) / n + z2 / 4);
      // At x = 0 and x = n the bound is exactly 0 or 1; rounding must not move it past p.
      lower = x === 0 ? 0 : centre - spread;
      upper = x === n ? 1 : centre + spread;
      break;
    }
    case 'agresti-coull': {
      const nTilde = n + z2;
      const pTilde = (x + z2 / 2) / nTilde;
      const spread = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
      lower = pTilde - spread;
      upper = pTilde + spread;
      break;
    }
    case 'clopper-pearson':
      lower = x === 0 ? 0 : betaQuantileUnchecked(half, x, n - x + 1);
      upper = x === n ? 1 : betaQuantileUnchecked(1 - half, x + 1, n - x, half);
      break;
    case 'jeffreys':
      lower = x === 0 ? 0 : betaQuantileUnchecked(half, x + 0.5, n - x + 0.5);
      upper = x === n ? 1 : betaQuantileUnchecked(1 - half, x + 0.5, n - x + 0.5, half);
      break;
    case 'wald': {
      const spread = z * Math.sqrt((p * (1 - p)) / n);
      lower = p - spread;
      upper = p + spread;
      if (spread === 0) {
        warnings.push({
          code: 'ZERO_VARIANCE',
          message: `${fn}: the Wald interval has zero width at ${x} of ${n}; use 'wilson' for an honest interval`,
        });
      }
      break;
    }
  }
  // Wilson, Clopper–Pearson and Jeffreys stay in [0, 1] mathematically: clip their rounding
  // silently; Wald and Agresti–Coull can genuinely overshoot and say so.
  const clipped =
    method === 'wald' || method === 'agresti-coull'
      ? clipInterval(fn, lower, upper, 0, 1, warnings)
      : { lower: Math.max(0, lower), upper: Math.min(1, upper) };
  return {
    value: p,
    lower: clipped.lower,
    upper: clipped.upper,
    confidence,
    method,
    n,
    standardError: Math.sqrt((p * (1 - p)) / n),
    warnings,
  };
}
