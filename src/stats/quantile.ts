import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { finiteValues } from './sample.ts';
import { checkProbability, describe } from './validate.ts';

/**
 * Hyndman–Fan sample quantile definitions 1 to 9 (R's `quantile(type =)`).
 *
 * @example
 * [1, 2, 3, 4, 5, 6, 7, 9].map((type) => quantile([1, 2, 3, 4], 0.25, { type })) // => [1, 1.5, 1, 1, 1.5, 1.25, 1.75, 1.4375]
 * quantile([1, 2, 3, 4], 0.25, { type: 8 }) // => 17 / 12 (to 1e-15) (Hyndman and Fan's recommendation)
 */
export type QuantileType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * Options of `quantile`: which of the nine Hyndman–Fan definitions to use.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5, { type: 1 }) // => 2
 */
export interface QuantileOptions {
  /** Hyndman–Fan type; 7 by default (R, NumPy `linear`, Excel `PERCENTILE.INC`). */
  type?: QuantileType;
}

/**
 * Sample quantile by one of the nine Hyndman–Fan definitions.
 *
 * Type 7 (default): with h = (n − 1)p + 1, Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), the
 * definition of R, NumPy and Excel's PERCENTILE.INC. Type 6 is Minitab/SPSS, type 1 the inverse
 * of the empirical CDF. The arithmetic follows R's `quantile.default` step for step, fuzz
 * included, so results agree with R exactly.
 * Hyndman & Fan (1996), "Sample quantiles in statistical packages", The American Statistician
 * 50(4):361–365, doi:10.1080/00031305.1996.10473566. O(n log n) (one sort of a copy).
 *
 * @param values - finite numbers (not mutated)
 * @param p - probability in [0, 1]
 * @param options - `type` 1…9
 * @returns the quantile
 * @throws CxMetricsError EMPTY_INPUT for no values; INVALID_VALUE (with index) for a non-finite
 *   value, or p outside [0, 1]; INVALID_OPTION for a type other than 1…9, options that are not a
 *   plain object, or an unknown option key
 * @example
 * quantile([1, 2, 3, 4], 0.5) // => 2.5
 * quantile([1, 2, 3, 4], 0.5, { type: 1 }) // => 2
 */
export function quantile(values: ArrayLike<number>, p: number, options?: QuantileOptions): number {
  const fn = 'quantile';
  const opts = checkOptions(fn, options, ['type']);
  const sorted = finiteValues(fn, values).sort();
  checkProbability(fn, 'p', p);
  const type = opts.type ?? 7;
  if (!Number.isInteger(type) || type < 1 || type > 9) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: type is ${describe(type)}; expected a whole number from 1 to 9`,
      {
        value: type,
      },
    );
  }
  if (sorted.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one value`);
  return quantileSorted(sorted, p, type);
}

const FUZZ = 4 * Number.EPSILON;

/** Quantile of already sorted, validated values (R's algorithm). @internal */
export function quantileSorted(sorted: ArrayLike<number>, p: number, type: QuantileType = 7): number {
  const n = sorted.length;
  let j: number;
  let h: number;
  if (type <= 3) {
    const nppm = type === 3 ? n * p - 0.5 : n * p;
    j = Math.floor(nppm + FUZZ);
    if (type === 1) h = nppm > j ? 1 : 0;
    else if (type === 2) h = ((nppm > j ? 1 : 0) + 1) / 2;
    else h = nppm !== j || ((j % 2) + 2) % 2 === 1 ? 1 : 0;
  } else {
    const [a, b] = PARAMETERS[type - 4] as [number, number];
    const nppm = a + p * (n + 1 - a - b);
    j = Math.floor(nppm + FUZZ);
    h = nppm - j;
    if (Math.abs(h) < FUZZ) h = 0;
  }
  // R pads x as c(x[1], x[1], x, x[n], x[n]) and reads x[j + 2], x[j + 3] (1-based).
  const at = (k: number) => sorted[Math.min(n - 1, Math.max(0, k - 1))] as number;
  const lo = at(j);
  const hi = at(j + 1);
  if (h === 1) return hi;
  if (h > 0 && h < 1 && lo !== hi) return (1 - h) * lo + h * hi;
  return lo;
}

const PARAMETERS: ReadonlyArray<readonly [number, number]> = [
  [0, 1], // 4
  [0.5, 0.5], // 5
  [0, 0], // 6
  [1, 1], // 7
  [1 / 3, 1 / 3], // 8
  [3 / 8, 3 / 8], // 9
];
