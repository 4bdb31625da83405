import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { checkOneOf, describe } from '../stats/validate.ts';

/**
 * A method of adjusting p-values for many tests, as R's `p.adjust` names them (lower case).
 *
 * @example
 * P_ADJUST_METHODS.includes('bh') // => true
 * adjustPValues([0.01, 0.04], { method: 'bh' }) // => [0.02, 0.04]
 */
export type PAdjustMethod = 'holm' | 'hochberg' | 'hommel' | 'bonferroni' | 'bh' | 'by';

/**
 * The p-value adjustments `adjustPValues` knows, default first: Holm, Hochberg, Hommel and
 * Bonferroni control the family-wise error rate; `'bh'` (Benjamini–Hochberg) and `'by'`
 * (Benjamini–Yekutieli) control the false discovery rate.
 *
 * @example
 * P_ADJUST_METHODS // => ['holm', 'hochberg', 'hommel', 'bonferroni', 'bh', 'by']
 */
export const P_ADJUST_METHODS: readonly PAdjustMethod[] = ['holm', 'hochberg', 'hommel', 'bonferroni', 'bh', 'by'];

/**
 * Options of `adjustPValues`.
 *
 * @example
 * adjustPValues([0.01, 0.02, 0.03], { method: 'bonferroni' }) // => [0.03, 0.06, 0.09] (to 1e-15)
 */
export interface AdjustPValuesOptions {
  /** `'holm'` (default), `'hochberg'`, `'hommel'`, `'bonferroni'`, `'bh'` or `'by'`. */
  method?: PAdjustMethod;
}

/**
 * Adjust p-values for multiple comparisons, exactly as R's `p.adjust` does.
 *
 * With m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted values are
 * - `'bonferroni'`: min(1, m·pᵢ).
 * - `'holm'` (default): p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎), the step-down Bonferroni;
 *   Holm (1979), Scand. J. Statist. 6:65–70. Controls the family-wise error rate under any
 *   dependence and is uniformly more powerful than Bonferroni: the safe default.
 * - `'hochberg'`: p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ (m − j + 1)·p₍ⱼ₎), the step-up version; Hochberg (1988),
 *   doi:10.1093/biomet/75.4.800. Valid for independent or positively dependent tests.
 * - `'hommel'`: Hommel (1988), doi:10.1093/biomet/75.2.383, from the closed Simes tests, by
 *   Wright's (1992) algorithm as R implements it; at least as powerful as Hochberg, same assumptions.
 * - `'bh'`: p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m/j·p₍ⱼ₎); Benjamini & Hochberg (1995),
 *   doi:10.1111/j.2517-6161.1995.tb02031.x. Controls the false discovery rate (the expected share
 *   of false findings among the "significant" ones), for independent or positively dependent tests.
 * - `'by'`: as `'bh'` times Σₖ₌₁ᵐ 1/k; Benjamini & Yekutieli (2001), doi:10.1214/aos/1013699998.
 *   Controls the false discovery rate under any dependence.
 * The arithmetic follows R 4.2.2's `p.adjust` step by step (the harmonic sum of `'by'` compensated,
 * as R sums in extended precision), so results equal R's bit for bit on the 240 reference cases
 * of test/fixtures/r-analysis.json (ties, 0 and 1 included).
 *
 * Unlike R, which passes `NA` through and adjusts the rest, a missing or out-of-range p-value
 * is refused: silently shrinking the family would make every other adjusted value too small.
 * An empty list gives an empty list; a single p-value is returned unchanged.
 *
 * @param pValues - the raw p-values, each in [0, 1] (an array or a typed array)
 * @param options - `method`
 * @returns the adjusted p-values, in the input's order, each in [pᵢ, 1]
 * @throws CxMetricsError INVALID_VALUE (with index and value) for a p-value that is not a number
 *   in [0, 1], or when `pValues` is not an array; INVALID_OPTION for an unknown method or option
 * @example
 * const p = [0.004, 0.03, 0.04, 0.2] // four channels, each against the rest
 * adjustPValues(p).map((x) => x.toFixed(3)) // => ['0.016', '0.090', '0.090', '0.200'] (Holm)
 * adjustPValues(p, { method: 'bh' }).map((x) => x.toFixed(3)) // => ['0.016', '0.053', '0.053', '0.200']
 */
export function adjustPValues(pValues: ArrayLike<number>, options?: AdjustPValuesOptions): number[] {
  const fn = 'adjustPValues';
  const o = checkOptions(fn, options, ['method']);
  const method = checkOneOf(fn, 'method', o.method ?? 'holm', P_ADJUST_METHODS);
  const p = readPValues(fn, pValues);
  const m = p.length;
  if (m <= 1) return p;
  switch (method) {
    case 'bonferroni':
      return p.map((x) => Math.min(1, m * x));
    case 'holm':
      return stepDown(p, (i) => m + 1 - i);
    case 'hochberg':
      return stepUp(p, (i) => m + 1 - i);
    case 'bh':
      return stepUp(p, (i) => m / i);
    case 'by': {
      const q = harmonic(m);
      return stepUp(p, (i) => (q * m) / i);
    }
    case 'hommel':
      return m === 2 ? stepUp(p, (i) => m + 1 - i) : hommel(p);
  }
}

function readPValues(fn: string, pValues: ArrayLike<number>): number[] {
  if (pValues === null || typeof pValues !== 'object' || typeof (pValues as { length?: unknown }).length !== 'number') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: pValues is ${describe(pValues)}; expected an array of p-values`, {
      value: pValues,
    });
  }
  const out: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const x = pValues[i];
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: p-value at index ${i} is ${describe(x)}; expected a number from 0 to 1 (leave out a test with no p-value, and say so)`,
        { index: i, value: x },
      );
    }
    out.push(x);
  }
  return out;
}

/**
 * Σₖ₌₁ᵐ 1/k with Neumaier's compensated summation: R's `sum` accumulates in extended precision,
 * so a plain double loop would differ from R's `p.adjust(p, 'BY')` in the last bits.
 */
function harmonic(m: number): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 1; k <= m; k++) {
    const term = 1 / k;
    const t = sum + term;
    compensation += Math.abs(sum) >= term ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Indices of p in ascending order of p (stable, as R's `order`). */
function ascending(p: readonly number[]): number[] {
  return p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number));
}

/** R: pmin(1, cummax(factor(i) · p[o]))[ro] with o = order(p), i = 1…m. */
function stepDown(p: readonly number[], factor: (i: number) => number): number[] {
  const order = ascending(p);
  const out = new Array<number>(p.length);
  let running = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < order.length; k++) {
    const at = order[k] as number;
    running = Math.max(running, factor(k + 1) * (p[at] as number));
    out[at] = Math.min(1, running);
  }
  return out;
}

/** R: pmin(1, cummin(factor(i) · p[o]))[ro] with o = order(p, decreasing = TRUE), i = m…1. */
function stepUp(p: readonly number[], factor: (i: number) => number): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => (p[b] as number) - (p[a] as number));
  const out = new Array<number>(m);
  let running = Number.POSITIVE_INFINITY;
  for (let k = 0; k < m; k++) {
    const at = order[k] as number;
    running = Math.min(running, factor(m - k) * (p[at] as number));
    out[at] = Math.min(1, running);
  }
  return out;
}

/** R 4.2.2's `p.adjust(p, 'hommel')` for m ≥ 3, loop for loop (Wright 1992). */
function hommel(raw: readonly number[]): number[] {
  const n = raw.length;
  const order = ascending(raw);
  const p = order.map((i) => raw[i] as number);
  let start = Number.POSITIVE_INFINITY;
  for (let i = 1; i <= n; i++) start = Math.min(start, (n * (p[i - 1] as number)) / i);
  const q = new Array<number>(n).fill(start);
  const pa = new Array<number>(n).fill(start);
  for (let j = n - 1; j >= 2; j--) {
    // i1 = 1…n−j+1, i2 = n−j+2…n (1-based, as in R)
    let q1 = Number.POSITIVE_INFINITY;
    for (let i = n - j + 2, k = 2; i <= n; i++, k++) q1 = Math.min(q1, (j * (p[i - 1] as number)) / k);
    for (let i = 1; i <= n - j + 1; i++) q[i - 1] = Math.min(j * (p[i - 1] as number), q1);
    const tail = q[n - j] as number;
    for (let i = n - j + 2; i <= n; i++) q[i - 1] = tail;
    for (let i = 0; i < n; i++) pa[i] = Math.max(pa[i] as number, q[i] as number);
  }
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[order[k] as number] = Math.max(pa[k] as number, p[k] as number);
  return out;
}
