import { CxMetricsError } from '../errors.ts';
import { isPlainObject } from '../options.ts';
import type { CxWarning } from '../types.ts';
import {
  KAPLAN_MEIER_CONF_TYPES,
  type KaplanMeierConfType,
  type KaplanMeierPoint,
  type KaplanMeierQuantile,
  type KaplanMeierResult,
  quantileSourceOf,
} from './kaplanMeier.ts';
import { pristineCurve } from './kaplanMeierPoints.ts';
import { type CurveKind, LOWER, levelOf, SURVIVAL, streamQuantile, UPPER } from './kaplanMeierStream.ts';
import { checkProbability, describe } from './validate.ts';

// Quantiles of a Kaplan–Meier curve with Brookmeyer–Crowley intervals: R's quantile.survfit rule
// (survival 3.5), transcribed step by step, read from a result's points. A separate function
// taking the result, so the result itself stays plain data.

/**
 * The p-quantile of the event time from a Kaplan–Meier result: the smallest time t with
 * Ŝ(t) ≤ 1 − p, with its Brookmeyer–Crowley confidence interval (Brookmeyer & Crowley 1982,
 * doi:10.2307/2530286) read off the result's pointwise band.
 *
 * Follows R's `quantile.survfit` (survival 3.5): where Ŝ sits at 1 − p (within 2⁻²⁶) on a flat
 * stretch, the estimate is the midpoint between that time and the next time the curve drops (or
 * the last time, for a flat at the end). The lower bound is where the lower band first reaches
 * 1 − p, the upper bound where the upper band first does. A quantile or bound never reached within
 * follow-up is `Infinity` with a warning (NOT_REACHED, LOWER_NOT_REACHED, UPPER_NOT_REACHED).
 * Agrees with R 4.2.2 / survival 3.5.3 to 1e-9 (test/fixtures/r-survival-km.json); see
 * `kaplanMeier` for the few places where R's answer is an artefact and this one differs. The
 * result may come from `kaplanMeier` or from its JSON (the band and confType are read from it).
 * On the result `kaplanMeier` returned, its points never read, it reads the typed columns behind
 * it (one pass stopping at the crossing; O(log n) once a result has been asked a few times);
 * on anything else it checks the points and reads them in one pass, copying nothing (O(n)).
 *
 * @param result - a `kaplanMeier` result (or the same parsed from JSON)
 * @param p - the probability, from 0 to 1 (0.5 for the median, 0.9 for the 90th percentile)
 * @returns `{ p, value, lower, upper, confidence, confType, method: 'brookmeyer-crowley', n, warnings }`
 * @throws CxMetricsError INVALID_VALUE for a p outside [0, 1] or a result that is not a
 *   Kaplan–Meier result (no points, an unknown confType)
 * @example
 * const km = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1])
 * const q = kaplanMeierQuantile(km, 0.25)
 * [q.p, q.value, q.confType] // => [0.25, 3, 'log-log']
 * kaplanMeierQuantile(km, 0.5) // => km.median
 * kaplanMeierQuantile(JSON.parse(JSON.stringify(km)), 0.25).value // => 3
 */
export function kaplanMeierQuantile(result: KaplanMeierResult, p: number): KaplanMeierQuantile {
  const fn = 'kaplanMeierQuantile';
  // The result kaplanMeier returned, points never read: its columns (prepared on the first call,
  // then O(log n)).
  const curve = isPlainObject(result) ? pristineCurve(result) : undefined;
  if (
    curve !== undefined &&
    result.confType === curve.confType &&
    result.confidence === curve.confidence &&
    result.n === curve.n
  ) {
    checkProbability(fn, 'p', p);
    return survivalQuantile('kaplanMeier', quantileSourceOf(curve), p, curve);
  }
  // Anything else (a copy, parsed JSON, points read and perhaps edited): check the points, then
  // read them in one pass per curve, copying nothing (O(n)).
  const r = checkResult(fn, result);
  const points = checkPoints(fn, r.points);
  checkProbability(fn, 'p', p);
  const source = streamingSource(
    points.length,
    (k) => (points[k] as KaplanMeierPoint).time,
    (k) => (points[k] as KaplanMeierPoint).survival,
    (k) => (points[k] as KaplanMeierPoint).lower,
    (k) => (points[k] as KaplanMeierPoint).upper,
    r.confType,
  );
  // Warnings speak of the curve, as the median's in the result do.
  return survivalQuantile('kaplanMeier', source, p, r);
}

/** Every point a plain object with numeric time, survival, lower and upper (read once each). */
function checkPoints(fn: string, points: readonly unknown[]): KaplanMeierPoint[] {
  const m = points.length;
  for (let k = 0; k < m; k++) {
    const point: unknown = points[k];
    if (!isPlainObject(point)) throw badPoint(fn, k, point);
    const { time, survival, lower, upper } = point;
    if (
      typeof time !== 'number' ||
      typeof survival !== 'number' ||
      typeof lower !== 'number' ||
      typeof upper !== 'number'
    ) {
      throw badPoint(fn, k, point);
    }
  }
  return points as KaplanMeierPoint[];
}

function checkResult(fn: string, result: unknown): KaplanMeierResult {
  const bad = (what: string, value: unknown) =>
    new CxMetricsError('INVALID_VALUE', `${fn}: ${what}; expected a kaplanMeier result`, { value });
  if (!isPlainObject(result)) throw bad(`result is ${describe(result)}`, result);
  const { points, confType, confidence, n } = result;
  if (!Array.isArray(points) || points.length === 0) throw bad(`points is ${describe(points)}`, points);
  if (typeof confType !== 'string' || !(KAPLAN_MEIER_CONF_TYPES as readonly string[]).includes(confType)) {
    throw bad(`confType is ${describe(confType)}`, confType);
  }
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw bad(`confidence is ${describe(confidence)}`, confidence);
  }
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw bad(`n is ${describe(n)}`, n);
  // The points themselves are checked as quantileCurves reads them (one pass, no copy).
  return result as unknown as KaplanMeierResult;
}

function badPoint(fn: string, k: number, point: unknown): CxMetricsError {
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: points[${k}] is ${describe(point)}; expected { time, survival, lower, upper, … }; expected a kaplanMeier result`,
    { value: point },
  );
}

/**
 * R's default `tolerance` in `quantile.survfit`, √(double epsilon) = 2⁻²⁶: a curve within this of
 * 1 − p counts as sitting exactly at 1 − p (the midpoint rule).
 */
const TOLERANCE = 2 ** -26;

/** The step functions quantiles are read from, prepared once (see prepareCurve). @internal */
export interface QuantileCurves {
  survival: PreparedCurve;
  lower: PreparedCurve;
  upper: PreparedCurve;
}

/**
 * 1 − curve, preceded by 0 at time 0 (R: c(start.time, time), start 0), for the estimate and both
 * band edges. NaN marks the band values R leaves NA, which its quantile code skips: the upper
 * band where Ŝ = 0 and log-log at Ŝ = 1. One deliberate difference: the lower band where Ŝ = 0 is
 * 0 (the lower limit of every band type there), not NA, so a curve that drops straight to 0 gets
 * a lower bound where R's is NA. @internal
 */
export function quantileCurves(
  points: readonly KaplanMeierPoint[],
  confType: KaplanMeierConfType,
  fn = 'kaplanMeierQuantile',
): QuantileCurves {
  const m = points.length;
  const time = new Float64Array(m);
  const survival = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const point: unknown = points[k];
    if (!isPlainObject(point)) throw badPoint(fn, k, point);
    const { time: t, survival: s, lower: l, upper: u } = point;
    if (typeof t !== 'number' || typeof s !== 'number' || typeof l !== 'number' || typeof u !== 'number') {
      throw badPoint(fn, k, point);
    }
    time[k] = t;
    survival[k] = s;
    lower[k] = l;
    upper[k] = u;
  }
  return quantileCurvesOf(time, survival, lower, upper, confType);
}

/** `quantileCurves` from the columns of a curve (time, survival and the band, one entry per time). @internal */
export function quantileCurvesOf(
  time: ArrayLike<number>,
  survivalColumn: ArrayLike<number>,
  lowerColumn: ArrayLike<number>,
  upperColumn: ArrayLike<number>,
  confType: KaplanMeierConfType,
): QuantileCurves {
  const columns = {
    time,
    survival: survivalColumn,
    lower: lowerColumn,
    upper: upperColumn,
    logLog: confType === 'log-log',
  };
  return {
    survival: prepareColumn(columns, SURVIVAL),
    lower: prepareColumn(columns, LOWER),
    upper: prepareColumn(columns, UPPER),
  };
}

interface BandColumns {
  time: ArrayLike<number>;
  survival: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  logLog: boolean;
}

/**
 * prepareCurve of one curve read straight from the columns, with no copy of the whole curve:
 * x = (0, time…), y = (0, 1 − curve…) with NaN where R has NA (see quantileCurves).
 */
function prepareColumn(c: BandColumns, which: CurveKind): PreparedCurve {
  const { time, survival, lower, upper, logLog } = c;
  const length = time.length + 1;
  const keptX = new Float64Array(length);
  const keptY = new Float64Array(length);
  const defined = new Int32Array(length);
  // The start, (0, 0), is always kept and defined.
  let kept = 1;
  let definedCount = 1;
  let runningMax = 0;
  let seenNaN = false;
  for (let k = 0; k < length - 1; k++) {
    const v = levelOf(which, survival[k] as number, lower[k] as number, upper[k] as number, logLog);
    if (Number.isNaN(v)) {
      // NaN: R's NA, kept once.
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      // With a running maximum, a repeated level can only repeat the latest kept one.
      if (v <= runningMax) continue;
      runningMax = v;
      defined[definedCount++] = kept;
    }
    keptX[kept] = time[k] as number;
    keptY[kept] = v;
    kept++;
  }
  return {
    x: keptX.subarray(0, kept),
    y: keptY.subarray(0, kept),
    defined: defined.subarray(0, definedCount),
    xmax: length === 1 ? 0 : (time[length - 2] as number),
  };
}

/** Where quantiles are read from: prepared curves, or the columns in one pass. @internal */
export interface QuantileSource {
  /** findq on one curve at p (≥ 2⁻²⁶); NaN where R gives NA. */
  read(which: CurveKind, p: number): number;
  /** The last time of the curve (for the messages). */
  lastTime: number;
}

/** Reading prepared curves: O(log n) per read. @internal */
export function preparedSource(curves: QuantileCurves): QuantileSource {
  const byKind = [curves.survival, curves.lower, curves.upper] as const;
  return { read: (which, p) => readQuantile(byKind[which], p), lastTime: curves.survival.xmax };
}

/**
 * Reading columns (or anything indexable) in one pass per read, allocating nothing of the
 * curve's size: `at(k)` gives time, survival and band at the k-th time. @internal
 */
export function streamingSource(
  m: number,
  time: (k: number) => number,
  survival: (k: number) => number,
  lower: (k: number) => number,
  upper: (k: number) => number,
  confType: KaplanMeierConfType,
): QuantileSource {
  const logLog = confType === 'log-log';
  return {
    read: (which, p) =>
      streamQuantile(
        m,
        time,
        (k) => levelOf(which, survival(k), which === LOWER ? lower(k) : 0, which === UPPER ? upper(k) : 0, logLog),
        p,
      ),
    lastTime: m === 0 ? 0 : time(m - 1),
  };
}

/** The p-quantile (p checked) with its Brookmeyer–Crowley interval. @internal */
export function survivalQuantile(
  fn: string,
  curves: QuantileSource,
  p: number,
  context: { confidence: number; confType: KaplanMeierConfType; n: number },
): KaplanMeierQuantile {
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
  const value = curves.read(SURVIVAL, at);
  const lower = curves.read(LOWER, at);
  const upper = curves.read(UPPER, at);
  const warnings: CxWarning[] = [];
  // Rounded for reading: the exact values are in `points`.
  const last = Number(curves.lastTime.toPrecision(6));
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
  x: Float64Array;
  /** Levels of the kept points; NaN for the NA slot. */
  y: Float64Array;
  /** 0-based positions of the kept points that are not NA: their levels never decrease. */
  defined: Int32Array;
  /** The last time of the curve before dropping repeats (R's xmax). */
  xmax: number;
}

/** Running maximum, then R's `duplicated` (keep the first of each level; NA repeats too). */
function prepareCurve(x: ArrayLike<number>, y: ArrayLike<number>): PreparedCurve {
  const length = y.length;
  const keptX = new Float64Array(length);
  const keptY = new Float64Array(length);
  const defined = new Int32Array(length);
  let kept = 0;
  let definedCount = 0;
  let runningMax = Number.NEGATIVE_INFINITY;
  let seenNaN = false;
  for (let i = 0; i < length; i++) {
    const v = y[i] as number;
    if (Number.isNaN(v)) {
      // NaN: R's NA, kept once.
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      // With a running maximum, a repeated level can only repeat the latest kept one.
      if (v <= runningMax) continue;
      runningMax = v;
      defined[definedCount++] = kept;
    }
    keptX[kept] = x[i] as number;
    keptY[kept] = v;
    kept++;
  }
  return {
    x: keptX.subarray(0, kept),
    y: keptY.subarray(0, kept),
    defined: defined.subarray(0, definedCount),
    xmax: x[x.length - 1] as number,
  };
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
