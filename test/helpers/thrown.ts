import { CxMetricsError } from '../../src/index.ts';

/** Run f and return the CxMetricsError it throws; anything else (or no throw) fails the test. */
export function thrown(f: () => unknown): CxMetricsError {
  try {
    f();
  } catch (error) {
    if (error instanceof CxMetricsError) return error;
    throw error;
  }
  throw new Error('expected a CxMetricsError');
}
