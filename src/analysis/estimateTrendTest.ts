import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { zCritical } from '../stats/normal.ts';
import { chiSquareUpperTail, normalTwoSided } from '../stats/tails.ts';
import { checkConfidence, checkOneOf } from '../stats/validate.ts';
import type { CxWarning, Interval } from '../types.ts';
import { warning } from '../warnings.ts';
import { groupNumber, readGroupList, short } from './groups.ts';
import { readScores } from './scores.ts';

/**
 * How `estimateTrendTest` treats variation of the estimates beyond their standard errors.
 *
 * @example
 * ESTIMATE_TREND_METHODS // => ['fixed-effect', 'random-effects']
 */
export type EstimateTrendMethod = 'fixed-effect' | 'random-effects';

/**
 * The models of `estimateTrendTest`, default first.
 *
 * @example
 * ESTIMATE_TREND_METHODS[0] // => 'fixed-effect'
 */
export const ESTIMATE_TREND_METHODS: readonly EstimateTrendMethod[] = ['fixed-effect', 'random-effects'];

/**
 * One period's estimate and its standard error (an `Estimate` of `nps`, `meanInterval`, … fits).
 *
 * @example
 * const point = { value: 31.5, standardError: 3.2 }
 * point.value // => 31.5
 */
export interface EstimatePoint {
  value: number;
  /**
   * Finite and > 0. Optional in the type only so that any `Estimate` can be passed; an estimate
   * without one is refused at run time.
   */
  standardError?: number;
}

/**
 * Options of `estimateTrendTest`.
 *
 * @example
 * const months = [{ value: 30, standardError: 3 }, { value: 33, standardError: 3 }, { value: 38, standardError: 3 }]
 * estimateTrendTest(months, { scores: [1, 2, 4] }).scores // => [1, 2, 4]
 */
export interface EstimateTrendTestOptions {
  /** One finite score per estimate, not all equal (period numbers); 1, 2, …, k by default. */
  scores?: readonly number[];
  /** `'fixed-effect'` (default) or `'random-effects'` (DerSimonian–Laird τ² added to every variance). */
  method?: EstimateTrendMethod;
  /** Confidence level of the slope's interval, in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Result of `estimateTrendTest`: the weighted regression slope of the estimates on the scores,
 * with its interval (`lower`, `upper`) and test.
 *
 * @example
 * const t = estimateTrendTest([{ value: 30, standardError: 3 }, { value: 33, standardError: 3 }, { value: 38, standardError: 3 }])
 * [t.kind, t.method, t.slope, t.k] // => ['trend-test', 'fixed-effect', 4, 3]
 */
export interface EstimateTrendTest extends Interval {
  kind: 'trend-test';
  method: EstimateTrendMethod;
  /** Change of the estimate per unit of score, in the estimates' units (NPS points per period). */
  slope: number;
  /** Standard error of the slope. */
  standardError: number;
  /** slope / standardError. */
  z: number;
  /** z², on 1 degree of freedom. */
  statistic: number;
  df: 1;
  /** Two-sided p-value for H0: slope = 0. */
  pValue: number;
  /** The fitted value at score 0. */
  intercept: number;
  /** The scores used, one per estimate. */
  scores: number[];
  /** Number of estimates. */
  k: number;
  /** Σ wᵢ(yᵢ − ŷᵢ)² with the fixed-effect weights: variation around the line. */
  residualQ: number;
  /** k − 2. */
  residualDf: number;
  /** P(χ²_{k−2} > residualQ): small when the estimates scatter more than their errors allow. */
  residualPValue: number;
  /** Between-period variance τ² added to every variance (0 for 'fixed-effect'). */
  tau2: number;
  /** HETEROGENEITY (fixed-effect, residual p < 0.05). */
  warnings: CxWarning[];
}

/**
 * Test for a steady upward or downward trend across ordered period estimates (NPS by month, mean
 * CSAT by quarter): an inverse-variance weighted regression of the estimates on the period scores.
 *
 * With estimates yᵢ, standard errors sᵢ, scores xᵢ and weights wᵢ = 1/sᵢ²: x̄ = Σwᵢxᵢ/Σwᵢ,
 * slope b = Σwᵢ(xᵢ − x̄)(yᵢ − ȳ)/Σwᵢ(xᵢ − x̄)², SE(b) = 1/√(Σwᵢ(xᵢ − x̄)²) (the variances are known,
 * not re-estimated from the residuals), z = b/SE(b), two-sided normal p-value, interval b ± z₁₋α/₂·SE(b).
 * This is fixed-effect meta-regression on the period estimates (Thompson & Higgins 2002,
 * doi:10.1002/sim.1187), and equal to R's metafor `rma(yi, sei = se, mods = ~ score, method = "FE")`
 * to 1e-12 (test/fixtures/r-estimate-trend.json). For proportions use `proportionTrendTest`.
 *
 * It assumes the periods differ only by sampling error around a straight line. The residual
 * Q = Σwᵢ(yᵢ − ŷᵢ)² on k − 2 degrees of freedom checks that: when its p-value is below 0.05 the
 * result carries a HETEROGENEITY warning, because real period-to-period swings (a campaign, a
 * season) make the fixed-effect p-value too small. `method: 'random-effects'` then adds the
 * DerSimonian–Laird moment estimate τ² = max(0, (Q − (k − 2))/(Σwᵢ − tr((XᵀWX)⁻¹XᵀW²X))) to every
 * variance and refits (DerSimonian & Laird 1986, doi:10.1016/0197-2456(86)90046-2; Thompson &
 * Higgins recommend it), as metafor's `method = "DL"`. With τ² = 0 both methods agree.
 *
 * Give the periods that have an estimate (leave empty ones out) and their `scores` (period
 * numbers) to keep the spacing; at least 3 are needed (2 points always lie on a line).
 *
 * @param estimates - k ≥ 3 points `{ value, standardError }` in period order
 * @param options - `scores`, `method`, `confidence`
 * @returns slope, its standard error and interval, z, the p-value, the residual heterogeneity
 * @throws CxMetricsError INSUFFICIENT_DATA for fewer than 3 estimates; INVALID_VALUE (with index)
 *   for a value that is not finite or a standard error that is not finite and > 0; INVALID_OPTION
 *   for bad scores (wrong length, not finite, all equal), method, confidence or an unknown option
 * @example
 * const months = [
 *   { value: 31.0, standardError: 4.1 }, { value: 28.5, standardError: 3.9 },
 *   { value: 27.0, standardError: 4.4 }, { value: 22.4, standardError: 4.0 },
 * ]
 * const t = estimateTrendTest(months)
 * // R (metafor 3.8.1): rma(yi, sei = se, mods = ~ month, method = 'FE')
 * t.slope // => -2.7550361124712506 (to 1e-12) (NPS points per month)
 * t.pValue // => 0.12888469370106115 (to 1e-12)
 */
export function estimateTrendTest(
  estimates: readonly EstimatePoint[],
  options?: EstimateTrendTestOptions,
): EstimateTrendTest {
  const fn = 'estimateTrendTest';
  const o = checkOptions(fn, options, ['scores', 'method', 'confidence']);
  const method = checkOneOf(fn, 'method', o.method ?? 'fixed-effect', ESTIMATE_TREND_METHODS);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  if (Array.isArray(estimates) && estimates.length < 3) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: ${estimates.length} ${estimates.length === 1 ? 'estimate' : 'estimates'}; a trend needs at least 3 (2 points always lie on a line)`,
      { value: estimates.length },
    );
  }
  const list = readGroupList(fn, estimates, 3, 'estimates');
  const y: number[] = [];
  const v: number[] = [];
  list.forEach((e, i) => {
    y.push(groupNumber(fn, e, i, 'value'));
    const se = groupNumber(fn, e, i, 'standardError', 0);
    if (!(se > 0)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: estimate at index ${i} has standardError 0; an estimate without sampling error cannot be weighted`,
        { index: i, value: e },
      );
    }
    v.push(se * se);
  });
  const k = y.length;
  const x = readScores(fn, o.scores, k);
  const fixed = weightedFit(x, y, v, 0);
  if (!(fixed.sxx > 0)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: the scores are all equal; a trend needs at least two different scores`,
      {
        value: o.scores,
      },
    );
  }
  const residualDf = k - 2;
  const residualPValue = chiSquareUpperTail(fixed.q, residualDf);
  let fit = fixed;
  let tau2 = 0;
  if (method === 'random-effects') {
    // tr((XᵀWX)⁻¹XᵀW²X) with x centred at its weighted mean: Σw²/Σw + Σw²(x − x̄)²/Σw(x − x̄)².
    let sumW2 = 0;
    let sumW2c2 = 0;
    for (let i = 0; i < k; i++) {
      const w = 1 / (v[i] as number);
      const c = (x[i] as number) - fixed.centre;
      sumW2 += w * w;
      sumW2c2 += w * w * c * c;
    }
    const trace = fixed.sumW - (sumW2 / fixed.sumW + sumW2c2 / fixed.sxx);
    tau2 = Math.max(0, (fixed.q - residualDf) / trace);
    if (tau2 > 0) fit = weightedFit(x, y, v, tau2);
  }
  const standardError = 1 / Math.sqrt(fit.sxx);
  const z = fit.slope / standardError;
  const half = zCritical(confidence) * standardError;
  const warnings: CxWarning[] = [];
  if (method === 'fixed-effect' && residualPValue < 0.05) {
    warnings.push(
      warning(
        'HETEROGENEITY',
        `${fn}: the estimates vary around the trend line more than their standard errors allow (residual Q = ${short(fixed.q)}, df = ${residualDf}, p = ${short(residualPValue)}); the fixed-effect p-value is too small, consider method: 'random-effects'`,
      ),
    );
  }
  return printable(
    {
      kind: 'trend-test' as const,
      method,
      slope: fit.slope,
      standardError,
      lower: fit.slope - half,
      upper: fit.slope + half,
      confidence,
      z,
      statistic: z * z,
      df: 1 as const,
      pValue: normalTwoSided(z),
      intercept: fit.mean - fit.slope * fit.centre,
      scores: x,
      k,
      residualQ: fixed.q,
      residualDf,
      residualPValue,
      tau2,
      warnings,
    },
    (t) => {
      const notes = t.warnings.length === 0 ? '' : ` ⚠ ${t.warnings.map((w) => w.code).join(', ')}`;
      return `Trend (${t.method} weighted regression): slope ${short(t.slope)} [${short(t.lower)}, ${short(t.upper)}] per score unit, z = ${short(t.z)}, p = ${short(t.pValue)} (${t.k} estimates)${notes}`;
    },
  );
}

/** Weighted least squares of y on x with weights 1/(vᵢ + τ²), x centred at its weighted mean. */
function weightedFit(x: readonly number[], y: readonly number[], v: readonly number[], tau2: number) {
  const k = x.length;
  let sumW = 0;
  let sumWX = 0;
  let sumWY = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2);
    sumW += w;
    sumWX += w * (x[i] as number);
    sumWY += w * (y[i] as number);
  }
  const centre = sumWX / sumW;
  const mean = sumWY / sumW;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / ((v[i] as number) + tau2);
    const c = (x[i] as number) - centre;
    sxx += w * c * c;
    sxy += w * c * ((y[i] as number) - mean);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  let q = 0;
  for (let i = 0; i < k; i++) {
    const r = (y[i] as number) - mean - slope * ((x[i] as number) - centre);
    q += (r * r) / ((v[i] as number) + tau2);
  }
  return { sumW, centre, mean, sxx, slope, q };
}
