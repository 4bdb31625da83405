import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { gammaQuantileUnchecked } from './gamma.ts';
import { checkConfidence, checkCount, checkPositive } from './validate.ts';

/**
 * Result of `poissonRateInterval`: events per unit of exposure, with the exposure it rests on.
 *
 * @example
 * const r = poissonRateInterval(10, 1000)
 * [r.kind, r.value, r.exposure] // => ['rate', 0.01, 1000]
 */
export interface PoissonRateResult extends Estimate {
  kind: 'rate';
  /** The exposure the rate is per (customer-months, ticket-days, …), as given. */
  exposure: number;
}

/**
 * Options of `poissonRateInterval`.
 *
 * @example
 * poissonRateInterval(10, 1000, { confidence: 0.9 }).upper // => 0.0169622192357219 (to 1e-14)
 */
export interface PoissonRateIntervalOptions {
  /** Confidence level in (0, 1) of the exact (Garwood) interval; 0.95 by default. */
  confidence?: number;
}

/**
 * The computation of the public `poissonRateInterval` (src/intervals/poissonRateInterval.ts, which attaches the printed
 * one-liner): checks and all; errors name `fn`, the public function. @internal
 */
export function poissonRateIntervalResult(
  fn: string,

  events: number,
  exposure: number,
  options?: PoissonRateIntervalOptions,
): Omit<PoissonRateResult, 'kind'> {
  const opts = checkOptions(fn, options, ['confidence']);
  checkCount(fn, 'events', events);
  checkPositive(fn, 'exposure', exposure);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const half = (1 - confidence) / 2;
  const warnings: CxWarning[] = [];
  if (events === 0) {
    warnings.push({
      code: 'ZERO_EVENTS',
      message: `${fn}: no events observed; the lower bound is 0 and only the upper bound is informative`,
    });
  }
  const lower = events === 0 ? 0 : gammaQuantileUnchecked(half, events) / exposure;
  const upper = gammaQuantileUnchecked(1 - half, events + 1, half) / exposure;
  if (!Number.isFinite(upper)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: exposure ${exposure} is too small to express the rate`, {
      value: exposure,
    });
  }
  return {
    value: events / exposure,
    lower,
    upper,
    confidence,
    method: 'exact-garwood',
    n: events,
    exposure,
    standardError: Math.sqrt(events) / exposure,
    warnings,
  };
}
