import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { npsEstimate, resolveIntervalOptions } from './nps.ts';
import { meanScore, type ScalePoint, tally } from './scaleSummary.ts';
import { readScores, type ScoreAccessor, type ScoreInput } from './scores.ts';

/**
 * Which end of a CES scale is the easy one.
 *
 * @example
 * ces([1, 2, 2, 4, 5], { direction: 'lower-is-easier' }).scale // => { min: 1, max: 5, direction: 'lower-is-easier', easyThreshold: 2 }
 */
export type CesDirection = 'higher-is-easier' | 'lower-is-easier';

/**
 * Options of `ces`: the scale and which end of it is easy, the easy threshold, the interval of the
 * easy share, weights and a record accessor.
 *
 * @example
 * ces([7, 6, 5, 5, 2], { easyThreshold: 6 }).easy.value // => 0.4
 */
export interface CesOptions<T = unknown> {
  /** Integer scale; 1–7 (CES 2.0) by default, 1–5 when `direction` is 'lower-is-easier'. */
  scale?: { min: number; max: number };
  /** `'higher-is-easier'` (CES 2.0, default) or `'lower-is-easier'` (the legacy 1–5 effort scale). */
  direction?: CesDirection;
  /**
   * The least easy score still counted as easy: default max − 2 when higher is easier (5–7 on
   * 1–7) and min + 1 when lower is easier (1–2 on 1–5).
   */
  easyThreshold?: number;
  /** Interval for the easy share; `'wilson'` by default. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
  /** One weight ≥ 0 per score, in input order; unweighted by default. */
  weights?: ArrayLike<number>;
  /** Read the score from records: a property name or a function; none by default (plain scores). */
  accessor?: ScoreAccessor<T>;
}

/**
 * Result of `ces`: the mean score with its t interval, the easy share, net effort and the distribution.
 *
 * @example
 * const r = ces([7, 6, 5, 5, 2])
 * r.distribution.map((point) => point.count) // => [0, 1, 0, 0, 2, 1, 1]
 * r.netEffort.value // => 20
 * r.scale.easyThreshold // => 5
 */
export interface CesResult extends Estimate {
  /** Share of easy answers with its interval. */
  easy: Estimate;
  /**
   * Net effort, in points −100…100: share of answers on the two easiest scale points minus the
   * share on the two hardest, with an adjusted-Wald (trinomial) interval.
   */
  netEffort: Estimate;
  /** Answers at every point of the scale. */
  distribution: ScalePoint[];
  skipped: number;
  scale: { min: number; max: number; direction: CesDirection; easyThreshold: number };
}

/**
 * Customer Effort Score: the mean answer to "How easy was it to …?", with its t interval, the
 * share of easy answers, a net effort score and the distribution.
 *
 * CES 2.0 (Dixon, Freeman & Toman, "Stop Trying to Delight Your Customers", Harvard Business Review
 * 2010; CEB 2013) asks for agreement on 1–7 that the company made it easy: higher is easier, and
 * 5–7 count as easy (the default). The original CES asked for effort on 1–5 where lower is easier:
 * pass `{ direction: 'lower-is-easier' }`, which defaults the scale to 1–5 (easy = 1–2). `value` is the
 * mean in the scale's own units (so its meaning follows `direction`), with a Student t interval
 * clipped to the scale; `easy` is a Wilson interval (any proportion method); `netEffort` is the
 * share on the two easiest points minus the share on the two hardest, in points, with the
 * trinomial adjusted-Wald interval used for NPS (Rocks 2016). Skipped answers are counted, never
 * scored; weights as in `nps` (Kish's effective n).
 *
 * @param scores - integer scores on the scale, null/undefined when skipped; or records with
 *   `accessor`
 * @param options - `scale`, `direction`, `easyThreshold`, `method`, `confidence`, `weights`,
 *   `accessor`
 * @returns CesResult: value = mean score with interval, `easy`, `netEffort`, `distribution`,
 *   `skipped`, `scale`
 * @throws CxMetricsError EMPTY_INPUT when nothing is answered; INVALID_VALUE (with index) for a
 *   score off the scale; INVALID_OPTION for a bad scale, direction, threshold, method or confidence
 * @example
 * ces([7, 6, 5, 5, 2, null]).value // => 5
 * ces([7, 6, 5, 5, 2, null]).easy.value // => 0.8
 * ces([1, 2, 2, 4, 5], { scale: { min: 1, max: 5 }, direction: 'lower-is-easier' }).easy.value // => 0.6
 */
export function ces<T = unknown>(scores: ScoreInput<T>, options: CesOptions<T> = {}): CesResult {
  const fn = 'ces';
  const direction = checkOneOf(fn, 'direction', options.direction ?? 'higher-is-easier', [
    'higher-is-easier',
    'lower-is-easier',
  ] as const);
  // The legacy lower-is-easier CES is a 1–5 effort scale; CES 2.0 is 1–7.
  const { min, max } = resolveScale(fn, options.scale, direction === 'lower-is-easier' ? 5 : 7);
  const higher = direction === 'higher-is-easier';
  const easyThreshold = options.easyThreshold ?? (higher ? max - 2 : min + 1);
  if (!Number.isInteger(easyThreshold) || easyThreshold < min || easyThreshold > max) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: easyThreshold is ${describe(easyThreshold)}; expected an integer from ${min} to ${max}`,
      { value: easyThreshold },
    );
  }
  const method = checkOneOf(fn, 'method', options.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const read = readScores(fn, scores, { accessor: options.accessor, weights: options.weights, min, max });
  const counted = tally(fn, read, min, max);
  const warnings: CxWarning[] = [];
  if (read.weighted) {
    warnings.push({
      code: 'WEIGHTED',
      message: `${fn}: weighted shares and mean; intervals use Kish's effective sample size ${counted.n.toFixed(1)} of ${counted.answered} answers`,
    });
  }
  const isEasy = (s: number) => (higher ? s >= easyThreshold : s <= easyThreshold);
  const easy = proportionIntervalUnchecked(fn, counted.share(isEasy) * counted.n, counted.n, method, confidence);
  easy.value = counted.share(isEasy);
  // Net effort: the two easiest points against the two hardest (one each on a 3-point scale).
  const width = max - min + 1 >= 5 ? 2 : 1;
  const easiest = (s: number) => (higher ? s > max - width : s < min + width);
  const hardest = (s: number) => (higher ? s < min + width : s > max - width);
  const n = counted.n;
  const top = counted.share(easiest) * n;
  const bottom = counted.share(hardest) * n;
  const net = npsEstimate(
    fn,
    { promoters: top, passives: n - top - bottom, detractors: bottom },
    n,
    resolveIntervalOptions(fn, { method: 'adjusted-wald', confidence }),
    [],
    'net effort',
  );
  const netEffort: Estimate = {
    value: net.value,
    lower: net.lower,
    upper: net.upper,
    confidence,
    method: net.method,
    n,
    ...(net.standardError === undefined ? {} : { standardError: net.standardError }),
    warnings: net.warnings,
  };
  const mean = meanScore(fn, read, counted, min, max, confidence);
  return printable({
    ...mean,
    warnings: [...warnings, ...mean.warnings],
    easy,
    netEffort,
    distribution: counted.distribution,
    skipped: read.skipped,
    scale: { min, max, direction, easyThreshold },
  });
}

function resolveScale(
  fn: string,
  scale: { min: number; max: number } | undefined,
  defaultMax: number,
): { min: number; max: number } {
  if (scale === undefined) return { min: 1, max: defaultMax };
  if (scale === null || typeof scale !== 'object' || !Number.isInteger(scale.min) || !Number.isInteger(scale.max)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: scale must be { min, max } with integer ends`, { value: scale });
  }
  if (scale.max - scale.min < 2) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: scale ${scale.min}–${scale.max} needs at least 3 points`, {
      value: scale,
    });
  }
  return { min: scale.min, max: scale.max };
}
