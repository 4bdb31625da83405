import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';

/**
 * Property names of T whose values are scores (numbers, or null/undefined when skipped).
 *
 * @example
 * ces([{ effort: 7 }, { effort: 5 }], { accessor: 'effort' }).value // => 6
 */
export type ScoreKey<T> = { [K in keyof T]-?: T[K] extends number | null | undefined ? K : never }[keyof T];

/**
 * How a score is read from a record: the name of a numeric property, or a function.
 *
 * @example
 * nps([{ q: 10 }, { q: 3 }], { accessor: 'q' }).value // => 0
 * nps([{ answers: [10] }, { answers: [9] }], { accessor: (record) => record.answers[0] }).value // => 100
 */
export type ScoreAccessor<T> = ScoreKey<T> | ((record: T, index: number) => number | null | undefined);

/**
 * Input accepted by the survey metrics: scores (null/undefined = skipped) or records.
 *
 * @example
 * csat([5, null, undefined, 4]).skipped // => 2
 * csat(new Float64Array([5, 4, 1])).n // => 3
 */
export type ScoreInput<T = unknown> = ArrayLike<number | null | undefined> | ArrayLike<T>;

export interface ReadScoresOptions {
  accessor?: unknown;
  weights?: ArrayLike<number> | undefined;
  /** Inclusive integer range the scores must fall in. */
  min: number;
  max: number;
}

/** Scores after the boundary checks: answered values with their weights, and the skip count. */
export interface ReadScores {
  /** Answered scores, in input order. */
  values: number[];
  /** Weight of each answered score (all 1 when no weights were given). */
  weights: number[];
  /** Number of missing (null/undefined) answers, and the weight of each. */
  skipped: number;
  skippedWeights: number[];
  weighted: boolean;
}

/**
 * Read survey scores once at the boundary: resolve the accessor, count skipped answers
 * (null/undefined), and reject anything else that is not an integer on the scale, naming the
 * index. Shared by nps, csat and ces. @internal
 */
export function readScores(fn: string, input: unknown, options: ReadScoresOptions): ReadScores {
  if (input === null || typeof input !== 'object' || typeof (input as ArrayLike<unknown>).length !== 'number') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an array of scores (or records with an accessor), got ${describe(input)}`,
      { value: input },
    );
  }
  const items = input as ArrayLike<unknown>;
  const read = makeAccessor(fn, options.accessor);
  const { weights } = options;
  if (weights !== undefined) {
    if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: weights must be an array of numbers`, { value: weights });
    }
    if (weights.length !== items.length) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: weights has ${weights.length} entries but there are ${items.length} scores; expected one weight per score`,
        { value: weights.length },
      );
    }
  }
  const values: number[] = [];
  const outWeights: number[] = [];
  const skippedWeights: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const raw = read(items[i], i);
    let w = 1;
    if (weights !== undefined) {
      const wi = weights[i];
      if (typeof wi !== 'number' || !Number.isFinite(wi) || wi < 0) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: weight at index ${i} is ${describe(wi)}; expected a finite number ≥ 0`,
          {
            index: i,
            value: wi,
          },
        );
      }
      w = wi;
    }
    if (raw === null || raw === undefined) {
      skippedWeights.push(w);
      continue;
    }
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < options.min || raw > options.max) {
      const hint =
        typeof raw === 'string'
          ? ' (strings are not parsed here: convert with Number, or use parseResponses from cx-metrics/schemas)'
          : typeof raw === 'number' && Number.isNaN(raw)
            ? ' (use null or undefined for a skipped answer)'
            : typeof raw === 'object' && options.accessor === undefined
              ? ' (pass the accessor option to read scores from records)'
              : '';
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: score at index ${i} is ${describe(raw)}; expected an integer from ${options.min} to ${options.max}${hint}`,
        { index: i, value: raw },
      );
    }
    values.push(raw);
    outWeights.push(w);
  }
  // Weights matter only relative to each other: divide by the largest so that sums cannot
  // overflow (1e308 + 1e308) nor squares underflow (5e-324²).
  if (weights !== undefined) {
    let max = 0;
    for (const w of outWeights) max = Math.max(max, w);
    for (const w of skippedWeights) max = Math.max(max, w);
    if (max > 0) {
      for (let i = 0; i < outWeights.length; i++) outWeights[i] = (outWeights[i] as number) / max;
      for (let i = 0; i < skippedWeights.length; i++) skippedWeights[i] = (skippedWeights[i] as number) / max;
    }
  }
  return {
    values,
    weights: outWeights,
    skipped: skippedWeights.length,
    skippedWeights,
    weighted: weights !== undefined,
  };
}

function makeAccessor(fn: string, accessor: unknown): (item: unknown, index: number) => unknown {
  if (accessor === undefined) return (item) => item;
  if (typeof accessor === 'function') return accessor as (item: unknown, index: number) => unknown;
  if (typeof accessor === 'string' || typeof accessor === 'number' || typeof accessor === 'symbol') {
    return (item) =>
      item !== null && typeof item === 'object' ? (item as Record<PropertyKey, unknown>)[accessor] : item;
  }
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: accessor must be a property name or a function (record, index) => score`,
    {
      value: accessor,
    },
  );
}

/** The EMPTY_INPUT error for a survey with no answered score. @internal */
export function noAnswersError(fn: string, read: ReadScores, min: number, max: number): CxMetricsError {
  return new CxMetricsError(
    'EMPTY_INPUT',
    `${fn}: no answered scores${read.skipped > 0 ? ` (all ${read.skipped} skipped)` : ''}; expected at least one score from ${min} to ${max}`,
  );
}

/** The EMPTY_INPUT error for answers whose weights are all 0. @internal */
export function zeroWeightError(fn: string): CxMetricsError {
  return new CxMetricsError(
    'EMPTY_INPUT',
    `${fn}: every answered score has weight 0; expected a positive total weight`,
  );
}
