import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { ownFieldReader } from '../ownField.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkCount, checkOneOf, describe } from '../stats/validate.ts';
import type { Estimate } from '../types.ts';
import { summaryCount, summaryFields } from './check.ts';
import type { SummaryFamily } from './family.ts';
import type { ProportionSummary } from './types.ts';

// The proportion family: successes out of n. Summarized from counts or from yes/no answers;
// merged by adding; estimated with any `proportionInterval` method (Wilson by default).

/**
 * The result of `estimate` for a proportion summary: `proportionInterval`'s Estimate with its kind.
 *
 * @example
 * estimate(summarize('proportion', [true, true, false, true])).value // => 0.75
 * estimate(summarize('proportion', { successes: 42, n: 50 })).kind // => 'proportion'
 */
export interface ProportionResult extends Estimate {
  kind: 'proportion';
}

/**
 * Options of `summarize('proportion', records, …)`: how to read a true/false (1/0) answer from
 * each record.
 *
 * @example
 * summarize('proportion', [{ ok: true }, { ok: false }], { accessor: 'ok' }).successes // => 1
 */
export interface ProportionSummaryOptions<T> {
  /** The name of a boolean (or 1/0) property, or a function `(record, index) => boolean`. */
  accessor:
    | { [K in keyof T]-?: T[K] extends boolean | 0 | 1 ? K : never }[keyof T]
    | ((record: T, index: number) => boolean | 0 | 1);
}

/**
 * Options of `estimate` for a proportion summary: the interval method and confidence, as
 * `proportionInterval` takes them.
 *
 * @example
 * estimate(summarize('proportion', { successes: 42, n: 50 }), { method: 'jeffreys' }).method // => 'jeffreys'
 */
export interface ProportionEstimateOptions {
  /** `'wilson'` (default), `'agresti-coull'`, `'clopper-pearson'`, `'jeffreys'` or `'wald'`. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

function summarizeProportion(fn: string, input: unknown, o: Record<string, unknown>): ProportionSummary {
  if (input !== null && typeof input === 'object' && !('length' in input)) {
    if (o.accessor !== undefined) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: accessor reads records; the input is { successes, n } counts`);
    }
    const c = input as Record<string, unknown>;
    const successes = checkCount(fn, 'successes', c.successes);
    const n = checkCount(fn, 'n', c.n);
    if (successes > n) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: successes (${successes}) exceed n (${n})`, {
        value: successes,
      });
    }
    return { kind: 'proportion-summary', version: 1, successes, n };
  }
  if (input === null || typeof input !== 'object' || typeof (input as { length?: unknown }).length !== 'number') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected { successes, n } or an array of true/false (1/0) answers, got ${describe(input)}`,
      { value: input },
    );
  }
  const items = input as ArrayLike<unknown>;
  const accessor = o.accessor;
  if (accessor !== undefined && typeof accessor !== 'function' && typeof accessor !== 'string') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: accessor must be a property name or a function (record, index) => boolean`,
      {
        value: accessor,
      },
    );
  }
  const read =
    accessor === undefined
      ? (x: unknown) => x
      : typeof accessor === 'function'
        ? (accessor as (record: unknown, index: number) => unknown)
        : ownFieldReader(accessor as string);
  let successes = 0;
  for (let i = 0; i < items.length; i++) {
    const v = read(items[i], i);
    if (v === true || v === 1) successes++;
    else if (v !== false && v !== 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: answer at index ${i} is ${describe(v)}; expected true or false (1 or 0)${v === null || v === undefined ? ' — a proportion has no skipped answers: leave them out' : ''}`,
        { index: i, value: v },
      );
    }
  }
  return { kind: 'proportion-summary', version: 1, successes, n: items.length };
}

/** Check a proportion summary from outside and copy it. @internal */
export function checkProportionSummary(fn: string, s: unknown): ProportionSummary {
  const o = summaryFields(fn, s, 'proportion-summary', ['kind', 'version', 'successes', 'n']);
  const successes = summaryCount(fn, 'successes', o.successes);
  const n = summaryCount(fn, 'n', o.n);
  if (successes > n) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: successes (${successes}) exceed n (${n})`, { value: successes });
  }
  return { kind: 'proportion-summary', version: 1, successes, n };
}

function estimateProportion(fn: string, s: ProportionSummary, o: Record<string, unknown>): ProportionResult {
  const method = checkOneOf(fn, 'method', o.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  if (s.n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: n is 0; expected at least one trial`);
  return printable({ kind: 'proportion', ...proportionIntervalUnchecked(fn, s.successes, s.n, method, confidence) });
}

/** The proportion summary family. @internal */
export const PROPORTION_FAMILY: SummaryFamily<ProportionSummary, ProportionResult> = {
  metric: 'proportion',
  kind: 'proportion-summary',
  summarizeKeys: ['accessor'],
  estimateKeys: ['method', 'confidence'],
  summarize: summarizeProportion,
  merge: (_fn, a, b) => ({
    kind: 'proportion-summary',
    version: 1,
    successes: a.successes + b.successes,
    n: a.n + b.n,
  }),
  check: checkProportionSummary,
  estimate: estimateProportion,
};
