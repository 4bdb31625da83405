import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { chiSquareUpperTail } from '../stats/tails.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { groupCount, groupList, readGroupList, short } from './groups.ts';

/**
 * A group of a proportion test: successes out of n (a `ProportionSummary` fits too).
 *
 * @example
 * const g = { successes: 42, n: 50 }
 * proportionHomogeneityTest([g, { successes: 30, n: 50 }]).df // => 1
 */
export interface ProportionCounts {
  /** Whole number from 0 to n. */
  successes: number;
  /** Whole number ≥ 1. */
  n: number;
}

/**
 * Result of `proportionHomogeneityTest`: Pearson's chi-square test that k proportions are equal.
 *
 * @example
 * const t = proportionHomogeneityTest([{ successes: 30, n: 100 }, { successes: 20, n: 100 }])
 * [t.kind, t.method, t.df, t.k, t.n] // => ['homogeneity-test', 'chi-square', 1, 2, 200]
 */
export interface ProportionHomogeneityTest {
  kind: 'homogeneity-test';
  method: 'chi-square';
  /** Pearson's X² = Σ (observed − expected)²/expected over the 2 × k table. */
  statistic: number;
  /** k − 1. */
  df: number;
  /** P(χ²_df > X²). */
  pValue: number;
  /** Number of groups. */
  k: number;
  /** Observations in all groups. */
  n: number;
  /** Σ successes / Σ n: the common proportion under the null hypothesis. */
  pooledProportion: number;
  /** successes/n of each group, in the input's order. */
  proportions: number[];
  /** SMALL_EXPECTED_COUNT (naming the groups), ZERO_VARIANCE. */
  warnings: CxWarning[];
}

/**
 * Chi-square test of homogeneity: are the proportions of k groups all equal?
 *
 * With p̄ = Σxᵢ/Σnᵢ the pooled proportion, the expected counts are nᵢp̄ successes and nᵢ(1 − p̄)
 * failures, and X² = Σᵢ [(xᵢ − nᵢp̄)²/(nᵢp̄) + ((nᵢ − xᵢ) − nᵢ(1 − p̄))²/(nᵢ(1 − p̄))], referred to
 * χ² with k − 1 degrees of freedom: Pearson's (1900) test on the 2 × k table (Agresti 2013,
 * "Categorical Data Analysis", 3rd ed., §3.2). Equal to R's `prop.test(x, n, correct = FALSE)`
 * (no Yates correction; for k = 2 it is the square of the pooled two-proportion z, the p-value of
 * `compareProportions`). Agrees with R 4.2.2 to 1e-12 on test/fixtures/r-analysis.json.
 *
 * The approximation needs large expected counts: when one is below 5 the result carries a
 * SMALL_EXPECTED_COUNT warning naming the groups (R warns "Chi-squared approximation may be
 * incorrect" but does not say where). When every group is all successes (or all failures) there is
 * nothing to test: X² = 0 and p = 1 with a ZERO_VARIANCE warning (R returns NaN).
 *
 * @param groups - k ≥ 2 groups `{ successes, n }` (whole numbers, 0 ≤ successes ≤ n, n ≥ 1)
 * @returns the statistic, df = k − 1, the p-value, the pooled and per-group proportions, warnings
 * @throws CxMetricsError EMPTY_INPUT for no groups or a group with n = 0 (with its index);
 *   INSUFFICIENT_DATA for a single group; INVALID_VALUE (with index) for counts that are not whole
 *   numbers, or successes > n
 * @example
 * const t = proportionHomogeneityTest([
 *   { successes: 494, n: 600 },
 *   { successes: 483, n: 600 },
 *   { successes: 10, n: 12 },
 * ])
 * // R: prop.test(c(494, 483, 10), c(600, 600, 12), correct = FALSE)
 * t.statistic // => 0.695845997973657 (to 1e-12)
 * t.pValue // => 0.706153248636591 (to 1e-12)
 * t.warnings[0].code // => 'SMALL_EXPECTED_COUNT'
 */
export function proportionHomogeneityTest(groups: readonly ProportionCounts[]): ProportionHomogeneityTest {
  const fn = 'proportionHomogeneityTest';
  const list = readGroupList(fn, groups, 2);
  const x: number[] = [];
  const n: number[] = [];
  list.forEach((g, i) => {
    const successes = groupCount(fn, g, i, 'successes');
    const size = groupCount(fn, g, i, 'n');
    if (size === 0) {
      throw new CxMetricsError('EMPTY_INPUT', `${fn}: group at index ${i} has n = 0; leave empty groups out`, {
        index: i,
        value: g,
      });
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
  const totalX = sum(x);
  const totalN = sum(n);
  const p = totalX / totalN;
  const warnings: CxWarning[] = [];
  let statistic = 0;
  if (p === 0 || p === 1) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: every answer in every group is a ${p === 0 ? 'failure' : 'success'}; there is no difference to test (X² = 0, p = 1)`,
      ),
    );
  } else {
    // R's order of operations: sum((x − E)²/E) over the success column, then the failure column.
    let successTerms = 0;
    let failureTerms = 0;
    for (let i = 0; i < k; i++) {
      const ni = n[i] as number;
      const xi = x[i] as number;
      const e1 = ni * p;
      const e0 = ni * (1 - p);
      successTerms += (xi - e1) ** 2 / e1;
      failureTerms += (ni - xi - e0) ** 2 / e0;
    }
    statistic = successTerms + failureTerms;
    const small: number[] = [];
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < k; i++) {
      const e = (n[i] as number) * Math.min(p, 1 - p);
      if (e < 5) small.push(i);
      smallest = Math.min(smallest, e);
    }
    if (small.length > 0) {
      warnings.push(
        warning(
          'SMALL_EXPECTED_COUNT',
          `${fn}: expected counts below 5 in ${groupList(small)} (smallest ${short(smallest)}); the chi-square approximation may be poor there: merge small groups or compare them with an exact test`,
        ),
      );
    }
  }
  const df = k - 1;
  return printable(
    {
      kind: 'homogeneity-test' as const,
      method: 'chi-square' as const,
      statistic,
      df,
      pValue: chiSquareUpperTail(statistic, df),
      k,
      n: totalN,
      pooledProportion: p,
      proportions: x.map((xi, i) => xi / (n[i] as number)),
      warnings,
    },
    testLine,
  );
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function testLine(t: ProportionHomogeneityTest): string {
  const notes = t.warnings.length === 0 ? '' : ` ⚠ ${t.warnings.map((w) => w.code).join(', ')}`;
  return `Chi-square test of equal proportions: X² = ${short(t.statistic)}, df = ${t.df}, p = ${short(t.pValue)} (${t.k} groups, n=${t.n})${notes}`;
}
