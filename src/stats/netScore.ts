import { CxMetricsError } from '../errors.ts';
import type { CxWarning } from '../types.ts';
import { SMALL_SAMPLE_N, warning } from '../warnings.ts';
import { clipInterval } from './interval.ts';
import { posteriorNetScoreDraws, resampledNetScoreDraws } from './netScoreDraws.ts';
import { tangoNetScoreInterval } from './netScoreTango.ts';
import { zCritical } from './normal.ts';
import { quantileSorted } from './quantile.ts';
import { resolveRng } from './rng.ts';
import { checkConfidence, checkOneOf, describe } from './validate.ts';

// The trinomial net score: answers fall into three classes (positive, neutral, negative) and the
// statistic is the share of positives minus the share of negatives, in points (−100…100). NPS
// (promoters − detractors), CES net effort (easiest − hardest) and the NPS comparison all rest on
// it. Its variance is the trinomial one, Var = (p₊ + p₋ − (p₊ − p₋)²)/n; treating the two shares
// as independent overstates it by 2p₊p₋/n (Rocks 2016, doi:10.1080/00031305.2016.1158124).

/** Interval methods of the net score. @internal */
export type NetScoreMethod = 'adjusted-wald' | 'wald' | 'tango' | 'bootstrap' | 'bayes';

/** The net-score interval methods, default first. @internal */
export const NET_SCORE_METHODS: readonly NetScoreMethod[] = ['adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes'];

/** Answers (or weighted pseudo-answers) in each of the three classes. @internal */
export interface TrinomialCounts {
  positive: number;
  neutral: number;
  negative: number;
}

/** Resolved interval settings. @internal */
export interface NetScoreSettings {
  method: NetScoreMethod;
  confidence: number;
  resamples: number;
  rng: (() => number) | undefined;
}

/** The net score with its interval, in points, and the class shares (0…1). @internal */
export interface NetScoreEstimate {
  value: number;
  lower: number;
  upper: number;
  confidence: number;
  method: NetScoreMethod;
  n: number;
  standardError: number;
  warnings: CxWarning[];
  shares: TrinomialCounts;
}

/**
 * Check `method`, `confidence`, `resamples` and (for the random methods) `seed`/`rng`; `methods`
 * is the subset the caller offers. @internal
 */
export function resolveNetScoreSettings(
  fn: string,
  options: { method?: unknown; confidence?: unknown; resamples?: unknown; seed?: unknown; rng?: unknown },
  methods: readonly NetScoreMethod[] = NET_SCORE_METHODS,
): NetScoreSettings {
  const method = checkOneOf(fn, 'method', options.method ?? methods[0], methods);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const resamples = options.resamples ?? 10_000;
  if (typeof resamples !== 'number' || !Number.isInteger(resamples) || resamples < 100 || resamples > 10_000_000) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: resamples is ${describe(resamples)}; expected a whole number from 100 to 10 000 000`,
      { value: resamples },
    );
  }
  const random = method === 'bootstrap' || method === 'bayes';
  return {
    method,
    confidence,
    resamples,
    rng: random ? resolveRng(fn, options as { seed?: number; rng?: () => number }) : undefined,
  };
}

/**
 * The centre and variance of a net score on the −1…1 scale from the shares p₊ and p₋ of n
 * answers: Wald on the observed shares, or (adjusted) after adding 0.75 positive, 1.5 neutral and
 * 0.75 negative answers (n + 3), Rocks (2016). @internal
 */
export function netScoreMoments(
  positive: number,
  negative: number,
  n: number,
  adjusted: boolean,
): { centre: number; variance: number } {
  const nn = adjusted ? n + 3 : n;
  const pp = adjusted ? (positive * n + 0.75) / nn : positive;
  const pd = adjusted ? (negative * n + 0.75) / nn : negative;
  const centre = pp - pd;
  return { centre, variance: Math.max(0, pp + pd - centre * centre) / nn };
}

/**
 * The net score and its interval for class counts that may be fractional (weighted
 * pseudo-counts), in points; `n` is the (effective) sample size the interval rests on. Warnings
 * (ZERO_VARIANCE, CLIPPED, SMALL_SAMPLE under 30, ESTIMATE_OUTSIDE_INTERVAL) are appended to
 * `warnings`, which is returned in the result; `label` names the statistic in them. @internal
 */
export function netScoreInterval(
  fn: string,
  c: TrinomialCounts,
  n: number,
  settings: NetScoreSettings,
  warnings: CxWarning[],
  label: string,
): NetScoreEstimate {
  const sum = c.positive + c.neutral + c.negative;
  const shares = { positive: c.positive / sum, neutral: c.neutral / sum, negative: c.negative / sum };
  const d = shares.positive - shares.negative;
  const { method, confidence } = settings;
  const z = zCritical(confidence);
  let lower: number;
  let upper: number;
  let standardError: number;
  switch (method) {
    case 'wald':
    case 'adjusted-wald': {
      const { centre, variance } = netScoreMoments(shares.positive, shares.negative, n, method === 'adjusted-wald');
      standardError = Math.sqrt(variance);
      if (standardError === 0) {
        warnings.push(
          warning(
            'ZERO_VARIANCE',
            `${fn}: every answer is in one group, so the Wald interval has zero width; use 'adjusted-wald' or 'tango'`,
          ),
        );
      }
      ({ lower, upper } = clipInterval(
        fn,
        100 * (centre - z * standardError),
        100 * (centre + z * standardError),
        -100,
        100,
        warnings,
      ));
      break;
    }
    case 'tango': {
      standardError = Math.sqrt(Math.max(0, shares.positive + shares.negative - d * d) / n);
      ({ lower, upper } = tangoNetScoreInterval(shares.positive * n, shares.negative * n, n, z));
      lower *= 100;
      upper *= 100;
      break;
    }
    case 'bootstrap':
    case 'bayes': {
      const rng = settings.rng as () => number;
      const draws =
        method === 'bootstrap'
          ? resampledNetScoreDraws(shares, n, settings.resamples, rng)
          : posteriorNetScoreDraws(c, n / sum, settings.resamples, rng);
      let mean = 0;
      for (const x of draws) mean += x;
      mean /= draws.length;
      let ss = 0;
      for (const x of draws) ss += (x - mean) * (x - mean);
      standardError = Math.sqrt(ss / (draws.length - 1));
      if (method === 'bootstrap' && standardError === 0) {
        // Every resample of answers all in one group is that group again: the bootstrap
        // distribution is one point, as the Wald interval is (the Bayes posterior is not).
        warnings.push(
          warning(
            'ZERO_VARIANCE',
            `${fn}: every answer is in one group, so every resample gives the same score and the bootstrap interval has zero width; use 'adjusted-wald' or 'tango'`,
          ),
        );
      }
      draws.sort();
      const half = (1 - confidence) / 2;
      lower = 100 * quantileSorted(draws, half);
      upper = 100 * quantileSorted(draws, 1 - half);
      break;
    }
  }
  const value = 100 * d;
  if (n < SMALL_SAMPLE_N) {
    warnings.push(
      warning(
        'SMALL_SAMPLE',
        `${fn}: only ${round(n)} answer${n === 1 ? '' : 's'}; the interval spans ${(upper - lower).toFixed(1)} points, too wide to report this ${label} alone`,
      ),
    );
  }
  if (value < lower - 1e-9 || value > upper + 1e-9) {
    warnings.push(
      warning(
        'ESTIMATE_OUTSIDE_INTERVAL',
        `${fn}: the ${method} interval [${round(lower)}, ${round(upper)}] does not contain the sample ${label} ${round(value)}; with so few answers the method pulls towards 0`,
      ),
    );
  }
  return { value, lower, upper, confidence, method, n, standardError: 100 * standardError, warnings, shares };
}

/** A number rounded to one decimal for messages: 12.345 → "12.3". @internal */
export function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}
