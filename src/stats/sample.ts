import { CxMetricsError } from '../errors.ts';
import { describe } from './validate.ts';

/**
 * Copy an array-like of numbers into a Float64Array, checking every element is a finite number.
 * Shared boundary check for functions taking raw values. @internal
 */
export function finiteValues(fn: string, values: ArrayLike<number>, what = 'value'): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array of numbers, got ${describe(values)}`, {
      value: values,
    });
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${what} at index ${i} is ${describe(v)}; expected a finite number`,
        { index: i, value: v },
      );
    }
    out[i] = v;
  }
  return out;
}

/**
 * Mean and sample variance by a compensated two-pass sum (Chan, Golub & LeVeque 1983); `fn` names
 * the caller in the INVALID_VALUE error thrown when values are so large that the sum or the
 * squares overflow (beyond about 1e154). @internal
 */
export function meanAndVariance(values: Float64Array, fn = 'meanAndVariance'): { mean: number; variance: number } {
  const result = twoPass(values);
  if (values.length > 0 && (!Number.isFinite(result.mean) || !Number.isFinite(result.variance))) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: values are too large to average (their sum or squares overflow); rescale them, e.g. to thousands or millions`,
    );
  }
  return result;
}

function twoPass(values: Float64Array): { mean: number; variance: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const first = sum / n;
  let squares = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - first;
    squares += d * d;
    correction += d;
  }
  const mean = first + correction / n;
  const variance = n > 1 ? (squares - (correction * correction) / n) / (n - 1) : 0;
  return { mean, variance: Math.max(0, variance) };
}
