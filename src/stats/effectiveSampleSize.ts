import { CxMetricsError } from '../errors.ts';
import { describe } from './validate.ts';

/**
 * Kish's effective sample size of a set of weights: n_eff = (Σw)² / Σw².
 *
 * The number of unweighted observations that would give the same variance for a weighted mean
 * (Kish, L. (1965), Survey Sampling, Wiley, §11.7). Equal weights give n; unequal weights give
 * less. Intervals on weighted data use n_eff in place of n.
 *
 * @param weights - finite weights ≥ 0, at least one > 0
 * @returns n_eff, between 1 and the number of non-zero weights
 * @throws CxMetricsError EMPTY_INPUT when there are no weights or all are 0; INVALID_VALUE (with
 *   index) for a negative, NaN, infinite or non-numeric weight, and when weights is not an array
 * @example
 * effectiveSampleSize([1, 1, 1, 1]) // => 4
 * effectiveSampleSize([1, 1, 1, 5]) // => 2.2857142857142856 (to 1e-15)
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `effectiveSampleSize: expected an array of weights, got ${describe(weights)}`,
      {
        value: weights,
      },
    );
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `effectiveSampleSize: weight at index ${i} is ${describe(w)}; expected a finite number ≥ 0`,
        { index: i, value: w },
      );
    }
  }
  const n = kishEffectiveSize(weights);
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', 'effectiveSampleSize: needs at least one weight greater than 0');
  return n;
}

/**
 * (Σw)²/Σw² for validated weights, 0 when all are 0. Weights are divided by the largest first,
 * so tiny weights do not underflow when squared nor huge ones overflow. @internal
 */
export function kishEffectiveSize(weights: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, weights[i] as number);
  if (max === 0) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = (weights[i] as number) / max;
    sum += w;
    sumSquares += w * w;
  }
  return (sum * sum) / sumSquares;
}
