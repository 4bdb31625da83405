import { CxMetricsError } from '../errors.ts';
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
 * The computation of the public `proportionInterval` (src/intervals/proportionInterval.ts, which attaches the printed
 * one-liner): checks and all; errors name `fn`, the public function. @internal
 */
export function proportionIntervalResult(
  fn: string,
  successes: number,
  n: number,
  options?: ProportionIntervalOptions,
): Estimate {
  const opts = checkOptions(fn, options, PROPORTION_INTERVAL_KEYS);
  checkCount(fn, 'successes', successes);
  checkCount(fn, 'n', n);
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: n is 0; expected at least one trial`, { value: n });
  if (successes > n) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: successes (${successes}) exceed n (${n})`, { value: successes });
  }
  const method = checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  return proportionIntervalUnchecked(fn, successes, n, method, confidence);
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
