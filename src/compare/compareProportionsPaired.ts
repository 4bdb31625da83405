import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions, isPlainObject } from '../options.ts';
import { binomialCdf } from '../stats/binomialCdf.ts';
import { clipInterval } from '../stats/interval.ts';
import { proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { chiSquareUpperTail } from '../stats/tails.ts';
import { checkConfidence, checkCount, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning, Difference, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';

/**
 * The tests of `compareProportionsPaired`, default first: McNemar's chi-square test without and
 * with continuity correction, and the exact (conditional binomial) McNemar test.
 *
 * @example
 * PAIRED_PROPORTION_TESTS // => ['mcnemar', 'mcnemar-corrected', 'exact']
 */
export const PAIRED_PROPORTION_TESTS: readonly PairedProportionTest[] = ['mcnemar', 'mcnemar-corrected', 'exact'];

/**
 * A test for paired proportions (see `PAIRED_PROPORTION_TESTS`).
 *
 * @example
 * compareProportionsPaired({ both: 40, onlyA: 0, onlyB: 11, neither: 48 }, { method: 'exact' }).test // => 'exact'
 */
export type PairedProportionTest = 'mcnemar' | 'mcnemar-corrected' | 'exact';

/**
 * The 2 × 2 table of paired yes/no answers: the same customers asked twice (before and after a
 * change), or rated on two things. `onlyA` said yes in A and no in B.
 *
 * @example
 * const table = { both: 59, onlyA: 6, onlyB: 16, neither: 80 }
 * compareProportionsPaired(table).n // => 161
 */
export interface PairedCounts {
  /** Yes in A and in B. */
  both: number;
  /** Yes in A, no in B. */
  onlyA: number;
  /** No in A, yes in B. */
  onlyB: number;
  /** No in both. */
  neither: number;
}

/**
 * Options of `compareProportionsPaired`.
 *
 * @example
 * compareProportionsPaired({ both: 46, onlyA: 18, onlyB: 4, neither: 40 }, { method: 'mcnemar-corrected', confidence: 0.9 }).confidence // => 0.9
 */
export interface CompareProportionsPairedOptions {
  /** The test behind `pValue`: `'mcnemar'` (default), `'mcnemar-corrected'` or `'exact'`. */
  method?: PairedProportionTest;
  /** Confidence level of the interval, in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Result of `compareProportionsPaired`: a Difference pA − pB whose interval is Newcombe's paired
 * hybrid score interval and whose p-value is the chosen test's.
 *
 * @example
 * const d = compareProportionsPaired({ both: 59, onlyA: 6, onlyB: 16, neither: 80 })
 * [d.kind, d.method, d.test, d.discordant] // => ['difference', 'newcombe-paired', 'mcnemar', 22]
 */
export interface CompareProportionsPairedResult extends Difference {
  kind: 'difference';
  /** The interval: Newcombe's (1998) method 10. */
  method: 'newcombe-paired';
  /** The test behind `pValue`. */
  test: PairedProportionTest;
  /** McNemar's chi-square (1 df); absent for the exact test. */
  statistic?: number;
  /** 1 for McNemar's tests; absent for the exact test. */
  df?: 1;
  /** Pairs. */
  n: number;
  /** onlyA + onlyB: the pairs that changed, the only ones the test looks at. */
  discordant: number;
  /** Wald standard error of the difference, √(b + c − (b − c)²/n)/n. */
  standardError: number;
  /** pA = (both + onlyA)/n with its Wilson interval. */
  a: Estimate;
  /** pB = (both + onlyB)/n with its Wilson interval. */
  b: Estimate;
}

/**
 * Difference of two proportions measured on the same people, pA − pB = (onlyA − onlyB)/n, with a
 * paired confidence interval and McNemar's test: "did the share of satisfied customers change
 * between the two surveys?" when both surveys asked the same customers.
 *
 * Interval: Newcombe's method 10, the hybrid score interval for paired data. With the Wilson
 * intervals [l₁, u₁] of pA and [l₂, u₂] of pB and the correlation estimate φ̂,
 * lower = D − √((pA − l₁)² − 2φ̂(pA − l₁)(u₂ − pB) + (u₂ − pB)²),
 * upper = D + √((pB − l₂)² − 2φ̂(pB − l₂)(u₁ − pA) + (u₁ − pA)²),
 * where, with A = both·neither − onlyA·onlyB and the four margins' product M, φ̂ = (A − n/2)/√M
 * if A > n/2, 0 if 0 ≤ A ≤ n/2, A/√M if A < 0, and 0 when a margin is 0. Newcombe (1998),
 * "Improved confidence intervals for the difference between binomial proportions based on
 * paired data", Statistics in Medicine 17:2635–2650, doi:10.1002/(SICI)1097-0258(19981130)17:22<2635::AID-SIM954>3.0.CO;2-C;
 * the form of Fagerland, Lydersen & Laake (2014), doi:10.1002/sim.6148, who recommend it. Checked
 * against their worked example and an independent computation (test/fixtures/newcombe-paired.json).
 *
 * Tests (b = onlyA, c = onlyB), as R's `mcnemar.test` and `binom.test`:
 * - `'mcnemar'` (default): (b − c)²/(b + c) on χ²₁. Fagerland, Lydersen & Laake (2013),
 *   doi:10.1186/1471-2288-13-91, find it close to nominal even in small samples, unlike the other two.
 * - `'mcnemar-corrected'`: (|b − c| − 1)²/(b + c) (0 when b = c); conservative.
 * - `'exact'`: two-sided binomial test of b out of b + c at ½; conservative.
 * The interval does not come from the test, so near α they can disagree about whether 0 is
 * plausible. With no discordant pair there is nothing to test: p = 1 with a ZERO_VARIANCE warning
 * (R returns NaN). Agrees with R 4.2.2 to 1e-12 (test/fixtures/r-analysis.json). For two
 * independent samples use `compareProportions`.
 *
 * @param counts - `{ both, onlyA, onlyB, neither }`, whole numbers ≥ 0, not all 0
 * @param options - `method` (the test), `confidence`
 * @returns CompareProportionsPairedResult: `difference`, `lower`, `upper`, `pValue`, the marginal
 *   estimates `a` and `b`, `test`, `statistic`, `discordant`, warnings
 * @throws CxMetricsError INVALID_VALUE for a count that is not a whole number ≥ 0 (or counts that
 *   are not an object); EMPTY_INPUT when every count is 0; INVALID_OPTION for a bad method,
 *   confidence or an unknown option
 * @example
 * // Complete response before and after consolidation therapy (Cavo et al. 2012, via Fagerland et al. 2014)
 * const d = compareProportionsPaired({ both: 59, onlyA: 6, onlyB: 16, neither: 80 })
 * d.difference.toFixed(4) // => '-0.0621'
 * [d.lower.toFixed(4), d.upper.toFixed(4)] // => ['-0.1186', '-0.0046']
 * // R: mcnemar.test(matrix(c(59, 16, 6, 80), 2), correct = FALSE)$p.value
 * d.pValue // => 0.033006257661232441 (to 1e-12)
 */
export function compareProportionsPaired(
  counts: PairedCounts,
  options?: CompareProportionsPairedOptions,
): CompareProportionsPairedResult {
  const fn = 'compareProportionsPaired';
  const o = checkOptions(fn, options, ['method', 'confidence']);
  const test = checkOneOf(fn, 'method', o.method ?? 'mcnemar', PAIRED_PROPORTION_TESTS);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  if (!isPlainObject(counts)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: counts is ${describe(counts)}; expected { both, onlyA, onlyB, neither }`,
      { value: counts },
    );
  }
  const both = checkCount(fn, 'both', counts.both);
  const onlyA = checkCount(fn, 'onlyA', counts.onlyA);
  const onlyB = checkCount(fn, 'onlyB', counts.onlyB);
  const neither = checkCount(fn, 'neither', counts.neither);
  const n = both + onlyA + onlyB + neither;
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: every count is 0; expected at least one pair`);

  const yesA = both + onlyA;
  const yesB = both + onlyB;
  const pA = yesA / n;
  const pB = yesB / n;
  const d = (onlyA - onlyB) / n;
  const a = { kind: 'proportion' as const, ...proportionIntervalUnchecked(fn, yesA, n, 'wilson', confidence) };
  const b = { kind: 'proportion' as const, ...proportionIntervalUnchecked(fn, yesB, n, 'wilson', confidence) };
  const phi = correlation(both, onlyA, onlyB, neither);
  const below = Math.sqrt(Math.max(0, squareAndAdd(pA - a.lower, b.upper - pB, phi)));
  const above = Math.sqrt(Math.max(0, squareAndAdd(pB - b.lower, a.upper - pA, phi)));
  const warnings: CxWarning[] = [];
  const { lower, upper } = clipInterval(fn, d - below, d + above, -1, 1, warnings);

  const discordant = onlyA + onlyB;
  let pValue = 1;
  let statistic: number | undefined;
  if (discordant === 0) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: no pair changed its answer (onlyA = onlyB = 0); there is no difference to test (p = 1)`,
      ),
    );
    if (test !== 'exact') statistic = 0;
  } else if (test === 'exact') {
    // Two-sided binomial test at ½: the distribution is symmetric, so p = 2·P(X ≤ min(b, c)).
    pValue = onlyA === onlyB ? 1 : Math.min(1, 2 * binomialCdf(Math.min(onlyA, onlyB), discordant, 0.5));
  } else {
    const gap = Math.abs(onlyA - onlyB);
    // R's mcnemar.test corrects only when the table is not symmetric.
    const corrected = test === 'mcnemar-corrected' && gap !== 0 ? gap - 1 : gap;
    statistic = (corrected * corrected) / discordant;
    pValue = chiSquareUpperTail(statistic, 1);
  }
  const result: CompareProportionsPairedResult = {
    kind: 'difference',
    difference: d,
    lower,
    upper,
    confidence,
    method: 'newcombe-paired',
    pValue,
    test,
    n,
    discordant,
    standardError: Math.sqrt(Math.max(0, discordant - ((onlyA - onlyB) * (onlyA - onlyB)) / n)) / n,
    a,
    b,
    warnings,
  };
  if (statistic !== undefined) {
    result.statistic = statistic;
    result.df = 1;
  }
  return printable(result);
}

/** a² − 2φab + b². */
function squareAndAdd(x: number, y: number, phi: number): number {
  return x * x - 2 * phi * x * y + y * y;
}

/** Newcombe's continuity-corrected φ̂ between the two answers (0 when a margin is empty). */
function correlation(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  const margins = [both + onlyA, onlyB + neither, both + onlyB, onlyA + neither];
  if (margins.some((m) => m === 0)) return 0;
  const root =
    Math.sqrt(margins[0] as number) *
    Math.sqrt(margins[1] as number) *
    Math.sqrt(margins[2] as number) *
    Math.sqrt(margins[3] as number);
  const cross = both * neither - onlyA * onlyB;
  if (cross > n / 2) return (cross - n / 2) / root;
  if (cross >= 0) return 0;
  return cross / root;
}
