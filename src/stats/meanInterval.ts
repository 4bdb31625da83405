import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate, RandomOptions } from '../types.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { quantileSorted } from './quantile.ts';
import { resolveRng } from './rng.ts';
import { finiteValues, meanAndVariance } from './sample.ts';
import { tUpperQuantile } from './studentT.ts';
import { checkConfidence, checkOneOf, describe } from './validate.ts';

/**
 * Interval methods for a mean: Student's t, or the bias-corrected and accelerated bootstrap (see
 * `meanInterval`). The `method` of `meanInterval` and the `meanMethod` of `ttr` and
 * `firstResponseTime`.
 *
 * @example
 * meanInterval([5, 7, 10]).method // => 't'
 */
export type MeanMethod = 't' | 'bootstrap-bca';

/**
 * Options of `meanInterval`: the confidence, the method, and the bootstrap resamples and seed.
 *
 * @example
 * meanInterval([5, 7, 10], { confidence: 0.9 }).lower // => 3.090692646214043 (to 1e-12)
 * meanInterval([5, 7, 10, 4, 6], { method: 'bootstrap-bca', resamples: 1000, seed: 1 }).method // => 'bootstrap-bca'
 */
export interface MeanIntervalOptions extends RandomOptions {
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
  /** `'t'` (default) or `'bootstrap-bca'`. */
  method?: MeanMethod;
  /**
   * Bootstrap resamples for `'bootstrap-bca'`; 10 000 by default. The bootstrap draws
   * values × resamples random numbers, at most `MAX_BOOTSTRAP_DRAWS` (10⁸, about 1.5 s).
   */
  resamples?: number;
}

const MEAN_INTERVAL_KEYS = ['confidence', 'method', 'resamples', 'seed', 'rng'] as const;

/**
 * The most random draws (values × resamples) `meanInterval`'s `'bootstrap-bca'` makes, and
 * `revenueRetention`'s bootstrap (customers × resamples): 10⁸, about 1.5 s on a 2020s laptop
 * core (15 ns a draw). Beyond it the call is refused before the bootstrap,
 * with the cost stated, instead of running for tens of seconds (10⁵ values at the default 10 000
 * resamples would take about 15 s). Where it bites, the sample is large enough for Student's t
 * (the bootstrap's edge over t fades as n grows), or fewer resamples keep the bootstrap: at n =
 * 10⁵, 1 000 resamples fit the budget.
 *
 * @example
 * MAX_BOOTSTRAP_DRAWS // => 100_000_000
 */
export const MAX_BOOTSTRAP_DRAWS = 100_000_000;

/**
 * The computation of the public `meanInterval` (src/intervals/meanInterval.ts, which attaches the printed
 * one-liner): checks and all; errors name `fn`, the public function. @internal
 */
export function meanIntervalResult(fn: string, values: ArrayLike<number>, options?: MeanIntervalOptions): Estimate {
  const opts = checkOptions(fn, options, MEAN_INTERVAL_KEYS);
  const x = finiteValues(fn, values);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const method = checkOneOf(fn, 'method', opts.method ?? 't', ['t', 'bootstrap-bca'] as const);
  const n = x.length;
  if (n < 2) {
    throw new CxMetricsError(
      n === 0 ? 'EMPTY_INPUT' : 'INSUFFICIENT_DATA',
      `${fn}: needs at least 2 values to estimate a spread, got ${n}`,
    );
  }
  const { mean, variance } = meanAndVariance(x, fn);
  const standardError = Math.sqrt(variance / n);
  const warnings: CxWarning[] = [];
  if (variance === 0) {
    warnings.push({ code: 'ZERO_VARIANCE', message: `${fn}: all ${n} values are equal; the interval is one point` });
    return { value: mean, lower: mean, upper: mean, confidence, method, n, standardError, warnings };
  }
  if (method === 't') {
    const spread = tUpperQuantile((1 - confidence) / 2, n - 1) * standardError;
    return {
      value: mean,
      lower: mean - spread,
      upper: mean + spread,
      confidence,
      method,
      n,
      standardError,
      warnings,
    };
  }
  const resamples = opts.resamples ?? 10_000;
  if (!Number.isInteger(resamples) || resamples < 100 || resamples > 10_000_000) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: resamples is ${describe(resamples)}; expected a whole number from 100 to 10 000 000`,
      {
        value: resamples,
      },
    );
  }
  if (n * resamples > MAX_BOOTSTRAP_DRAWS) throw tooCostly(fn, n, resamples);
  const rng = resolveRng(fn, opts);
  const { lower, upper } = bcaMean(x, mean, confidence, resamples, rng);
  return { value: mean, lower, upper, confidence, method, n, standardError, warnings };
}

/** The refusal of a bootstrap over MAX_BOOTSTRAP_DRAWS, with its cost and the ways out. */
function tooCostly(fn: string, n: number, resamples: number): CxMetricsError {
  const draws = n * resamples;
  const seconds = (draws * 15e-9).toPrecision(2);
  const fitting = Math.floor(MAX_BOOTSTRAP_DRAWS / n);
  const way =
    fitting >= 100
      ? `pass resamples of at most ${count(fitting)} for ${count(n)} values, or use method 't'`
      : `use method 't' (even 100 resamples of ${count(n)} values exceed the limit; at this size t is close to the bootstrap)`;
  return new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: 'bootstrap-bca' on ${count(n)} values × ${count(resamples)} resamples is ${count(draws)} random draws ` +
      `(about ${seconds} s), over the limit of ${count(MAX_BOOTSTRAP_DRAWS)} (MAX_BOOTSTRAP_DRAWS); ${way}`,
    { value: resamples },
  );
}

/** 1234567 → "1 234 567" (thin groups, as the other messages here). */
function count(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function bcaMean(
  x: Float64Array,
  mean: number,
  confidence: number,
  resamples: number,
  rng: () => number,
): { lower: number; upper: number } {
  const n = x.length;
  const boot = new Float64Array(resamples);
  let below = 0;
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[Math.floor(rng() * n)] as number;
    const m = sum / n;
    boot[b] = m;
    // Ties count half, so a discrete statistic is not biased by the ≤ / < choice.
    if (m < mean) below += 1;
    else if (m === mean) below += 0.5;
  }
  boot.sort();
  const z0 = normalQuantile(Math.min(1 - 1 / resamples, Math.max(1 / resamples, below / resamples)));
  // Jackknife acceleration; the leave-one-out means are (S − xᵢ)/(n − 1).
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i] as number;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = total / n - (total - (x[i] as number)) / (n - 1);
    num += d * d * d;
    den += d * d;
  }
  const a = den === 0 ? 0 : num / (6 * den ** 1.5);
  const zAlpha = normalQuantile((1 - confidence) / 2);
  const adjusted = (z: number) => normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  return {
    lower: quantileSorted(boot, adjusted(zAlpha)),
    upper: quantileSorted(boot, adjusted(-zAlpha)),
  };
}
