import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { chiSquareUpperTail } from '../stats/tails.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { groupCount, readGroupList, short } from './groups.ts';
import type { ProportionCounts } from './proportionHomogeneityTest.ts';
import { readScores } from './scores.ts';

/**
 * Options of `proportionTrendTest`.
 *
 * @example
 * // Quarters 1, 2 and 4 (quarter 3 had no answers): keep the spacing with scores.
 * proportionTrendTest([{ successes: 40, n: 100 }, { successes: 45, n: 100 }, { successes: 55, n: 100 }], { scores: [1, 2, 4] }).scores // => [1, 2, 4]
 */
export interface ProportionTrendTestOptions {
  /** One finite score per group, not all equal (period numbers, a dose); 1, 2, …, k by default. */
  scores?: readonly number[];
}

/**
 * Result of `proportionTrendTest`: the Cochran–Armitage test for a linear trend in proportions.
 *
 * @example
 * const t = proportionTrendTest([{ successes: 40, n: 100 }, { successes: 45, n: 100 }, { successes: 55, n: 100 }])
 * [t.kind, t.method, t.df, t.slope] // => ['trend-test', 'cochran-armitage', 1, 0.075]
 */
export interface ProportionTrendTest {
  kind: 'trend-test';
  method: 'cochran-armitage';
  /** X² = z², referred to χ² with 1 degree of freedom. */
  statistic: number;
  df: 1;
  /** Two-sided: P(χ²₁ > X²). */
  pValue: number;
  /** Signed statistic: > 0 when the proportion rises with the score. */
  z: number;
  /** Weighted least-squares slope of the proportion on the score: change per unit of score. */
  slope: number;
  /** The scores used, one per group. */
  scores: number[];
  /** Number of groups. */
  k: number;
  /** Observations in all groups. */
  n: number;
  /** Σ successes / Σ n. */
  pooledProportion: number;
  /** successes/n of each group. */
  proportions: number[];
  /** ZERO_VARIANCE when every answer is a success (or every one a failure). */
  warnings: CxWarning[];
}

/**
 * Cochran–Armitage test for a linear trend in proportions across ordered groups (periods, stages).
 *
 * With scores sᵢ, s̄ = Σnᵢsᵢ/N and the pooled p̄ = Σxᵢ/N:
 * z = Σ(sᵢ − s̄)(xᵢ − nᵢp̄) / √(p̄(1 − p̄)·Σnᵢ(sᵢ − s̄)²), statistic X² = z² on 1 degree of freedom.
 * It is the regression sum of squares of the proportions xᵢ/nᵢ on the scores with weights
 * nᵢ/(p̄(1 − p̄)), and R's `prop.trend.test(x, n, score)` exactly; Cochran (1954),
 * doi:10.2307/3001616; Armitage (1955), doi:10.2307/3001775. Agrees with R 4.2.2 to 1e-12 on
 * test/fixtures/r-analysis.json. `slope` = Σnᵢ(sᵢ − s̄)(xᵢ/nᵢ − p̄)/Σnᵢ(sᵢ − s̄)² is the fitted change
 * in the proportion per unit of score, and the sign of `z` says which way the trend goes.
 *
 * The test looks for a steady rise or fall; a proportion that goes up and down again can differ
 * strongly between groups and still show no trend (use `proportionHomogeneityTest` for "any
 * difference"). Leave out periods with no observations and give `scores` to keep the spacing.
 * When every observation is a success (or all are failures) there is nothing to test: X² = 0 and
 * p = 1 with a ZERO_VARIANCE warning (R returns NaN).
 *
 * @param groups - k ≥ 2 ordered groups `{ successes, n }` (whole numbers, n ≥ 1)
 * @param options - `scores`
 * @returns the statistic, df = 1, the two-sided p-value, the signed z and the slope
 * @throws CxMetricsError EMPTY_INPUT for no groups or a group with n = 0 (with index);
 *   INSUFFICIENT_DATA for one group; INVALID_VALUE (with index) for counts that are not whole
 *   numbers or successes > n; INVALID_OPTION for scores of the wrong length, not finite, or all
 *   equal, and for an unknown option
 * @example
 * const t = proportionTrendTest([
 *   { successes: 84, n: 200 }, { successes: 83, n: 200 }, { successes: 70, n: 200 },
 *   { successes: 67, n: 200 }, { successes: 22, n: 80 }, { successes: 51, n: 200 },
 * ])
 * // R: prop.trend.test(c(84, 83, 70, 67, 22, 51), c(200, 200, 200, 200, 80, 200))
 * t.statistic // => 17.4578898317555 (to 1e-12)
 * t.pValue // => 2.93742613817089e-05 (to 1e-12)
 * t.z < 0 // => true (falling)
 */
export function proportionTrendTest(
  groups: readonly ProportionCounts[],
  options?: ProportionTrendTestOptions,
): ProportionTrendTest {
  const fn = 'proportionTrendTest';
  const o = checkOptions(fn, options, ['scores']);
  const list = readGroupList(fn, groups, 2);
  const x: number[] = [];
  const n: number[] = [];
  list.forEach((g, i) => {
    const successes = groupCount(fn, g, i, 'successes');
    const size = groupCount(fn, g, i, 'n');
    if (size === 0) {
      throw new CxMetricsError(
        'EMPTY_INPUT',
        `${fn}: group at index ${i} has n = 0; leave empty periods out (and give scores to keep the spacing)`,
        { index: i, value: g },
      );
    }
    if (successes > size) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: group at index ${i} has ${successes} successes out of n = ${size}`,
        {
          index: i,
          value: g,
        },
      );
    }
    x.push(successes);
    n.push(size);
  });
  const k = x.length;
  const scores = readScores(fn, o.scores, k);
  let totalX = 0;
  let totalN = 0;
  let weightedScores = 0;
  for (let i = 0; i < k; i++) {
    totalX += x[i] as number;
    totalN += n[i] as number;
    weightedScores += (n[i] as number) * (scores[i] as number);
  }
  const p = totalX / totalN;
  const centre = weightedScores / totalN;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    const d = (scores[i] as number) - centre;
    sxx += (n[i] as number) * d * d;
    sxy += d * ((x[i] as number) - (n[i] as number) * p);
  }
  if (!(sxx > 0)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: the scores are all equal; a trend needs at least two different scores`,
      {
        value: o.scores,
      },
    );
  }
  const warnings: CxWarning[] = [];
  let z = 0;
  if (p === 0 || p === 1) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: every observation is a ${p === 0 ? 'failure' : 'success'}; there is no trend to test (X² = 0, p = 1)`,
      ),
    );
  } else {
    z = sxy / Math.sqrt(p * (1 - p) * sxx);
  }
  const statistic = z * z;
  return printable(
    {
      kind: 'trend-test' as const,
      method: 'cochran-armitage' as const,
      statistic,
      df: 1 as const,
      pValue: chiSquareUpperTail(statistic, 1),
      z,
      slope: sxy / sxx,
      scores,
      k,
      n: totalN,
      pooledProportion: p,
      proportions: x.map((xi, i) => xi / (n[i] as number)),
      warnings,
    },
    (t) => {
      const notes = t.warnings.length === 0 ? '' : ` ⚠ ${t.warnings.map((w) => w.code).join(', ')}`;
      return `Cochran–Armitage trend test: z = ${short(t.z)}, X² = ${short(t.statistic)}, p = ${short(t.pValue)}, slope ${short(t.slope)} per score unit (${t.k} groups, n=${t.n})${notes}`;
    },
  );
}
