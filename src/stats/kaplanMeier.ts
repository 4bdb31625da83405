import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { type SurvivalTable, survivalTable, tableSize } from './kaplanMeierTable.ts';
import { zCritical } from './normal.ts';
import { checkConfidence, checkOneOf, checkProbability, describe } from './validate.ts';

/**
 * How the pointwise confidence band of a Kaplan–Meier curve is built.
 *
 * @example
 * KAPLAN_MEIER_CONF_TYPES // => ['log-log', 'log', 'plain']
 * kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1], { confType: 'log' }).confType // => 'log'
 */
export type KaplanMeierConfType = 'log-log' | 'log' | 'plain';

/**
 * The transformations of a Kaplan–Meier confidence band, default first: log-log, log and plain
 * (each described under `kaplanMeier`). `kaplanMeier`, `retentionCurve`, `ttr` and
 * `firstResponseTime` check their `confType` option against this list.
 *
 * @example
 * KAPLAN_MEIER_CONF_TYPES[0] // => 'log-log'
 */
export const KAPLAN_MEIER_CONF_TYPES: readonly KaplanMeierConfType[] = ['log-log', 'log', 'plain'];

/**
 * Options of `kaplanMeier`: the confidence of the band and the quantile intervals, and the band's
 * transformation.
 *
 * @example
 * kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1], { confType: 'plain' }).points[0].upper // => 1
 */
export interface KaplanMeierOptions {
  /** Confidence level in (0, 1) of the pointwise band and the quantile intervals; 0.95 by default. */
  confidence?: number;
  /** Band transformation; `'log-log'` by default (R's survfit defaults to `'log'`). */
  confType?: KaplanMeierConfType;
}

/**
 * One distinct observed time of a Kaplan–Meier curve.
 *
 * @example
 * const point = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]).points[1]
 * [point.time, point.atRisk, point.events, point.censored] // => [3, 5, 1, 1]
 * point.survival // => 2 / 3 (to 1e-15) (5/6 · 4/5)
 */
export interface KaplanMeierPoint {
  /** The time (same unit as the durations). */
  time: number;
  /** Number at risk just before `time`: durations ≥ `time`. */
  atRisk: number;
  /** Events at `time`. */
  events: number;
  /** Censored observations at `time` (at risk for the events at `time`, gone after). */
  censored: number;
  /** Kaplan–Meier estimate Ŝ(time), the survival just after `time`. */
  survival: number;
  /** Lower bound of the pointwise band; 0 where survival is 0. */
  lower: number;
  /** Upper bound of the pointwise band; 1 where survival is 0 (the band is undefined there). */
  upper: number;
  /**
   * Greenwood standard error of the cumulative hazard −log Ŝ, √Σ dᵢ/(nᵢ(nᵢ − dᵢ)) (R's
   * `fit$std.err`; the standard error of Ŝ itself is Ŝ times this). `Infinity` where Ŝ drops to 0.
   */
  standardError: number;
}

/**
 * A quantile of the survival distribution with its Brookmeyer–Crowley interval.
 *
 * @example
 * const q = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]).quantile(0.25)
 * [q.p, q.value, q.confType] // => [0.25, 3, 'log-log']
 */
export interface KaplanMeierQuantile extends Estimate {
  /** The probability asked for: the time by which a share p of the population has had the event. */
  p: number;
  /** Band transformation the interval was read from. */
  confType: KaplanMeierConfType;
}

/**
 * Result of `kaplanMeier`. Plain data except `quantile`, a function (dropped by JSON.stringify).
 *
 * @example
 * const km = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1])
 * [km.n, km.confidence, km.confType, km.points.length] // => [6, 0.95, 'log-log', 5]
 * km.quantile(0.5) // => km.median
 */
export interface KaplanMeierResult {
  /** One point per distinct time, event or censored, in increasing time. */
  points: KaplanMeierPoint[];
  /**
   * The p-quantile of the event time (smallest t with Ŝ(t) ≤ 1 − p) with its Brookmeyer–Crowley
   * interval. A function, so it is not part of the JSON form; `median` is `quantile(0.5)`.
   */
  quantile: (p: number) => KaplanMeierQuantile;
  /** The median event time, `quantile(0.5)`, precomputed. */
  median: KaplanMeierQuantile;
  confidence: number;
  confType: KaplanMeierConfType;
  /** Number of observations (events and censored). */
  n: number;
  warnings: CxWarning[];
}

/**
 * R's default `tolerance` in `quantile.survfit`, √(double epsilon) = 2⁻²⁶: a curve within this of
 * 1 − p counts as sitting exactly at 1 − p (the midpoint rule).
 */
const TOLERANCE = 2 ** -26;

/**
 * Kaplan–Meier estimate of a survival curve from right-censored durations, with a pointwise
 * confidence band and quantiles (median included) with Brookmeyer–Crowley intervals.
 *
 * At each distinct time tᵢ with nᵢ at risk and dᵢ events, Ŝ(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
 * (Kaplan & Meier 1958, doi:10.1080/01621459.1958.10501452). Censored observations count as at
 * risk at their own time. Variance by Greenwood's formula (Greenwood 1926): the standard error of
 * −log Ŝ is σ(t) = √Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)), reported as `standardError`. With z = Φ⁻¹(1 − α/2):
 * - `'log-log'` (default): from Ŝ^exp(zσ/|log Ŝ|) to Ŝ^exp(−zσ/|log Ŝ|), always inside (0, 1)
 *   (Kalbfleisch & Prentice 2002, doi:10.1002/9781118032985).
 * - `'log'`: Ŝ·exp(±zσ), upper end clipped to 1 (R's survfit default).
 * - `'plain'`: Ŝ ± zσŜ, clipped to [0, 1]; poor near 0 and 1.
 * Clipping is reported once in `warnings` (CLIPPED). Where Ŝ = 1 the band is [1, 1]; where Ŝ
 * drops to 0, σ is infinite and the band is [0, 1] (R reports NA for both cases).
 *
 * `quantile(p)` follows R's `quantile.survfit` (survival 3.5): the estimate is the smallest time
 * with Ŝ ≤ 1 − p, except where Ŝ sits at 1 − p (within 2⁻²⁶) on a flat stretch, when it is the
 * midpoint between that time and the next time the curve drops (or the last time, for a flat at
 * the end). The interval (Brookmeyer & Crowley 1982, doi:10.2307/2530286) is read off the band the
 * same way: the lower bound where the lower band first reaches 1 − p, the upper bound where the
 * upper band first does. A quantile or bound never reached within follow-up is `Infinity` with a
 * warning (NOT_REACHED, LOWER_NOT_REACHED, UPPER_NOT_REACHED).
 * Agrees with R 4.2.2 / survival 3.5.3 `survfit` and `quantile.survfit` to 1e-9
 * (test/fixtures/r-survival-km.json). Where R's answer is an artefact we differ, so that always
 * lower ≤ value ≤ upper: a band that is not monotone is read at its first crossing (R's approx
 * assumes monotone); the lower band is 0 where Ŝ = 0 (R: NA, which can leave the lower bound NA
 * under a finite estimate); 0 < p < 2⁻²⁶ is read as 2⁻²⁶ (R: NA). O(n log n).
 *
 * @param durations - time to the event or to censoring for each subject, finite and ≥ 0, in any
 *   unit (cx-metrics uses milliseconds); typed arrays accepted; not mutated
 * @param events - per subject, `true` or 1 when the event happened at that duration, `false` or
 *   0 when the observation was censored (still no event at that time)
 * @param options - `confidence` (0.95), `confType` (`'log-log'`)
 * @returns `{ points, quantile(p), median, confidence, confType, n, warnings }`; `quantile` is a
 *   function, everything else plain JSON-able data (`Infinity` serializes as null)
 * @throws CxMetricsError EMPTY_INPUT for no observations; INVALID_VALUE (with index and value) for
 *   a duration that is not a finite number ≥ 0, an event flag that is not a boolean, 0 or 1, or
 *   arrays of different lengths; INVALID_OPTION for confidence outside (0, 1) or an unknown confType
 * @example
 * const km = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1])
 * km.points.map((point) => point.atRisk) // => [6, 5, 3, 2, 1]
 * km.points[2].survival // => 4 / 9 (to 1e-15) (5/6 · 4/5 · 2/3)
 * km.points[2].standardError // => 0.5 (to 1e-15) (square root of 1/30 + 1/20 + 1/6)
 * km.median.value // => 5
 * km.median.lower // => 2
 * km.median.upper // => Infinity
 */
export function kaplanMeier(
  durations: ArrayLike<number>,
  events: ArrayLike<boolean | number>,
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const fn = 'kaplanMeier';
  const { eventTimes, censorTimes } = checkSurvivalData(fn, durations, events);
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const confType = checkOneOf(fn, 'confType', options.confType ?? 'log-log', KAPLAN_MEIER_CONF_TYPES);
  return printable(kaplanMeierFromTable(fn, survivalTable(eventTimes, censorTimes), confidence, confType));
}

/**
 * The Kaplan–Meier result from a table of distinct times (checked options, at least one
 * observation): what `kaplanMeier` computes after sorting, and what duration summaries estimate
 * from. @internal
 */
export function kaplanMeierFromTable(
  fn: string,
  table: SurvivalTable,
  confidence: number,
  confType: KaplanMeierConfType,
): KaplanMeierResult {
  const n = tableSize(table);
  let eventCount = 0;
  for (const d of table.events) eventCount += d;
  const points = kaplanMeierPoints(table, n);
  const warnings: CxWarning[] = [];
  const clipped = addBand(points, confType, zCritical(confidence));
  if (clipped > 0) {
    warnings.push({
      code: 'CLIPPED',
      message:
        `${fn}: the '${confType}' band reached outside [0, 1] at ${clipped} of ${points.length} times ` +
        `and was clipped there; 'log-log' stays inside by construction`,
    });
  }
  if (eventCount === 0) {
    warnings.push({
      code: 'ZERO_EVENTS',
      message: `${fn}: no events among ${n} observations; survival stays 1 and no quantile is reached`,
    });
  }

  const curves = quantileCurves(points, confType);
  const quantile = (p: number): KaplanMeierQuantile => {
    checkProbability(`${fn}(…).quantile`, 'p', p);
    return survivalQuantile(curves, p, { confidence, confType, n });
  };
  return { points, quantile, median: quantile(0.5), confidence, confType, n, warnings };
}

/**
 * Validate durations and event flags together and split the durations into sorted event and
 * censoring times. @internal
 */
export function checkSurvivalData(
  fn: string,
  durations: ArrayLike<number>,
  events: ArrayLike<boolean | number>,
): { eventTimes: Float64Array; censorTimes: Float64Array } {
  for (const [name, values] of [
    ['durations', durations],
    ['events', events],
  ] as const) {
    if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} must be an array, got ${describe(values)}`, {
        value: values,
      });
    }
  }
  if (durations.length !== events.length) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: durations has ${durations.length} elements but events has ${events.length}; expected one event flag per duration`,
      { value: events.length },
    );
  }
  const length = durations.length;
  if (length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one duration`);
  const isEvent = new Uint8Array(length);
  let eventCount = 0;
  for (let i = 0; i < length; i++) {
    const d = durations[i];
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: duration at index ${i} is ${describe(d)}; expected a finite number ≥ 0`,
        { index: i, value: d },
      );
    }
    const e = events[i];
    if (e === true || e === 1) {
      isEvent[i] = 1;
      eventCount++;
    } else if (e !== false && e !== 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: event flag at index ${i} is ${describe(e)}; expected true or 1 (event) or false or 0 (censored)`,
        { index: i, value: e },
      );
    }
  }
  const eventTimes = new Float64Array(eventCount);
  const censorTimes = new Float64Array(length - eventCount);
  for (let i = 0, a = 0, b = 0; i < length; i++) {
    const d = (durations[i] as number) + 0; // −0 → 0
    if (isEvent[i] === 1) eventTimes[a++] = d;
    else censorTimes[b++] = d;
  }
  // Typed-array sort is numeric, unlike Array.prototype.sort.
  return { eventTimes: eventTimes.sort(), censorTimes: censorTimes.sort() };
}

/**
 * Counts, survival and Greenwood standard error at each distinct time, with the same floating-point
 * operations as survival's C routine survfitkm (so 'exactly at 1 − p' ties resolve as in R).
 */
function kaplanMeierPoints(table: SurvivalTable, n: number): KaplanMeierPoint[] {
  const points: KaplanMeierPoint[] = [];
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  const { times } = table;
  for (let k = 0; k < times.length; k++) {
    const time = times[k] as number;
    const events = table.events[k] as number;
    const censored = table.censored[k] as number;
    if (events > 0) {
      survival *= (atRisk - events) / atRisk;
      // d/(n(n − d)) is Infinity when everyone at risk has the event: Ŝ = 0 and σ = ∞, as in R.
      greenwood += events / (atRisk * (atRisk - events));
    }
    points.push({
      time,
      atRisk,
      events,
      censored,
      survival,
      lower: survival,
      upper: survival,
      standardError: Math.sqrt(greenwood),
    });
    atRisk -= events + censored;
  }
  return points;
}

/** Fill in `lower`/`upper` as R's survfit_confint; returns how many points were clipped. */
function addBand(points: KaplanMeierPoint[], confType: KaplanMeierConfType, z: number): number {
  let clipped = 0;
  const overshoot = 1e-12;
  for (const point of points) {
    const s = point.survival;
    const se = point.standardError;
    if (s === 0) {
      // σ = ∞: every transformation breaks down (R gives NA); report the whole range.
      point.lower = 0;
      point.upper = 1;
      continue;
    }
    if (se === 0) {
      // No events yet: zero variance, the band is the point (R's log-log gives NA at Ŝ = 1).
      point.lower = s;
      point.upper = s;
      continue;
    }
    let lower: number;
    let upper: number;
    switch (confType) {
      case 'log-log': {
        const shift = (z * se) / Math.log(s);
        const centre = Math.log(-Math.log(s));
        lower = Math.exp(-Math.exp(centre - shift));
        upper = Math.exp(-Math.exp(centre + shift));
        break;
      }
      case 'log': {
        const shift = z * se;
        lower = Math.exp(Math.log(s) - shift);
        upper = Math.exp(Math.log(s) + shift);
        break;
      }
      case 'plain': {
        const shift = se * s * z;
        lower = s - shift;
        upper = s + shift;
        break;
      }
    }
    if (lower < -overshoot || upper > 1 + overshoot) clipped++;
    point.lower = Math.max(0, lower);
    point.upper = Math.min(1, upper);
  }
  return clipped;
}

/** The step functions quantiles are read from, prepared once (see prepareCurve). */
interface QuantileCurves {
  survival: PreparedCurve;
  lower: PreparedCurve;
  upper: PreparedCurve;
}

/**
 * 1 − curve, preceded by 0 at time 0 (R: c(start.time, time), start 0), for the estimate and both
 * band edges. NaN marks the band values R leaves NA, which its quantile code skips: the upper
 * band where Ŝ = 0 and log-log at Ŝ = 1. One deliberate difference: the lower band where Ŝ = 0 is
 * 0 (the lower limit of every band type there), not NA, so a curve that drops straight to 0 gets
 * a lower bound where R's is NA.
 */
function quantileCurves(points: readonly KaplanMeierPoint[], confType: KaplanMeierConfType): QuantileCurves {
  const m = points.length + 1;
  const x = new Float64Array(m);
  const survival = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  points.forEach((point, k) => {
    const s = point.survival;
    const undefinedAtOne = confType === 'log-log' && s === 1;
    x[k + 1] = point.time;
    survival[k + 1] = 1 - s;
    lower[k + 1] = undefinedAtOne ? Number.NaN : s === 0 ? 1 : 1 - point.lower;
    upper[k + 1] = undefinedAtOne || s === 0 ? Number.NaN : 1 - point.upper;
  });
  return { survival: prepareCurve(x, survival), lower: prepareCurve(x, lower), upper: prepareCurve(x, upper) };
}

function survivalQuantile(
  curves: QuantileCurves,
  p: number,
  context: { confidence: number; confType: KaplanMeierConfType; n: number },
): KaplanMeierQuantile {
  const fn = 'kaplanMeier';
  const base = { p, confType: context.confType, confidence: context.confidence, method: 'brookmeyer-crowley' };
  if (p === 0) {
    // R: quant[p == 0] <- start time. (R's flat-at-the-end rule can turn this into NA when the
    // curve never drops; the 0-quantile is the start whatever the data.)
    return { ...base, value: 0, lower: 0, upper: 0, n: context.n, warnings: [] };
  }
  const level = 1 - p;
  // R returns NA for 0 < p < tol (p lies below its first knot, 0 + tol); the curve at level 0
  // is within tol of such a p, so answer as R does at p = tol.
  const at = Math.max(p, TOLERANCE);
  const value = readQuantile(curves.survival, at);
  const lower = readQuantile(curves.lower, at);
  const upper = readQuantile(curves.upper, at);
  const warnings: CxWarning[] = [];
  // Rounded for reading: the exact values are in `points`.
  const last = Number(curves.survival.xmax.toPrecision(6));
  const shown = Number(level.toPrecision(6));
  const what = p === 0.5 ? 'median' : `${p} quantile`;
  if (Number.isNaN(value)) {
    warnings.push({
      code: 'NOT_REACHED',
      message: `${fn}: survival stays above ${shown} up to the last time ${last}; the ${what} is beyond follow-up and reported as Infinity`,
    });
  }
  if (Number.isNaN(lower)) {
    warnings.push({
      code: 'LOWER_NOT_REACHED',
      message: `${fn}: the lower ${context.confidence} band stays above ${shown} up to the last time ${last}; the ${what}'s lower bound is reported as Infinity`,
    });
  }
  if (Number.isNaN(upper)) {
    warnings.push({
      code: 'UPPER_NOT_REACHED',
      message: `${fn}: the upper ${context.confidence} band stays above ${shown} up to the last time ${last}; the ${what}'s upper bound is unknown and reported as Infinity`,
    });
  }
  const orInfinity = (t: number) => (Number.isNaN(t) ? Number.POSITIVE_INFINITY : t);
  return {
    ...base,
    value: orInfinity(value),
    lower: orInfinity(lower),
    upper: orInfinity(upper),
    n: context.n,
    warnings,
  };
}

/**
 * R's `findq` from survival's quantile.survfit.R, transcribed step by step for one probability:
 * `x` times (from the start), `y` a CDF-like curve 1 − S with NaN for NA. Returns NaN where R
 * returns NA. The steps:
 * 1. drop repeated y values (keeping the first), as `duplicated` does — NA repeats too;
 * 2. i₁ = approx(y + tol, 1:n, p, "constant", f = 1), i₂ the same on y − tol: the index of the
 *    first point at or above p ∓ tol; the quantile is (x[i₁] + x[i₂])/2, so a flat within tol of p
 *    gives the midpoint to the next drop, and otherwise i₁ = i₂;
 * 3. a flat at p at the end of the curve: the midpoint of its start and the last time.
 * Two differences, both where R's answer is an artefact:
 * - before step 1, y is replaced by its running maximum (NaN left in place). R's approx sorts the
 *   points by y, which finds the first crossing only when y never decreases. y = 1 − band does
 *   decrease where the band rises (the log and plain upper bands can, after an event; the log-log
 *   lower band at high confidence and small n), and then R can return a bound on the wrong side
 *   of the estimate. For the survival curve this changes nothing; for the 16 quantile bounds the
 *   R fixture reads from such bands both readings agree.
 * - R's early exit when max(y) < min(probs) is left out: it depends on which other probabilities
 *   are asked for in the same call, and without it a flat end within tol of p still gets rule 3.
 * @internal
 */
export function findQuantile(x: ArrayLike<number>, y: ArrayLike<number>, p: number, tol = TOLERANCE): number {
  return readQuantile(prepareCurve(x, y), p, tol);
}

/** A curve after findq's step 1 (and our running maximum), ready for any p. */
interface PreparedCurve {
  /** Times of the kept points, in R's order (the first NA slot included). */
  x: number[];
  /** Levels of the kept points; NaN for the NA slot. */
  y: number[];
  /** 0-based positions of the kept points that are not NA: their levels never decrease. */
  defined: number[];
  /** The last time of the curve before dropping repeats (R's xmax). */
  xmax: number;
}

/** Running maximum, then R's `duplicated` (keep the first of each level; NA repeats too). */
function prepareCurve(x: ArrayLike<number>, y: ArrayLike<number>): PreparedCurve {
  const curve: PreparedCurve = { x: [], y: [], defined: [], xmax: x[x.length - 1] as number };
  let runningMax = Number.NEGATIVE_INFINITY;
  let seenNaN = false;
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (Number.isNaN(v)) {
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      // With a running maximum, a repeated level can only repeat the latest kept one.
      if (v <= runningMax) continue;
      runningMax = v;
      curve.defined.push(curve.y.length);
    }
    curve.x.push(x[i] as number);
    curve.y.push(v);
  }
  return curve;
}

/** findq's steps 2 and 3 for one p (see findQuantile). NaN where R gives NA. */
function readQuantile(curve: PreparedCurve, p: number, tol = TOLERANCE): number {
  const at = (position: number) => (Number.isNaN(position) ? Number.NaN : (curve.x[Math.trunc(position)] as number));
  const i1 = approxConstantRight(curve, tol, p);
  const i2 = approxConstantRight(curve, -tol, p);
  let quantile = (at(i1) + at(i2)) / 2;
  const yLast = curve.y[curve.y.length - 1] as number;
  if (!Number.isNaN(yLast) && Math.abs(p - yLast) < tol) quantile = (at(i1) + curve.xmax) / 2;
  return quantile;
}

/**
 * R's approx(y + shift, 1:n, xout = p, method = "constant", f = 1, rule = 1) over the defined
 * (non-NA) levels, which never decrease: the position of the first level + shift ≥ p (the right
 * end of the interval holding p, or the knot p sits on), NaN outside the range. Levels that the
 * shift rounds together are tied, and R's approx collapses ties to the mean of their positions
 * (R's x[fractional index] then truncates). Positions are 0-based here.
 */
function approxConstantRight(curve: PreparedCurve, shift: number, p: number): number {
  const { defined, y } = curve;
  const key = (k: number) => (y[defined[k] as number] as number) + shift;
  const n = defined.length;
  if (n === 0 || !(p >= key(0) && p <= key(n - 1))) return Number.NaN;
  let lo = 0; // first k with key(k) ≥ p
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) >= p) hi = mid;
    else lo = mid + 1;
  }
  const target = key(lo);
  let first = lo;
  let last = lo;
  while (first > 0 && key(first - 1) === target) first--;
  while (last < n - 1 && key(last + 1) === target) last++;
  if (first === last) return defined[lo] as number;
  // Mean of 1-based positions, back to 0-based.
  let sum = 0;
  for (let k = first; k <= last; k++) sum += (defined[k] as number) + 1;
  return sum / (last - first + 1) - 1;
}
