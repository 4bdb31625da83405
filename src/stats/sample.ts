import { CxMetricsError } from '../errors.ts';
import { describe } from './validate.ts';

const MAX_LENGTH = 2 ** 32 - 1;

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
  const n = values.length;
  // 2³² − 1 is the longest a JavaScript array can be; an array-like claiming more is not data.
  if (!Number.isInteger(n) || n < 0 || n > MAX_LENGTH) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the values' length is ${describe(n)}; expected a whole number from 0 to ${MAX_LENGTH}`,
      { value: n },
    );
  }
  // Check every element before allocating the copy: a huge sparse array (`new Array(2 ** 32 - 1)`)
  // or an array-like with an impossible length fails at its first hole, never in an allocation
  // that could exhaust memory. The copy checks again (an array-like's getters may change).
  const at = (i: number): number => {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${what} at index ${i} is ${describe(v)}; expected a finite number`,
        { index: i, value: v },
      );
    }
    return v;
  };
  for (let i = 0; i < n; i++) at(i);
  let out: Float64Array;
  try {
    out = new Float64Array(n);
  } catch {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${n} values are too many to hold in memory`, { value: n });
  }
  for (let i = 0; i < n; i++) out[i] = at(i);
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
