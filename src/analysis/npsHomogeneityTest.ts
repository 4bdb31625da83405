import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import type { NpsCounts } from '../metrics/nps.ts';
import { chiSquareUpperTail } from '../stats/tails.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { groupCount, groupList, readGroupList, short } from './groups.ts';

/**
 * Result of `npsHomogeneityTest`: a Wald chi-square test that k NPS values are equal.
 *
 * @example
 * const t = npsHomogeneityTest([{ promoters: 50, passives: 30, detractors: 20 }, { promoters: 30, passives: 30, detractors: 40 }])
 * [t.kind, t.method, t.df, t.values] // => ['homogeneity-test', 'wald-chi-square', 1, [30, -10]]
 */
export interface NpsHomogeneityTest {
  kind: 'homogeneity-test';
  method: 'wald-chi-square';
  /** Q = Σ wᵢ(dᵢ − d̄_w)², wᵢ = 1/Var(dᵢ). */
  statistic: number;
  /** k − 1. */
  df: number;
  /** P(χ²_df > Q). */
  pValue: number;
  /** Number of groups. */
  k: number;
  /** Answers in all groups. */
  n: number;
  /** Each group's NPS in points (observed shares), in the input's order. */
  values: number[];
  /** Each group's standard error in points, the one its weight comes from. */
  standardErrors: number[];
  /** The inverse-variance weighted mean NPS d̄_w in points: the common value under the null. */
  pooledValue: number;
  /** ZERO_VARIANCE naming the groups whose variance was taken from the adjusted shares; WEIGHTED. */
  warnings: CxWarning[];
}

/**
 * Wald test that k NPS values are all equal, from each group's promoter, passive and detractor
 * counts: "is there any difference across these segments at all?".
 *
 * Each group's NPS dᵢ = p₊ − p₋ (as a share) has the trinomial variance
 * Var(dᵢ) = (p₊ + p₋ − (p₊ − p₋)²)/nᵢ; with weights wᵢ = 1/Var(dᵢ) and d̄_w = Σwᵢdᵢ/Σwᵢ the statistic
 * Q = Σwᵢ(dᵢ − d̄_w)² is referred to χ² with k − 1 degrees of freedom. This is the Wald test of
 * equal means for independent estimates with known variances (Cochran's (1954) Q, doi:10.2307/3001666),
 * with the NPS variance of Rocks (2016), doi:10.1080/00031305.2016.1158124. For k = 2 it is the
 * square of `compareNps(a, b, { method: 'wald' })`'s z. Agrees with R's metafor `rma(yi, vi,
 * method = 'FE')` heterogeneity test QE to 1e-12 (test/fixtures/r-nps-homogeneity.json).
 *
 * A group with every answer in one class (all promoters, all passives or all detractors) has an
 * observed variance of 0, which would give it infinite weight. Its variance is taken instead from
 * the adjusted-Wald shares (0.75 promoters, 1.5 passives and 0.75 detractors added, n + 3; the
 * default interval of `nps`), its value stays the observed one, and a ZERO_VARIANCE warning names
 * the group. Like every Wald test it needs reasonably large groups (tens of answers each).
 *
 * @param groups - k ≥ 2 groups `{ promoters, passives, detractors }` (whole numbers, not all 0;
 *   an NpsResult fits too)
 * @returns the statistic, df = k − 1, the p-value, each group's NPS and standard error (points),
 *   the pooled value, warnings
 * @throws CxMetricsError EMPTY_INPUT for no groups or a group with no answers (with index);
 *   INSUFFICIENT_DATA for a single group; INVALID_VALUE (with index) for a count that is not a
 *   whole number ≥ 0
 * @example
 * const t = npsHomogeneityTest([
 *   { promoters: 120, passives: 60, detractors: 40 }, // email
 *   { promoters: 80, passives: 50, detractors: 50 }, // phone
 *   { promoters: 70, passives: 20, detractors: 30 }, // chat
 * ])
 * t.values.map((v) => v.toFixed(1)) // => ['36.4', '16.7', '33.3']
 * // R (metafor 3.8.1): rma(yi = nps, vi = trinomial variances, method = 'FE')$QE
 * t.statistic // => 6.2518772057503504 (to 1e-12)
 * t.pValue // => 0.043895713638806282 (to 1e-12)
 */
export function npsHomogeneityTest(groups: readonly NpsCounts[]): NpsHomogeneityTest {
  const fn = 'npsHomogeneityTest';
  const list = readGroupList(fn, groups, 2);
  const values: number[] = [];
  const variances: number[] = [];
  const adjusted: number[] = [];
  const weighted: number[] = [];
  let total = 0;
  list.forEach((g, i) => {
    const promoters = groupCount(fn, g, i, 'promoters');
    const passives = groupCount(fn, g, i, 'passives');
    const detractors = groupCount(fn, g, i, 'detractors');
    const n = promoters + passives + detractors;
    if (n === 0) {
      throw new CxMetricsError('EMPTY_INPUT', `${fn}: group at index ${i} has no answers; leave empty groups out`, {
        index: i,
        value: g,
      });
    }
    total += n;
    if (Array.isArray(g.warnings) && g.warnings.some((w) => w?.code === 'WEIGHTED')) weighted.push(i);
    const d = (promoters - detractors) / n;
    let variance = trinomialVariance(promoters / n, detractors / n, n);
    if (!(variance > 0)) {
      adjusted.push(i);
      variance = trinomialVariance((promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3), n + 3);
    }
    values.push(d);
    variances.push(variance);
  });
  let sumW = 0;
  let sumWD = 0;
  for (let i = 0; i < values.length; i++) {
    const w = 1 / (variances[i] as number);
    sumW += w;
    sumWD += w * (values[i] as number);
  }
  const pooled = sumWD / sumW;
  let statistic = 0;
  for (let i = 0; i < values.length; i++) statistic += ((values[i] as number) - pooled) ** 2 / (variances[i] as number);
  const warnings: CxWarning[] = [];
  if (adjusted.length > 0) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: every answer of ${groupList(adjusted)} is in one class (observed variance 0); their variance is taken from the adjusted-Wald shares (n + 3)`,
      ),
    );
  }
  if (weighted.length > 0) {
    warnings.push(
      warning(
        'WEIGHTED',
        `${fn}: ${groupList(weighted)} ${weighted.length === 1 ? 'is a weighted estimate' : 'are weighted estimates'}; the test uses the unweighted answer counts`,
      ),
    );
  }
  const df = values.length - 1;
  return printable(
    {
      kind: 'homogeneity-test' as const,
      method: 'wald-chi-square' as const,
      statistic,
      df,
      pValue: chiSquareUpperTail(statistic, df),
      k: values.length,
      n: total,
      values: values.map((d) => 100 * d),
      standardErrors: variances.map((v) => 100 * Math.sqrt(v)),
      pooledValue: 100 * pooled,
      warnings,
    },
    (t) => {
      const notes = t.warnings.length === 0 ? '' : ` ⚠ ${t.warnings.map((w) => w.code).join(', ')}`;
      return `Wald test of equal NPS: Q = ${short(t.statistic)}, df = ${t.df}, p = ${short(t.pValue)} (${t.k} groups, n=${t.n})${notes}`;
    },
  );
}

/** (p₊ + p₋ − (p₊ − p₋)²)/n. */
function trinomialVariance(promoterShare: number, detractorShare: number, n: number): number {
  const d = promoterShare - detractorShare;
  return Math.max(0, promoterShare + detractorShare - d * d) / n;
}
