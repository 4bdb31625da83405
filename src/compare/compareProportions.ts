import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { clipInterval } from '../stats/interval.ts';
import { normalCdf, zCritical } from '../stats/normal.ts';
import { proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { ProportionSummary } from '../summary/types.ts';
import type { CxWarning, Difference, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';

/**
 * Interval methods for a difference of two independent proportions.
 *
 * @example
 * PROPORTION_DIFFERENCE_METHODS // => ['newcombe', 'wald', 'agresti-caffo', 'score']
 * compareProportions({ successes: 42, n: 50 }, { successes: 30, n: 50 }, { method: 'agresti-caffo' }).method // => 'agresti-caffo'
 */
export type ProportionDifferenceMethod = 'newcombe' | 'wald' | 'agresti-caffo' | 'score';
/**
 * The interval methods for a difference of two proportions, default first: Newcombe's hybrid
 * score, Wald, Agresti–Caffo and the Miettinen–Nurminen score. `compareProportions` checks its
 * `method` option against this list; use it to offer or validate a choice.
 *
 * @example
 * PROPORTION_DIFFERENCE_METHODS[0] // => 'newcombe'
 */
export const PROPORTION_DIFFERENCE_METHODS: readonly ProportionDifferenceMethod[] = [
  'newcombe',
  'wald',
  'agresti-caffo',
  'score',
];

/**
 * A group as counts, a proportion summary, or an earlier `proportionInterval` (or similar) result.
 *
 * @example
 * compareProportions(proportionInterval(42, 50), { successes: 30, n: 50 }).difference // => 0.24 (to 1e-15)
 * compareProportions(summarize('proportion', { successes: 42, n: 50 }), { successes: 30, n: 50 }).difference // => 0.24 (to 1e-15)
 */
export type ProportionGroup = { successes: number; n: number } | ProportionSummary | Pick<Estimate, 'value' | 'n'>;

/**
 * The result of `compareProportions`: the Difference of two shares, with Wilson estimates of each.
 *
 * @example
 * compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 }).kind // => 'difference'
 */
export interface ProportionsDifference extends Difference {
  kind: 'difference';
}

/**
 * Options of `compareProportions`: the interval for the difference a − b (a difference of shares,
 * in [−1, 1]).
 *
 * @example
 * const d = compareProportions({ successes: 42, n: 50 }, { successes: 30, n: 50 }, { method: 'wald' })
 * d.difference // => 0.24 (to 1e-15)
 */
export interface CompareProportionsOptions {
  /** `'newcombe'` (default), `'wald'`, `'agresti-caffo'` or `'score'` (Miettinen–Nurminen). */
  method?: ProportionDifferenceMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Difference of two independent proportions p_a − p_b with a confidence interval and a
 * two-sided p-value for H0: p_a = p_b.
 *
 * Methods (p̂ = x/n, z = Φ⁻¹(1 − α/2)):
 * - `'newcombe'` (default): hybrid score interval from the two Wilson intervals [lᵢ, uᵢ]:
 *   d − √((p̂a − la)² + (ub − p̂b)²), d + √((ua − p̂a)² + (p̂b − lb)²). Newcombe (1998), method 10,
 *   Statistics in Medicine 17:873–890, doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I.
 *   Good coverage down to small n; p-value from the pooled two-proportion z-test (R's
 *   `prop.test(correct = FALSE)`).
 * - `'wald'`: d ± z·√(p̂a(1−p̂a)/na + p̂b(1−p̂b)/nb); p-value from the same (unpooled) z.
 * - `'agresti-caffo'`: Wald after adding one success and one failure to each group, centred on
 *   the adjusted difference; Agresti & Caffo (2000), doi:10.1080/00031305.2000.10474560.
 * - `'score'`: Miettinen & Nurminen (1985) score interval, inverting the score test with the
 *   restricted MLE (closed-form cubic root) and the N/(N − 1) variance correction, as statsmodels'
 *   `confint_proportions_2indep(method='score')`; doi:10.1002/sim.4780040211. The p-value is the
 *   same score test at a difference of 0, so the interval excludes 0 exactly when p < α.
 * Agrees with statsmodels 0.13.5 to 1e-9 (test/fixtures).
 *
 * @param a - first group: `{ successes, n }` or a proportion Estimate (`value`, `n`)
 * @param b - second group, the same way
 * @param options - `method`, `confidence`
 * @returns ProportionsDifference: `difference` = p̂a − p̂b, `lower`, `upper`, `pValue`, the per-group Wilson
 *   estimates `a` and `b`, warnings
 * @throws CxMetricsError INVALID_VALUE for counts that are not whole numbers with successes ≤ n;
 *   EMPTY_INPUT for a group with n = 0; INVALID_OPTION for an unknown option, a bad method or
 *   confidence
 * @example
 * const d = compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 })
 * d.difference // => -0.1333333333333333 (to 1e-15)
 * d.lower // => -0.4593271167412449 (to 1e-12)
 */
export function compareProportions(
  a: ProportionGroup,
  b: ProportionGroup,
  options?: CompareProportionsOptions,
): ProportionsDifference {
  const fn = 'compareProportions';
  const o = checkOptions(fn, options, ['method', 'confidence']);
  const method = checkOneOf(fn, 'method', o.method ?? 'newcombe', PROPORTION_DIFFERENCE_METHODS);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  const [xa, na] = groupCounts(fn, 'a', a);
  const [xb, nb] = groupCounts(fn, 'b', b);
  const pa = xa / na;
  const pb = xb / nb;
  const d = pa - pb;
  const z = zCritical(confidence);
  const warnings: CxWarning[] = [];
  let lower: number;
  let upper: number;
  let pValue: number;
  switch (method) {
    case 'newcombe': {
      const wa = proportionIntervalUnchecked(fn, xa, na, 'wilson', confidence);
      const wb = proportionIntervalUnchecked(fn, xb, nb, 'wilson', confidence);
      lower = d - Math.hypot(pa - wa.lower, wb.upper - pb);
      upper = d + Math.hypot(wa.upper - pa, pb - wb.lower);
      const pooled = (xa + xb) / (na + nb);
      const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
      pValue = se0 === 0 ? 1 : twoSided(d / se0);
      break;
    }
    case 'wald': {
      const se = Math.sqrt((pa * (1 - pa)) / na + (pb * (1 - pb)) / nb);
      lower = d - z * se;
      upper = d + z * se;
      pValue = se === 0 ? (d === 0 ? 1 : 0) : twoSided(d / se);
      if (se === 0) {
        warnings.push(warning('ZERO_VARIANCE', `${fn}: both shares are 0 or 1; the Wald interval has zero width`));
      }
      break;
    }
    case 'agresti-caffo': {
      const qa = (xa + 1) / (na + 2);
      const qb = (xb + 1) / (nb + 2);
      const se = Math.sqrt((qa * (1 - qa)) / (na + 2) + (qb * (1 - qb)) / (nb + 2));
      lower = qa - qb - z * se;
      upper = qa - qb + z * se;
      pValue = twoSided((qa - qb) / se);
      break;
    }
    case 'score': {
      const score = (delta: number) => scoreStatistic(xa, na, xb, nb, delta);
      lower = invertDecreasing(score, z, -1, d);
      upper = invertDecreasing(score, -z, d, 1);
      const s0 = score(0);
      pValue = Number.isFinite(s0) ? twoSided(s0) : d === 0 ? 1 : 0;
      break;
    }
  }
  for (const [name, g] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if ('warnings' in g && Array.isArray(g.warnings) && g.warnings.some((w) => w?.code === 'WEIGHTED')) {
      warnings.push(
        warning(
          'WEIGHTED',
          `${fn}: group ${name} is a weighted estimate; the comparison treats value × n (its Kish effective n) as counts`,
        ),
      );
    }
  }
  const clipped = clipInterval(fn, lower, upper, -1, 1, warnings);
  return printable({
    kind: 'difference',
    difference: d,
    lower: clipped.lower,
    upper: clipped.upper,
    confidence,
    method,
    pValue,
    a: { kind: 'proportion', ...proportionIntervalUnchecked(fn, xa, na, 'wilson', confidence) },
    b: { kind: 'proportion', ...proportionIntervalUnchecked(fn, xb, nb, 'wilson', confidence) },
    warnings,
  });
}

/** 2·P(Z > |z|). @internal */
export function twoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

function groupCounts(fn: string, name: string, g: ProportionGroup): [number, number] {
  if (g === null || typeof g !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} is ${describe(g)}; expected { successes, n } or an Estimate`,
      {
        value: g,
      },
    );
  }
  let x: unknown;
  let n: unknown;
  if ('successes' in g) {
    x = g.successes;
    n = g.n;
  } else {
    n = g.n;
    x = typeof g.value === 'number' && typeof n === 'number' ? g.value * n : g.value;
    // An Estimate of a proportion of whole counts: undo the division's rounding.
    if (typeof x === 'number' && Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, x)) x = Math.round(x);
  }
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name}.n is ${describe(n)}; expected a whole number ≥ 1`, {
      value: n,
    });
  }
  if (n === 0)
    throw new CxMetricsError('EMPTY_INPUT', `${fn}: ${name}.n is 0; expected at least one observation`, { value: n });
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > n) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name}.successes is ${describe(x)}; expected a number from 0 to n (${n})`,
      { value: x },
    );
  }
  if ('successes' in g && (!Number.isInteger(x) || !Number.isInteger(n))) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} counts must be whole numbers, got ${x} of ${n}`, {
      value: g,
    });
  }
  return [x, n];
}

/**
 * Miettinen–Nurminen score statistic for H0: pa − pb = δ, with the restricted MLE from the
 * closed-form cubic (Farrington & Manning 1990) and the N/(N − 1) variance correction.
 */
function scoreStatistic(xa: number, na: number, xb: number, nb: number, delta: number): number {
  const pa = xa / na;
  const pb = xb / nb;
  const theta = nb / na;
  const a = 1 + theta;
  const b = -(1 + theta + pa + theta * pb + delta * (theta + 2));
  const c = delta * delta + delta * (2 * pa + theta + 1) + pa + theta * pb;
  const d = -pa * delta * (1 + delta);
  const v = b ** 3 / (3 * a) ** 3 - (b * c) / (6 * a * a) + d / (2 * a);
  let u = Math.sqrt(Math.max(0, b ** 2 / (3 * a) ** 2 - c / (3 * a)));
  if (v < 0) u = -u;
  const ratio = u === 0 ? 0 : Math.max(-1, Math.min(1, v / u ** 3));
  const w = (Math.PI + Math.acos(ratio)) / 3;
  const ra = 2 * u * Math.cos(w) - b / (3 * a);
  const rb = ra - delta;
  const n = na + nb;
  const variance = ((ra * (1 - ra)) / na + (rb * (1 - rb)) / nb) * (n / (n - 1));
  const numerator = pa - pb - delta;
  if (!(variance > 0)) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return numerator / Math.sqrt(variance);
}

/**
 * The δ in [from, to] where a decreasing statistic crosses `target`, by bisection to machine
 * precision; an end of the range when the statistic never reaches it there. @internal
 */
export function invertDecreasing(
  statistic: (delta: number) => number,
  target: number,
  from: number,
  to: number,
): number {
  if (statistic(from) <= target) return from;
  if (statistic(to) >= target) return to;
  let lo = from;
  let hi = to;
  for (let i = 0; i < 200; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (statistic(mid) > target) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
