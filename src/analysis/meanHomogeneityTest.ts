import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { fUpperTail } from '../stats/fDistribution.ts';
import type { CxWarning } from '../types.ts';
import { groupCount, groupNumber, readGroupList, short } from './groups.ts';

/**
 * A group of `meanHomogeneityTest` as summary statistics: n, the mean and the spread as the sample
 * variance, the standard deviation, or M2 = Σ(x − mean)² (the `MeanSummary` of `summarize('mean', …)`).
 *
 * @example
 * const groups = [{ n: 10, mean: 4.1, variance: 0.8 }, { n: 12, mean: 3.6, sd: 1.1 }, { n: 9, mean: 4.4, m2: 5.2 }]
 * meanHomogeneityTest(groups).k // => 3
 */
export type MeanGroupSummary =
  | { n: number; mean: number; variance: number }
  | { n: number; mean: number; sd: number }
  | { n: number; mean: number; m2: number };

/**
 * Result of `meanHomogeneityTest`: Welch's heteroscedastic one-way ANOVA.
 *
 * @example
 * const t = meanHomogeneityTest([{ n: 10, mean: 4.1, variance: 0.8 }, { n: 12, mean: 3.6, variance: 1.2 }])
 * [t.kind, t.method, t.df1] // => ['homogeneity-test', 'welch-anova', 1]
 */
export interface MeanHomogeneityTest {
  kind: 'homogeneity-test';
  method: 'welch-anova';
  /** Welch's F. */
  statistic: number;
  /** k − 1. */
  df1: number;
  /** (k² − 1)/(3·Σ(1 − wᵢ/Σw)²/(nᵢ − 1)); fractional. */
  df2: number;
  /** P(F(df1, df2) > statistic). */
  pValue: number;
  /** Number of groups. */
  k: number;
  /** Observations in all groups. */
  n: number;
  /** Each group's mean, in the input's order. */
  means: number[];
  /** The precision-weighted mean Σwᵢx̄ᵢ/Σwᵢ, wᵢ = nᵢ/sᵢ². */
  pooledMean: number;
  warnings: CxWarning[];
}

/**
 * Welch's ANOVA: are the means of k groups all equal, without assuming equal variances?
 *
 * With wᵢ = nᵢ/sᵢ², x̃ = Σwᵢx̄ᵢ/Σwᵢ and Λ = Σ(1 − wᵢ/Σw)²/(nᵢ − 1):
 * F = [Σwᵢ(x̄ᵢ − x̃)²/(k − 1)] / [1 + 2(k − 2)Λ/(k² − 1)], referred to F(k − 1, (k² − 1)/(3Λ)).
 * Welch (1951), doi:10.1093/biomet/38.3-4.330. R's `oneway.test(y ~ g, var.equal = FALSE)`, to
 * 1e-12 on test/fixtures/r-welch-anova.json (R 4.2.2); for k = 2 it is the square of Welch's t of
 * `compareMeans`, with the same degrees of freedom and p-value. Use it for mean CSAT or CES scores
 * across segments; it needs no raw data, only each group's n, mean and spread.
 *
 * A group with fewer than 2 observations, or with no spread at all (every answer the same), has
 * no usable variance and weight nᵢ/sᵢ² = ∞: the test refuses it (INSUFFICIENT_DATA, with the index)
 * rather than return an infinite F. Merge such groups or compare their shares instead.
 *
 * @param groups - k ≥ 2 groups `{ n, mean, variance }`, `{ n, mean, sd }` or `{ n, mean, m2 }`
 * @returns Welch's F, df1 = k − 1, the fractional df2, the p-value, the means
 * @throws CxMetricsError EMPTY_INPUT for no groups; INSUFFICIENT_DATA for a single group, or (with
 *   index) a group with n < 2 or zero variance; INVALID_VALUE (with index) for a group that is not
 *   `{ n, mean, variance | sd | m2 }` with a whole n, a finite mean and a finite spread ≥ 0
 * @example
 * const t = meanHomogeneityTest([
 *   { n: 40, mean: 4.2, sd: 0.9 }, // email
 *   { n: 55, mean: 3.8, sd: 1.3 }, // phone
 *   { n: 25, mean: 4.4, sd: 0.6 }, // chat
 * ])
 * // R: Welch's formula on the same summaries (oneway.test needs the raw values)
 * t.statistic // => 3.9550713748778437 (to 1e-12)
 * t.df2 // => 75.634793003889925 (to 1e-12)
 * t.pValue // => 0.023245823883046034 (to 1e-12)
 */
export function meanHomogeneityTest(groups: readonly MeanGroupSummary[]): MeanHomogeneityTest {
  const fn = 'meanHomogeneityTest';
  const list = readGroupList(fn, groups, 2);
  const n: number[] = [];
  const means: number[] = [];
  const variances: number[] = [];
  list.forEach((g, i) => {
    const size = groupCount(fn, g, i, 'n');
    const mean = groupNumber(fn, g, i, 'mean');
    const spread = (['variance', 'sd', 'm2'] as const).filter((key) => g[key] !== undefined);
    if (spread.length !== 1) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: group at index ${i} has ${spread.length === 0 ? 'no spread' : spread.join(' and ')}; expected exactly one of variance, sd or m2`,
        { index: i, value: g },
      );
    }
    const key = spread[0] as 'variance' | 'sd' | 'm2';
    const s = groupNumber(fn, g, i, key, 0);
    if (size < 2) {
      throw new CxMetricsError(
        'INSUFFICIENT_DATA',
        `${fn}: group at index ${i} has n = ${size}; a variance needs at least 2 observations`,
        { index: i, value: g },
      );
    }
    const variance = key === 'variance' ? s : key === 'sd' ? s * s : s / (size - 1);
    if (!(variance > 0)) {
      throw new CxMetricsError(
        'INSUFFICIENT_DATA',
        `${fn}: group at index ${i} has zero variance (every value the same); Welch's ANOVA needs a spread in every group`,
        { index: i, value: g },
      );
    }
    n.push(size);
    means.push(mean);
    variances.push(variance);
  });
  const k = n.length;
  // R 4.2.2's oneway.test(var.equal = FALSE), expression for expression.
  const w = n.map((ni, i) => ni / (variances[i] as number));
  const sumW = w.reduce((a, b) => a + b, 0);
  let lambda = 0;
  for (let i = 0; i < k; i++) lambda += (1 - (w[i] as number) / sumW) ** 2 / ((n[i] as number) - 1);
  const tmp = lambda / (k * k - 1);
  let weightedMeans = 0;
  for (let i = 0; i < k; i++) weightedMeans += (w[i] as number) * (means[i] as number);
  const pooled = weightedMeans / sumW;
  let between = 0;
  for (let i = 0; i < k; i++) between += (w[i] as number) * ((means[i] as number) - pooled) ** 2;
  const statistic = between / ((k - 1) * (1 + 2 * (k - 2) * tmp));
  const df1 = k - 1;
  const df2 = 1 / (3 * tmp);
  return printable(
    {
      kind: 'homogeneity-test' as const,
      method: 'welch-anova' as const,
      statistic,
      df1,
      df2,
      pValue: fUpperTail(statistic, df1, df2),
      k,
      n: n.reduce((a, b) => a + b, 0),
      means,
      pooledMean: pooled,
      warnings: [],
    },
    (t) =>
      `Welch's ANOVA of equal means: F = ${short(t.statistic)}, df = ${t.df1}, ${short(t.df2)}, p = ${short(t.pValue)} (${t.k} groups, n=${t.n})`,
  );
}
