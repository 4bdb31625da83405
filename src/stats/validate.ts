import { CxMetricsError } from '../errors.ts';

/** Shared boundary checks. Each throws a CxMetricsError naming `fn` and the requirement. */

export function checkConfidence(fn: string, confidence: unknown): number {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: confidence is ${describe(confidence)}; expected a number strictly between 0 and 1 (e.g. 0.95)`,
      { value: confidence },
    );
  }
  return confidence;
}

/** A number that is not NaN (±Infinity allowed): the point at which a CDF is evaluated. */
export function checkNumber(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(x)}; expected a number (±Infinity allowed)`,
      {
        value: x,
      },
    );
  }
  return x;
}

export function checkProbability(fn: string, name: string, p: unknown): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(p)}; expected a number from 0 to 1`, {
      value: p,
    });
  }
  return p;
}

export function checkPositive(fn: string, name: string, x: unknown, { allowInfinity = false } = {}): number {
  if (typeof x !== 'number' || !(x > 0) || (!allowInfinity && !Number.isFinite(x))) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(x)}; expected a ${allowInfinity ? '' : 'finite '}number greater than 0`,
      { value: x },
    );
  }
  return x;
}

/**
 * The largest shape parameter (gamma shape, beta a and b, degrees of freedom of chi-square and F)
 * the public distribution functions take. Up to it the incomplete gamma and beta functions keep
 * ~1e-11 absolute accuracy in a few hundred milliseconds at most; beyond it they lose their digits
 * (gammaCdf(1e14, 1e14) would come out 0.34 for ½) and then give NaN, slowly.
 */
export const MAX_SHAPE = 1e10;

/** A shape or degrees of freedom: a number > 0 and ≤ MAX_SHAPE (Infinity too when allowed). */
export function checkShape(fn: string, name: string, x: unknown, { allowInfinity = false } = {}): number {
  if (allowInfinity && x === Number.POSITIVE_INFINITY) return x;
  if (typeof x !== 'number' || !(x > 0 && x <= MAX_SHAPE)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(x)}; expected a number greater than 0 and at most 1e10${allowInfinity ? ' (or Infinity)' : ''}, beyond which the computation cannot keep its accuracy`,
      { value: x },
    );
  }
  return x;
}

export function checkCount(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(x)}; expected a whole number ≥ 0`, {
      value: x,
    });
  }
  return x;
}

/** Non-negative finite number (weighted counts may be fractional). */
export function checkNonNegative(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(x)}; expected a finite number ≥ 0`, {
      value: x,
    });
  }
  return x;
}

export function checkOneOf<T extends string>(fn: string, name: string, x: unknown, allowed: readonly T[]): T {
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(x)}; expected one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      { value: x },
    );
  }
  return x as T;
}

/** A short, safe rendering of a bad value for an error message. */
export function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'bigint') return `${x}n`;
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object'; // not "a object"
  return `a ${typeof x}`;
}
