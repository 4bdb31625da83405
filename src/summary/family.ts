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
}
