import type { Summary, SummaryMetric } from './types.ts';

/**
 * What one metric family contributes to `summarize`, `mergeSummaries` and `estimate`: the four
 * operations on its summary kind, and the option keys each one takes (so the dispatchers can
 * check options and say which function an option belongs to). A metric function is exactly
 * `family.estimate(fn, family.summarize(fn, input, options), options)`. @internal
 */
export interface SummaryFamily<S extends Summary = Summary, R = unknown> {
  /** The metric name `summarize` takes ('nps', 'ttr', …). */
  metric: SummaryMetric;
  /** The summary kind this family makes ('nps-summary', …). */
  kind: S['kind'];
  /** Option keys `summarize` takes for this metric (scale, weights, accessor, asOf, …). */
  summarizeKeys: readonly string[];
  /** Option keys `estimate` takes for this kind (method, confidence, seed, …). */
  estimateKeys: readonly string[];
  /** Read the input once into a summary; `fn` names the public function in errors. */
  summarize(fn: string, input: unknown, options: Record<string, unknown>): S;
  /** Add two summaries of this kind; INVALID_VALUE when their scale, clock or definition differ. */
  merge(fn: string, a: S, b: S): S;
  /** Check a summary that came from outside (JSON, SQL rows, a user): INVALID_VALUE naming the field. */
  check(fn: string, summary: unknown): S;
  /** The metric's usual result from a summary. */
  estimate(fn: string, summary: S, options: Record<string, unknown>): R;
  /**
   * Summarize options whose meaning differs from a `breakdown` / `trend` option of the same name
   * (a funnel's stage `order`, a cart's purchase `window`): there they are given in
   * `metricOptions`, and the top-level key is the analysis' own.
   */
  distinctKeys?: readonly string[];
  /**
   * For a family whose unit is not the record (a funnel counts customers, each with many events):
   * make every record of one unit share a group code, so that each group's summary holds whole
   * units. `mode` 'constant' (breakdown) requires the code to be the same on every record of a
   * unit (INVALID_VALUE naming both indices otherwise); 'entry' (trend) gives every record the
   * code of the unit's entry record. `where(code)` names a group in messages.
   */
  regroup?(
    fn: string,
    input: ArrayLike<unknown>,
    options: Record<string, unknown>,
    codes: Int32Array,
    mode: 'constant' | 'entry',
    where: (code: number) => string,
  ): void;
}
