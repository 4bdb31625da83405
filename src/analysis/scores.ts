import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';

/**
 * The `scores` option of the trend tests: one finite number per group, 1, 2, …, k when left out.
 * Returns a copy. @internal
 */
export function readScores(fn: string, scores: unknown, k: number): number[] {
  if (scores === undefined) return Array.from({ length: k }, (_, i) => i + 1);
  if (!Array.isArray(scores) && !ArrayBuffer.isView(scores)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: scores is ${describe(scores)}; expected an array of ${k} numbers`,
      {
        value: scores,
      },
    );
  }
  const list = Array.from(scores as ArrayLike<unknown>);
  if (list.length !== k) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: scores has ${list.length} entries for ${k} groups; expected one score per group`,
      { value: scores },
    );
  }
  return list.map((s, i) => {
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: score at index ${i} is ${describe(s)}; expected a finite number`,
        {
          index: i,
          value: s,
        },
      );
    }
    return s;
  });
}
