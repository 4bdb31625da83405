import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { finiteValues, meanAndVariance } from '../stats/sample.ts';
import { tCdf, tUpperQuantile } from '../stats/studentT.ts';
import { checkConfidence, describe } from '../stats/validate.ts';
import { checkMeanSummary } from '../summary/meanFamily.ts';
import type { MeanSummary } from '../summary/types.ts';
import type { CxWarning, Difference, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';

/**
 * A group as raw values, summary statistics, a mean summary, or an earlier `meanInterval` result.
 *
 * @example
 * compareMeans({ mean: 4.2, sd: 0.7 ** 0.5, n: 5 }, [3, 2, 4, 3, 3]).difference // => 1.2 (to 1e-12)
 * compareMeans(summarize('mean', [4, 5, 5, 4, 3]), [3, 2, 4, 3, 3]).difference // => 1.2 (to 1e-12)
 */
export type MeanGroup = ArrayLike<number> | { mean: number; sd: number; n: number } | MeanSummary | Estimate;

/**
 * Options of `compareMeans`.
 *
 * @example
 * compareMeans([4, 5, 5, 4, 3], [3, 2, 4, 3, 3], { confidence: 0.9 }).lower // => 0.2857198208309706 (to 1e-12)
 */
export interface CompareMeansOptions {
  /** Confidence level in (0, 1) of the Welch interval for a − b; 0.95 by default. */
  confidence?: number;
}

/**
 * Welch's two-sample result: the Difference plus the t statistic and its degrees of freedom.
 *
 * @example
 * const d = compareMeans([4, 5, 5, 4, 3], [3, 2, 4, 3, 3])
 * d.t // => 6 ** 0.5 (to 1e-12)
 * d.df // => 288 / 37 (to 1e-12) (Welch–Satterthwaite)
 */
export interface CompareMeansResult extends Difference {
  kind: 'difference';
  /** Welch t statistic (a − b)/SE. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  standardError: number;
}

/**
 * Difference of two means a − b by Welch's t-test, which does not assume equal variances.
 *
 * SE = √(s²a/na + s²b/nb); df = SE⁴ / ((s²a/na)²/(na − 1) + (s²b/nb)²/(nb − 1))
 * (Welch–Satterthwaite); interval (x̄a − x̄b) ± t(1 − α/2, df)·SE; two-sided p = 2·P(T_df > |t|).
 * Welch (1947), Biometrika 34:28–35, doi:10.1093/biomet/34.1-2.28. Agrees with scipy's
 * `ttest_ind(equal_var=False)` to 1e-9 (test/fixtures). Use it for mean CSAT or CES scores; for
 * shares of satisfied customers use `compareProportions`.
 *
 * @param a - first group: values, `{ mean, sd, n }`, a mean summary (`summarize('mean', …)`:
 *   variance M2/(n − 1)), or a `meanInterval` Estimate (sd is recovered from its standardError)
 * @param b - second group, the same way
 * @param options - `confidence`
 * @returns CompareMeansResult with `difference`, `lower`, `upper`, `pValue`, `t`, `df`,
 *   `standardError`, and the per-group t intervals `a`, `b`
 * @throws CxMetricsError INSUFFICIENT_DATA for a group with fewer than 2 values; INVALID_VALUE for a
 *   non-finite value (with index) or an impossible summary; INVALID_OPTION for an unknown option
 *   or a bad confidence
 * @example
 * compareMeans([4, 5, 5, 4, 3], [3, 2, 4, 3, 3]).difference // => 1.2 (to 1e-12)
 * compareMeans([4, 5, 5, 4, 3], [3, 2, 4, 3, 3]).pValue // => 0.04077282852402114 (to 1e-12)
 */
export function compareMeans(a: MeanGroup, b: MeanGroup, options?: CompareMeansOptions): CompareMeansResult {
  const fn = 'compareMeans';
  const o = checkOptions(fn, options, ['confidence']);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  const ga = groupMoments(fn, 'a', a);
  const gb = groupMoments(fn, 'b', b);
  const va = ga.variance / ga.n;
  const vb = gb.variance / gb.n;
  const se = Math.sqrt(va + vb);
  if (!Number.isFinite(se) || !Number.isFinite(ga.mean - gb.mean)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the groups' values are too large to compare (their variances or difference overflow); rescale them`,
    );
  }
  const difference = ga.mean - gb.mean;
  const warnings: CxWarning[] = [];
  const groupEstimate = (g: Moments): Estimate => {
    const s = Math.sqrt(g.variance / g.n);
    const spread = tUpperQuantile((1 - confidence) / 2, g.n - 1) * s;
    return {
      value: g.mean,
      lower: g.mean - spread,
      upper: g.mean + spread,
      confidence,
      method: 't',
      n: g.n,
      standardError: s,
      warnings: [],
    };
  };
  if (se === 0) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: both groups have zero variance, so the difference is exact: p is 0 when the means differ (t = ±Infinity) and 1 when they are equal`,
      ),
    );
    return printable({
      kind: 'difference',
      difference,
      lower: difference,
      upper: difference,
      confidence,
      method: 'welch',
      pValue: difference === 0 ? 1 : 0,
      t: difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY,
      df: ga.n + gb.n - 2,
      standardError: 0,
      a: groupEstimate(ga),
      b: groupEstimate(gb),
      warnings,
    });
  }
  // Welch–Satterthwaite in terms of the share r of the variance from a, so that tiny variances
  // cannot underflow to 0/0.
  const r = va / (va + vb);
  const df = 1 / ((r * r) / (ga.n - 1) + ((1 - r) * (1 - r)) / (gb.n - 1));
  const t = difference / se;
  const spread = tUpperQuantile((1 - confidence) / 2, df) * se;
  return printable({
    kind: 'difference',
    difference,
    lower: difference - spread,
    upper: difference + spread,
    confidence,
    method: 'welch',
    pValue: Math.min(1, 2 * tCdf(-Math.abs(t), df)),
    t,
    df,
    standardError: se,
    a: groupEstimate(ga),
    b: groupEstimate(gb),
    warnings,
  });
}

interface Moments {
  mean: number;
  variance: number;
  n: number;
}

function groupMoments(fn: string, name: string, g: MeanGroup): Moments {
  if (g === null || typeof g !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(g)}; expected values, { mean, sd, n } or an Estimate`,
      {
        value: g,
      },
    );
  }
  let summary: Moments;
  if ('kind' in g && g.kind === 'mean-summary') {
    const s = checkMeanSummary(`${fn}: ${name}`, g);
    summary = { mean: s.mean, variance: s.n > 1 ? s.m2 / (s.n - 1) : 0, n: s.n };
  } else if ('mean' in g && 'sd' in g) {
    summary = { mean: g.mean, variance: g.sd * g.sd, n: g.n };
    if (!Number.isFinite(g.mean) || !(g.sd >= 0) || !Number.isFinite(g.sd)) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} needs a finite mean and a finite sd ≥ 0`, { value: g });
    }
  } else if ('value' in g && 'standardError' in g) {
    const se = g.standardError;
    if (typeof se !== 'number' || !Number.isFinite(se) || se < 0 || !Number.isFinite(g.value)) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is an Estimate without a usable standardError`, {
        value: g,
      });
    }
    summary = { mean: g.value, variance: se * se * g.n, n: g.n };
  } else if (typeof (g as ArrayLike<number>).length === 'number') {
    const values = finiteValues(fn, g as ArrayLike<number>, `${name} value`);
    const { mean, variance } = meanAndVariance(values, fn);
    summary = { mean, variance, n: values.length };
  } else {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} must be values, { mean, sd, n } or an Estimate`, {
      value: g,
    });
  }
  if (!Number.isInteger(summary.n) || summary.n < 2) {
    throw new CxMetricsError(
      summary.n === 0 ? 'EMPTY_INPUT' : 'INSUFFICIENT_DATA',
      `${fn}: ${name} has n = ${summary.n}; each group needs at least 2 values`,
      { value: summary.n },
    );
  }
  return summary;
}
