import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { finiteValues } from '../stats/sample.ts';
import { tUpperQuantile } from '../stats/studentT.ts';
import { checkConfidence, checkOneOf } from '../stats/validate.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import { summaryCount, summaryFields, summaryNumber } from './check.ts';
import type { SummaryFamily } from './family.ts';
import type { MeanSummary } from './types.ts';

// The mean family: n, the mean and M2 = Σ(x − x̄)². Summarized by the compensated two-pass sum of
// `meanInterval` (so estimate(summarize('mean', x)) is meanInterval(x) to the last bit), merged by
// Chan, Golub & LeVeque's pairwise update, estimated with Student's t. The bootstrap needs the
// data, which a summary does not hold.

/**
 * The result of `estimate` for a mean summary: `meanInterval`'s t Estimate with its kind.
 *
 * @example
 * estimate(summarize('mean', [5, 7, 10])).lower // => 1.0817238539575582 (to 1e-14)
 * estimate(summarize('mean', [5, 7, 10])).kind // => 'mean'
 */
export interface MeanResult extends Estimate {
  kind: 'mean';
}

/**
 * Options of `estimate` for a mean summary: the confidence; the method is Student's t (the
 * bootstrap needs the values, which a summary does not hold).
 *
 * @example
 * estimate(summarize('mean', [5, 7, 10]), { confidence: 0.9 }).lower // => 3.090692646214043 (to 1e-12)
 */
export interface MeanEstimateOptions {
  /** `'t'`, the only method a summary supports. */
  method?: 't';
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

function summarizeMean(fn: string, input: unknown): MeanSummary {
  const x = finiteValues(fn, input as ArrayLike<number>);
  const n = x.length;
  if (n === 0) return { kind: 'mean-summary', version: 1, n: 0, mean: 0, m2: 0 };
  // The two passes of meanInterval (src/stats/sample.ts), keeping M2 before the division.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] as number;
  const first = sum / n;
  let squares = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - first;
    squares += d * d;
    correction += d;
  }
  const mean = first + correction / n;
  const m2 = n > 1 ? Math.max(0, squares - (correction * correction) / n) : 0;
  if (!Number.isFinite(mean) || !Number.isFinite(m2)) throw tooLarge(fn);
  return { kind: 'mean-summary', version: 1, n, mean, m2 };
}

function tooLarge(fn: string): CxMetricsError {
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: values are too large to average (their sum or squares overflow); rescale them, e.g. to thousands or millions`,
  );
}

/** Check a mean summary from outside and copy it. @internal */
export function checkMeanSummary(fn: string, s: unknown): MeanSummary {
  const o = summaryFields(fn, s, 'mean-summary', ['kind', 'version', 'n', 'mean', 'm2']);
  const n = summaryCount(fn, 'n', o.n);
  const mean = summaryNumber(fn, 'mean', o.mean, 'any');
  const m2 = summaryNumber(fn, 'm2', o.m2, 'non-negative');
  if (n <= 1 && m2 !== 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: m2 is ${m2} for n = ${n}; fewer than 2 values have no spread`, {
      value: m2,
    });
  }
  if (n === 0 && mean !== 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: mean is ${mean} for n = 0; the summary of no values has mean 0`, {
      value: mean,
    });
  }
  return { kind: 'mean-summary', version: 1, n, mean, m2 };
}

/** Chan, Golub & LeVeque (1979): n = nₐ + n_b, δ = x̄_b − x̄ₐ, x̄ = x̄ₐ + δ·n_b/n, M2 = M2ₐ + M2_b + δ²·nₐn_b/n. @internal */
export function mergeMeanSummaries(fn: string, a: MeanSummary, b: MeanSummary): MeanSummary {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  const mean = a.mean + delta * (b.n / n);
  const m2 = a.m2 + b.m2 + delta * delta * ((a.n * b.n) / n);
  if (!Number.isFinite(mean) || !Number.isFinite(m2) || !Number.isSafeInteger(n)) throw tooLarge(fn);
  return { kind: 'mean-summary', version: 1, n, mean, m2 };
}

function estimateMean(fn: string, s: MeanSummary, o: Record<string, unknown>): MeanResult {
  if (o.method === 'bootstrap-bca') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: method 'bootstrap-bca' resamples the values, and a mean summary holds only n, mean and M2; use meanInterval(values, { method: 'bootstrap-bca' }) on the data`,
      { value: o.method },
    );
  }
  const method = checkOneOf(fn, 'method', o.method ?? 't', ['t'] as const);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  const { n, mean } = s;
  if (n < 2) {
    throw new CxMetricsError(
      n === 0 ? 'EMPTY_INPUT' : 'INSUFFICIENT_DATA',
      `${fn}: needs at least 2 values to estimate a spread, got ${n}`,
    );
  }
  const variance = s.m2 / (n - 1);
  const standardError = Math.sqrt(variance / n);
  const warnings: CxWarning[] = [];
  if (variance === 0) {
    warnings.push(warning('ZERO_VARIANCE', `${fn}: all ${n} values are equal; the interval is one point`));
    return printable({
      kind: 'mean',
      value: mean,
      lower: mean,
      upper: mean,
      confidence,
      method,
      n,
      standardError,
      warnings,
    });
  }
  const spread = tUpperQuantile((1 - confidence) / 2, n - 1) * standardError;
  return printable({
    kind: 'mean',
    value: mean,
    lower: mean - spread,
    upper: mean + spread,
    confidence,
    method,
    n,
    standardError,
    warnings,
  });
}

/** The mean summary family. @internal */
export const MEAN_FAMILY: SummaryFamily<MeanSummary, MeanResult> = {
  metric: 'mean',
  kind: 'mean-summary',
  summarizeKeys: [],
  estimateKeys: ['method', 'confidence'],
  summarize: (fn, input) => summarizeMean(fn, input),
  merge: mergeMeanSummaries,
  check: checkMeanSummary,
  estimate: estimateMean,
};
