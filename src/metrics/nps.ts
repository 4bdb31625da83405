import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { kishEffectiveSize } from '../stats/effectiveSampleSize.ts';
import { clipInterval } from '../stats/interval.ts';
import { zCritical } from '../stats/normal.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { randomBinomial, randomGamma } from '../stats/random.ts';
import { resolveRng } from '../stats/rng.ts';
import { checkConfidence, checkCount, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning, Estimate, RandomOptions } from '../types.ts';
import { noAnswersError, readScores, type ScoreAccessor, type ScoreInput, zeroWeightError } from './scores.ts';

/**
 * Interval methods for NPS.
 *
 * @example
 * NPS_METHODS // => ['adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes']
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { method: 'wald' }).method // => 'wald'
 */
export type NpsMethod = 'adjusted-wald' | 'wald' | 'tango' | 'bootstrap' | 'bayes';
/**
 * The NPS interval methods, default first: adjusted Wald, Wald, Tango's score, bootstrap and
 * Bayesian (each described under `nps` and in docs/nps.md). `nps` and `npsFromCounts` check their
 * `method` option against this list.
 *
 * @example
 * NPS_METHODS.includes('tango') // => true
 */
export const NPS_METHODS: readonly NpsMethod[] = ['adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes'];

/**
 * The answer scale and its cut-offs: detractors ≤ detractorMax, promoters ≥ promoterMin.
 *
 * @example
 * nps([5, 4, 1], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }).scale // => { min: 1, max: 5, detractorMax: 3, promoterMin: 5 }
 */
export interface NpsScale {
  min: number;
  max: number;
  detractorMax: number;
  promoterMin: number;
}

/**
 * The standard 0–10 "How likely are you to recommend…" scale: 0–6 detractors, 9–10 promoters.
 *
 * @example
 * NPS_SCALE // => { min: 0, max: 10, detractorMax: 6, promoterMin: 9 }
 */
export const NPS_SCALE: Readonly<NpsScale> = Object.freeze({ min: 0, max: 10, detractorMax: 6, promoterMin: 9 });

/**
 * Answers per NPS group: the input of `npsFromCounts`, and a group of `compareNps`. Whole numbers
 * ≥ 0, not all 0.
 *
 * @example
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }).value // => 30
 */
export interface NpsCounts {
  /** Number of promoters (9–10 on the standard scale). */
  promoters: number;
  /** Number of passives (7–8 on the standard scale). */
  passives: number;
  /** Number of detractors (0–6 on the standard scale). */
  detractors: number;
}

/**
 * Interval options of `npsFromCounts`, and the interval part of `NpsOptions`.
 *
 * @example
 * const counts = { promoters: 5, passives: 3, detractors: 2 }
 * npsFromCounts(counts, { method: 'tango', confidence: 0.9 }).method // => 'tango'
 * const boot = { method: 'bootstrap', resamples: 1000, seed: 1 }
 * npsFromCounts(counts, boot).lower === npsFromCounts(counts, boot).lower // => true
 */
export interface NpsIntervalOptions extends RandomOptions {
  /** Interval method; `'adjusted-wald'` by default. */
  method?: NpsMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
  /** Resamples (bootstrap) or posterior draws (bayes); 10 000 by default. */
  resamples?: number;
}

/**
 * Options of `nps`: the scale and cut-offs, skipped answers, weights, a record accessor and the interval.
 *
 * @example
 * nps([{ score: 10 }, { score: null }], { accessor: 'score', missing: 'as-passive' }).value // => 50
 * nps([{ score: 10 }, { score: null }], { accessor: 'score' }).value // => 100
 * nps([5, 5, 4, 1], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }).value // => 25
 */
export interface NpsOptions<T = unknown> extends NpsIntervalOptions {
  /** Scale and cut-offs; the 0–10 scale with 0–6 / 7–8 / 9–10 by default. */
  scale?: Partial<NpsScale>;
  /** Skipped answers (null/undefined): left out (default) or counted as passives. */
  missing?: 'exclude' | 'as-passive';
  /** One weight ≥ 0 per score (survey or post-stratification weights). */
  weights?: ArrayLike<number>;
  /** Read the score from records: a property name or a function. */
  accessor?: ScoreAccessor<T>;
}

/**
 * Result of `nps` and `npsFromCounts`: NPS in points (−100…100) with its interval, and the group counts and shares.
 *
 * @example
 * const r = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 })
 * r.detractors // => 2
 * r.shares // => { promoters: 0.5, passives: 0.3, detractors: 0.2 }
 */
export interface NpsResult extends Estimate {
  method: NpsMethod;
  /** Answers in each group (unweighted counts). */
  promoters: number;
  passives: number;
  detractors: number;
  /** Shares of each group, 0…1 (weighted when weights are given). */
  shares: { promoters: number; passives: number; detractors: number };
  /** Missing answers left out of n. */
  skipped: number;
  /** The scale and cut-offs used. */
  scale: NpsScale;
}

/**
 * Net Promoter Score with a confidence interval: NPS = 100 · (share of promoters − share of
 * detractors), in points from −100 to 100.
 *
 * On the standard 0–10 scale, 9–10 are promoters, 7–8 passives, 0–6 detractors (Reichheld 2003,
 * "The One Number You Need to Grow", Harvard Business Review); set `scale` for other cut-offs.
 * Skipped answers (null/undefined) are left out and counted in `skipped`, or counted as passives
 * with `missing: 'as-passive'`. The variance is the trinomial one,
 * Var(NPS) = (p₊ + p₋ − (p₊ − p₋)²)/n (in −1…1 units); treating the two shares as independent
 * overstates the variance by 2p₊p₋/n.
 *
 * Interval methods (see docs/nps.md):
 * - `'adjusted-wald'` (default): add 0.75 detractors, 1.5 passives and 0.75 promoters (n + 3),
 *   then Wald on the adjusted shares, clipped to [−100, 100]; the point estimate stays the
 *   unadjusted NPS. Because the interval is centred on the adjusted NPS, it can exclude the sample
 *   NPS when nearly every answer is in one extreme group: at 95% only for n = 1, below about 84%
 *   confidence at any n (an ESTIMATE_OUTSIDE_INTERVAL warning says so). Rocks (2016), "Interval estimation for the 'net promoter score'", The American
 *   Statistician 70(4):365–372, doi:10.1080/00031305.2016.1158124; Sauro & Lewis, Quantifying the
 *   User Experience (2nd ed., 2016).
 * - `'wald'`: NPS ± z·√Var. Zero width when every answer is in one group.
 * - `'tango'`: score interval for a difference of two multinomial shares, inverting the score test
 *   with the restricted MLE (Tango 1998, Statistics in Medicine 17:891–908,
 *   doi:10.1002/(SICI)1097-0258(19980430)17:8<891::AID-SIM780>3.0.CO;2-B). Stays inside [−100, 100].
 * - `'bootstrap'`: percentile interval of NPS over `resamples` multinomial draws from the observed
 *   shares (seeded); each draw costs O(1), so the cost does not grow with n.
 * - `'bayes'`: equal-tailed credible interval of p₊ − p₋ under the Dirichlet(1, 1, 1) posterior,
 *   from `resamples` seeded draws. The posterior shrinks towards 0, so with few answers the interval
 *   need not contain the sample NPS (an ESTIMATE_OUTSIDE_INTERVAL warning says so).
 *
 * With `weights`, shares are weighted and the interval uses Kish's effective sample size
 * n_eff = (Σw)²/Σw² in place of n (a WEIGHTED warning says so); `n` in the result is n_eff.
 *
 * @param scores - integer scores on the scale, null/undefined for a skipped answer; or records
 *   with `accessor`. Plain and typed arrays both work. Not mutated.
 * @param options - `method`, `confidence`, `scale`, `missing`, `weights`, `accessor`, `seed`/`rng`,
 *   `resamples`
 * @returns NpsResult: value in points, lower/upper, counts, shares, n, skipped, warnings
 * @throws CxMetricsError EMPTY_INPUT when no score is answered; INVALID_VALUE (with index and value)
 *   for a score that is not an integer on the scale (NaN, ±Infinity and strings included) or a bad
 *   weight; INVALID_OPTION for an unknown method, a confidence outside (0, 1), an inconsistent scale
 * @example
 * nps([10, 9, 8, 7, 6, 0, 10, null]).value // => 14.285714285714285
 * nps([10, 9, 8, 7, 6, 0, 10, null]).skipped // => 1
 */
export function nps<T = unknown>(scores: ScoreInput<T>, options: NpsOptions<T> = {}): NpsResult {
  const fn = 'nps';
  const scale = resolveScale(fn, options.scale);
  const missing = checkOneOf(fn, 'missing', options.missing ?? 'exclude', ['exclude', 'as-passive'] as const);
  const settings = resolveIntervalOptions(fn, options);
  const read = readScores(fn, scores, {
    accessor: options.accessor,
    weights: options.weights,
    min: scale.min,
    max: scale.max,
  });

  const counts = { promoters: 0, passives: 0, detractors: 0 };
  const weighted = { promoters: 0, passives: 0, detractors: 0 };
  const usedWeights = read.weights.slice();
  for (let i = 0; i < read.values.length; i++) {
    const score = read.values[i] as number;
    const group = score >= scale.promoterMin ? 'promoters' : score <= scale.detractorMax ? 'detractors' : 'passives';
    counts[group]++;
    weighted[group] += read.weights[i] as number;
  }
  const warnings: CxWarning[] = [];
  let skipped = read.skipped;
  if (missing === 'as-passive' && read.skipped > 0) {
    counts.passives += read.skipped;
    for (const w of read.skippedWeights) {
      weighted.passives += w;
      usedWeights.push(w);
    }
    warnings.push({
      code: 'MISSING_AS_PASSIVE',
      message: `${fn}: ${read.skipped} skipped answer(s) counted as passives (missing: 'as-passive')`,
    });
    skipped = 0;
  }
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) {
    throw noAnswersError(fn, read, scale.min, scale.max);
  }
  let effective: NpsCounts = counts;
  let n = total;
  if (read.weighted) {
    n = kishEffectiveSize(usedWeights);
    if (n === 0) {
      throw zeroWeightError(fn);
    }
    const sumWeights = weighted.promoters + weighted.passives + weighted.detractors;
    const scaleToN = n / sumWeights;
    effective = {
      promoters: weighted.promoters * scaleToN,
      passives: weighted.passives * scaleToN,
      detractors: weighted.detractors * scaleToN,
    };
    warnings.push({
      code: 'WEIGHTED',
      message: `${fn}: weighted shares; the interval uses Kish's effective sample size ${round(n)} of ${total} answers`,
    });
  }
  return printable({ ...npsEstimate(fn, effective, n, settings, warnings), ...countsOf(counts), skipped, scale });
}

/**
 * NPS with a confidence interval from group counts, for when only the tallies are known.
 *
 * Same definition, methods and options as `nps` (see there and docs/nps.md); the counts are
 * whole numbers of answers.
 *
 * Reference: Rocks (2016), doi:10.1080/00031305.2016.1158124.
 *
 * @param counts - `{ promoters, passives, detractors }`, whole numbers ≥ 0, not all 0
 * @param options - `method`, `confidence`, `seed`/`rng`, `resamples`
 * @returns NpsResult with skipped = 0 and the standard 0–10 scale recorded
 * @throws CxMetricsError INVALID_VALUE for a negative or fractional count; EMPTY_INPUT when all are
 *   0; INVALID_OPTION for a bad method or confidence
 * @example
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }).value // => 30
 * npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { method: 'wald' }).upper // => 78.40753950185255 (to 1e-12)
 */
export function npsFromCounts(counts: NpsCounts, options: NpsIntervalOptions = {}): NpsResult {
  const fn = 'npsFromCounts';
  if (counts === null || typeof counts !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected { promoters, passives, detractors }, got ${describe(counts)}`,
      {
        value: counts,
      },
    );
  }
  const promoters = checkCount(fn, 'promoters', counts.promoters);
  const passives = checkCount(fn, 'passives', counts.passives);
  const detractors = checkCount(fn, 'detractors', counts.detractors);
  const settings = resolveIntervalOptions(fn, options);
  const n = promoters + passives + detractors;
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: all counts are 0; expected at least one answer`);
  const clean = { promoters, passives, detractors };
  return printable({
    ...npsEstimate(fn, clean, n, settings, []),
    ...countsOf(clean),
    skipped: 0,
    scale: { ...NPS_SCALE },
  });
}

/** @internal */
export interface IntervalSettings {
  method: NpsMethod;
  confidence: number;
  resamples: number;
  rng: (() => number) | undefined;
}

export function resolveIntervalOptions(fn: string, options: NpsIntervalOptions): IntervalSettings {
  const method = checkOneOf(fn, 'method', options.method ?? 'adjusted-wald', NPS_METHODS);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const resamples = options.resamples ?? 10_000;
  if (!Number.isInteger(resamples) || resamples < 100 || resamples > 10_000_000) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: resamples is ${describe(resamples)}; expected a whole number from 100 to 10 000 000`,
      {
        value: resamples,
      },
    );
  }
  const random = method === 'bootstrap' || method === 'bayes';
  return { method, confidence, resamples, rng: random ? resolveRng(fn, options) : undefined };
}

function resolveScale(fn: string, scale: Partial<NpsScale> | undefined): NpsScale {
  if (scale !== undefined && (scale === null || typeof scale !== 'object')) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: scale must be an object { min, max, detractorMax, promoterMin }`,
      {
        value: scale,
      },
    );
  }
  const s = { ...NPS_SCALE, ...scale };
  for (const key of ['min', 'max', 'detractorMax', 'promoterMin'] as const) {
    if (!Number.isInteger(s[key])) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: scale.${key} is ${describe(s[key])}; expected an integer`, {
        value: s[key],
      });
    }
  }
  if (!(s.min <= s.detractorMax && s.detractorMax < s.promoterMin && s.promoterMin <= s.max)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: scale must satisfy min ≤ detractorMax < promoterMin ≤ max; got min ${s.min}, detractorMax ${s.detractorMax}, promoterMin ${s.promoterMin}, max ${s.max}`,
      { value: scale },
    );
  }
  return s;
}

function countsOf(c: NpsCounts): NpsCounts {
  return { promoters: c.promoters, passives: c.passives, detractors: c.detractors };
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * The interval for counts that may be fractional (weighted pseudo-counts), in points.
 * `n` is the (effective) sample size the interval rests on. @internal
 */
export function npsEstimate(
  fn: string,
  c: NpsCounts,
  n: number,
  settings: IntervalSettings,
  warnings: CxWarning[],
  label = 'NPS',
): Omit<NpsResult, 'promoters' | 'passives' | 'detractors' | 'skipped' | 'scale'> {
  const sum = c.promoters + c.passives + c.detractors;
  const shares = { promoters: c.promoters / sum, passives: c.passives / sum, detractors: c.detractors / sum };
  const d = shares.promoters - shares.detractors;
  const { method, confidence } = settings;
  const z = zCritical(confidence);
  let lower: number;
  let upper: number;
  let standardError: number;
  switch (method) {
    case 'wald':
    case 'adjusted-wald': {
      const adjust = method === 'adjusted-wald';
      const nn = adjust ? n + 3 : n;
      const pp = adjust ? (shares.promoters * n + 0.75) / nn : shares.promoters;
      const pd = adjust ? (shares.detractors * n + 0.75) / nn : shares.detractors;
      const centre = pp - pd;
      standardError = Math.sqrt(Math.max(0, pp + pd - centre * centre) / nn);
      if (standardError === 0) {
        warnings.push({
          code: 'ZERO_VARIANCE',
          message: `${fn}: every answer is in one group, so the Wald interval has zero width; use 'adjusted-wald' or 'tango'`,
        });
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
      standardError = Math.sqrt(Math.max(0, shares.promoters + shares.detractors - d * d) / n);
      ({ lower, upper } = tangoInterval(shares.promoters * n, shares.detractors * n, n, z));
      lower *= 100;
      upper *= 100;
      break;
    }
    case 'bootstrap':
    case 'bayes': {
      const draws = method === 'bootstrap' ? bootstrapDraws(shares, n, settings) : posteriorDraws(c, n / sum, settings);
      let mean = 0;
      for (const x of draws) mean += x;
      mean /= draws.length;
      let ss = 0;
      for (const x of draws) ss += (x - mean) * (x - mean);
      standardError = Math.sqrt(ss / (draws.length - 1));
      draws.sort();
      const half = (1 - confidence) / 2;
      lower = 100 * quantileSorted(draws, half);
      upper = 100 * quantileSorted(draws, 1 - half);
      break;
    }
  }
  const value = 100 * d;
  if (n < 30) {
    warnings.push({
      code: 'SMALL_SAMPLE',
      message: `${fn}: only ${round(n)} answer${n === 1 ? '' : 's'}; the interval spans ${(upper - lower).toFixed(1)} points, too wide to report this ${label} alone`,
    });
  }
  if (value < lower - 1e-9 || value > upper + 1e-9) {
    warnings.push({
      code: 'ESTIMATE_OUTSIDE_INTERVAL',
      message: `${fn}: the ${method} interval [${round(lower)}, ${round(upper)}] does not contain the sample ${label} ${round(value)}; with so few answers the method pulls towards 0`,
    });
  }
  return { value, lower, upper, confidence, method, n, standardError: 100 * standardError, warnings, shares };
}

/**
 * Tango's score interval for Δ = p₊ − p₋ from P promoters and D detractors out of n: the Δ with
 * |Z(Δ)| ≤ z, Z(Δ) = (P − D − nΔ)/√(n(2q̃ + Δ(1 − Δ))), where q̃ is the MLE of p₋ restricted to
 * p₊ − p₋ = Δ, the root of 2n·q² + W·q − D·Δ(1 − Δ) = 0 with W = (2n − P + D)Δ − (P + D).
 * Z is decreasing in Δ, so each bound is found by bisection to machine precision.
 */
function tangoInterval(P: number, D: number, n: number, z: number): { lower: number; upper: number } {
  const score = (delta: number): number => {
    const w = (2 * n - P + D) * delta - (P + D);
    const disc = Math.max(0, w * w + 8 * n * D * delta * (1 - delta));
    const q = (Math.sqrt(disc) - w) / (4 * n);
    const variance = n * (2 * q + delta * (1 - delta));
    const numerator = P - D - n * delta;
    if (variance <= 0) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return numerator / Math.sqrt(variance);
  };
  const estimate = (P - D) / n;
  // The lower bound is where the score falls through +z, the upper where it falls through −z.
  const solve = (from: number, to: number, target: number): number => {
    // score(from) and score(to) straddle target; score decreasing.
    let a = from;
    let b = to;
    for (let i = 0; i < 200 && b - a > 1e-16; i++) {
      const mid = (a + b) / 2;
      if (mid === a || mid === b) break;
      if (score(mid) > target) a = mid;
      else b = mid;
    }
    return (a + b) / 2;
  };
  const lower = score(-1) <= z ? -1 : solve(-1, estimate, z);
  const upper = score(1) >= -z ? 1 : solve(estimate, 1, -z);
  return { lower: Math.max(-1, lower), upper: Math.min(1, upper) };
}

/** NPS (−1…1) of `resamples` multinomial resamples of size round(n) from the observed shares. */
function bootstrapDraws(
  shares: { promoters: number; passives: number; detractors: number },
  n: number,
  settings: IntervalSettings,
): Float64Array {
  const rng = settings.rng as () => number;
  const size = Math.max(1, Math.round(n));
  const draws = new Float64Array(settings.resamples);
  const rest = 1 - shares.promoters;
  const detractorGivenNotPromoter = rest > 0 ? Math.min(1, shares.detractors / rest) : 0;
  for (let b = 0; b < draws.length; b++) {
    const promoters = randomBinomial(size, shares.promoters, rng);
    const detractors = randomBinomial(size - promoters, detractorGivenNotPromoter, rng);
    draws[b] = (promoters - detractors) / size;
  }
  return draws;
}

/** Draws of p₊ − p₋ from the Dirichlet(1 + D, 1 + O, 1 + P) posterior (counts scaled to n). */
function posteriorDraws(c: NpsCounts, toN: number, settings: IntervalSettings): Float64Array {
  const rng = settings.rng as () => number;
  const draws = new Float64Array(settings.resamples);
  const a = 1 + c.promoters * toN;
  const b = 1 + c.passives * toN;
  const d = 1 + c.detractors * toN;
  for (let i = 0; i < draws.length; i++) {
    const gp = randomGamma(a, rng);
    const go = randomGamma(b, rng);
    const gd = randomGamma(d, rng);
    draws[i] = (gp - gd) / (gp + go + gd);
  }
  return draws;
}

/**
 * Options of `npsSampleSize`: the anticipated shares and the precision wanted.
 *
 * @example
 * Math.ceil(npsSampleSize({ promoters: 0.45, detractors: 0.25, halfWidth: 5 })) // => 1015
 */
export interface NpsSampleSizeOptions {
  /** Anticipated share of promoters, 0…1. */
  promoters: number;
  /** Anticipated share of detractors, 0…1. */
  detractors: number;
  /** Desired half-width of the interval in NPS points, e.g. 5 for ±5 points. */
  halfWidth: number;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Answers needed for an NPS interval of ± `halfWidth` points:
 * n = z²·(p₊ + p₋ − (p₊ − p₋)²)/(h/100)², the trinomial variance of NPS (see `nps`).
 *
 * Planning formula on the normal approximation; the adjusted-Wald interval at that n is within a
 * fraction of a point of the target. Not rounded: collect `Math.ceil(n)` answers or more. With no
 * prior shares, p₊ = p₋ = 0.5 is the worst case (n = z²/h² × 10⁴).
 *
 * Reference: Cochran (1977), Sampling Techniques, 3rd ed., §4.4, with the NPS variance of Rocks
 * (2016), doi:10.1080/00031305.2016.1158124.
 *
 * @param options - anticipated `promoters` and `detractors` shares, `halfWidth` in points,
 *   `confidence`
 * @returns the (fractional) number of answered surveys needed
 * @throws CxMetricsError INVALID_VALUE for shares outside [0, 1] or summing past 1, or a
 *   half-width outside (0, 200); INVALID_OPTION for confidence outside (0, 1)
 * @example
 * Math.ceil(npsSampleSize({ promoters: 0.45, detractors: 0.25, halfWidth: 5 })) // => 1015
 */
export function npsSampleSize(options: NpsSampleSizeOptions): number {
  const fn = 'npsSampleSize';
  if (options === null || typeof options !== 'object') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected { promoters, detractors, halfWidth }`, {
      value: options,
    });
  }
  const { promoters, detractors, halfWidth } = options;
  for (const [name, share] of [
    ['promoters', promoters],
    ['detractors', detractors],
  ] as const) {
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(share)}; expected a share from 0 to 1`, {
        value: share,
      });
    }
  }
  if (promoters + detractors > 1) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: promoters + detractors is ${promoters + detractors}; shares cannot add up to more than 1`,
      { value: promoters + detractors },
    );
  }
  if (typeof halfWidth !== 'number' || !(halfWidth > 0 && halfWidth < 200)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: halfWidth is ${describe(halfWidth)}; expected points between 0 and 200`,
      {
        value: halfWidth,
      },
    );
  }
  const z = zCritical(checkConfidence(fn, options.confidence ?? 0.95));
  const d = promoters - detractors;
  const h = halfWidth / 100;
  // With no spread at all (everyone a passive, say) one answer already pins the NPS down.
  return Math.max(1, (z * z * (promoters + detractors - d * d)) / (h * h));
}
