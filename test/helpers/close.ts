import { expect } from 'vitest';

/** Assert |actual − expected| ≤ tol · max(1, |expected|) — relative for large, absolute near 0. */
export function expectClose(actual: number, expected: number, tol: number, label = ''): void {
  const scale = Math.max(1, Math.abs(expected));
  const err = Math.abs(actual - expected);
  if (!(err <= tol * scale)) {
    expect.fail(`${label} expected ${expected}, got ${actual} (error ${err.toExponential(2)} > ${tol} × ${scale})`);
  }
}

/** Assert relative error |actual − expected| / |expected| ≤ tol (exact match required at 0). */
export function expectRelative(actual: number, expected: number, tol: number, label = ''): void {
  if (expected === 0 ? actual !== 0 : !(Math.abs(actual - expected) <= tol * Math.abs(expected))) {
    expect.fail(
      `${label} expected ${expected}, got ${actual} (relative error ${(Math.abs(actual - expected) / Math.abs(expected)).toExponential(2)} > ${tol})`,
    );
  }
}
