import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { withLazyPoints } from './kaplanMeierPoints.ts';
import {
  preparedSource,
  type QuantileSource,
  quantileCurvesOf,
  streamingSource,
  survivalQuantile,
} from './kaplanMeierQuantile.ts';
import { type SurvivalTable, survivalTable } from './kaplanMeierTable.ts';
import { zCritical } from './normal.ts';
import { sortDurations } from './sortDurations.ts';
import { checkConfidence, checkOneOf, describe } from './validate.ts';

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
 * const q = kaplanMeierQuantile(kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]), 0.25)
 * [q.p, q.value, q.confType] // => [0.25, 3, 'log-log']
 */
export interface KaplanMeierQuantile extends Estimate {
  /** The probability asked for: the time by which a share p of the population has had the event. */
  p: number;
  /** Band transformation the interval was read from. */
  confType: KaplanMeierConfType;
}

/**
 * Result of `kaplanMeier`: plain JSON-able data (`Infinity` serializes as null). Other quantiles
 * than the median come from `kaplanMeierQuantile(result, p)`.
 *
 * @example
 * const km = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1])
 * [km.n, km.confidence, km.confType, km.points.length] // => [6, 0.95, 'log-log', 5]
 * kaplanMeierQuantile(km, 0.5) // => km.median
 */
export interface KaplanMeierResult {
  kind: 'kaplan-meier';
  /**
   * One point per distinct time, event or censored, in increasing time. Made from the engine's
   * typed columns on first read, then an ordinary data property (JSON, structuredClone and
   * spreading see the same plain array).
   */
  points: KaplanMeierPoint[];
  /** The median event time, `kaplanMeierQuantile(result, 0.5)`, precomputed. */
  median: KaplanMeierQuantile;
  confidence: number;
  confType: KaplanMeierConfType;
  /** Number of observations (events and censored). */
  n: number;
  warnings: CxWarning[];
}

/**
 * The computation of the public `kaplanMeier` (src/intervals/kaplanMeier.ts, which attaches the printed
 * one-liner): checks and all; errors name `fn`, the public function. @internal
 */
export function kaplanMeierResult(
  fn: string,

  durations: ArrayLike<number>,
  events: ArrayLike<boolean | number>,
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const { eventTimes, censorTimes } = checkSurvivalData(fn, durations, events);
  const opts = checkOptions(fn, options, ['confidence', 'confType']);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const confType = checkOneOf(fn, 'confType', opts.confType ?? 'log-log', KAPLAN_MEIER_CONF_TYPES);
  return kaplanMeierFromTable(fn, survivalTable(eventTimes, censorTimes), confidence, confType);
}

/** A Kaplan–Meier curve as columns (one entry per distinct time), its median and warnings. @internal */
export interface KaplanMeierCurve extends CurveColumns {
  events: ArrayLike<number>;
  censored: ArrayLike<number>;
  /** Observations (events and censored). */
  n: number;
  confidence: number;
  confType: KaplanMeierConfType;
  /** How far `lower`/`upper` are filled: log-log fills them as they are read (see fillBand). */
  band: BandState;
  /** Quantiles read so far, and the prepared curves once reading them is worth it. */
  reads: number;
  prepared?: QuantileSource;
  median: KaplanMeierQuantile;
  warnings: CxWarning[];
}

/** The band's progress: filled for times [0, filled). */
interface BandState {
  filled: number;
  confType: KaplanMeierConfType;
  z: number;
  clipped: number;
  wasClipped: boolean;
}

/** The whole band filled in (for the points, and for preparing the curves). @internal */
export function completeBand(curve: KaplanMeierCurve): void {
  fillBand(curve, curve.band, curve.time.length);
}

/**
 * Where the next quantile of `curve` is read from: the columns in one pass for the first three
 * (the median and two more: ttr's default percentiles, p50 and p90), then the curves prepared
 * once for O(log n) reads. @internal
 */
export function quantileSourceOf(curve: KaplanMeierCurve): QuantileSource {
  curve.reads++;
  if (curve.prepared === undefined && curve.reads > 3) {
    completeBand(curve);
    curve.prepared = preparedSource(
      quantileCurvesOf(curve.time, curve.survival, curve.lower, curve.upper, curve.confType),
    );
  }
  return curve.prepared ?? columnSource(curve);
}

/** The columns read in one pass per quantile, the band filled as far as the reading goes. */
function columnSource(curve: KaplanMeierCurve): QuantileSource {
  const { time, survival, lower, upper, band } = curve;
  const m = time.length;
  // Chunks of 1/64 of the curve (at least 1024 times): a read that stops early fills at most
  // that much beyond where it stopped.
  const chunk = Math.max(1024, Math.ceil(m / 64));
  const ensure = (k: number) => {
    if (k >= band.filled) fillBand(curve, band, Math.min(m, k + chunk));
  };
  return streamingSource(
    m,
    (k) => time[k] as number,
    (k) => survival[k] as number,
    (k) => {
      ensure(k);
      return lower[k] as number;
    },
    (k) => {
      ensure(k);
      return upper[k] as number;
    },
    curve.confType,
  );
}

/**
 * The Kaplan–Meier curve from a table of distinct times (checked options, at least one
 * observation), as typed columns: no object per time. @internal
 */
export function kaplanMeierCurve(
  fn: string,
  table: SurvivalTable,
  confidence: number,
  confType: KaplanMeierConfType,
): KaplanMeierCurve {
  let eventCount = 0;
  let censoredCount = 0;
  for (let k = 0; k < table.events.length; k++) {
    eventCount += table.events[k] as number;
    censoredCount += table.censored[k] as number;
  }
  const n = eventCount + censoredCount;
  const columns = kaplanMeierColumns(table, n);
  const m = columns.time.length;
  const band: BandState = { filled: 0, confType, z: zCritical(confidence), clipped: 0, wasClipped: false };
  const curve: KaplanMeierCurve = {
    ...columns,
    events: table.events,
    censored: table.censored,
    n,
    confidence,
    confType,
    band,
    reads: 0,
    median: undefined as unknown as KaplanMeierQuantile,
    warnings: [],
  };
  // log-log stays inside [0, 1] by construction (exp(−exp(·))), so nothing can be clipped and
  // the band is filled only as far as it is read; the others are filled now, to count clipping.
  if (confType !== 'log-log') completeBand(curve);
  const { clipped } = band;
  if (clipped > 0) {
    curve.warnings.push({
      code: 'CLIPPED',
      message:
        `${fn}: the '${confType}' band reached outside [0, 1] at ${clipped} of ${m} times ` +
        `and was clipped there; 'log-log' stays inside by construction`,
    });
  }
  if (eventCount === 0) {
    curve.warnings.push({
      code: 'ZERO_EVENTS',
      message: `${fn}: no events among ${n} observations; survival stays 1 and no quantile is reached`,
    });
  }
  curve.median = survivalQuantile(fn, quantileSourceOf(curve), 0.5, { confidence, confType, n });
  return curve;
}

/**
 * The Kaplan–Meier result from a table of distinct times (checked options, at least one
 * observation): what `kaplanMeier` computes after sorting. @internal
 */
export function kaplanMeierFromTable(
  fn: string,
  table: SurvivalTable,
  confidence: number,
  confType: KaplanMeierConfType,
): KaplanMeierResult {
  const curve = kaplanMeierCurve(fn, table, confidence, confType);
  const { median, n, warnings } = curve;
  // `points` is a placeholder here, so that it keeps its place in the key order; withLazyPoints
  // replaces it with the array made from the columns on first read (see kaplanMeierPoints.ts).
  const result: KaplanMeierResult = { kind: 'kaplan-meier', points: [], median, confidence, confType, n, warnings };
  return withLazyPoints(result, curve);
}

/**
 * Validate durations and event flags together and split the durations into event and censoring
 * times, sorted unless `sorted` is false (for a caller that only validates). @internal
 */
export function checkSurvivalData(
  fn: string,
  durations: ArrayLike<number>,
  events: ArrayLike<boolean | number>,
  sorted = true,
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
  // Validate first, allocating nothing: a sparse array of huge length fails at its first hole.
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
    const e = events[i];
    if (e === true || e === 1) eventTimes[a++] = d;
    else censorTimes[b++] = d;
  }
  if (!sorted) return { eventTimes, censorTimes };
  // Float64Array#sort's order, by radix (see sortDurations.ts).
  return { eventTimes: sortDurations(eventTimes), censorTimes: sortDurations(censorTimes) };
}

/** The curve as columns, one entry per distinct time. @internal */
export interface CurveColumns {
  time: ArrayLike<number>;
  atRisk: Float64Array;
  survival: Float64Array;
  standardError: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * Counts, survival and Greenwood standard error at each distinct time, with the same floating-point
 * operations as survival's C routine survfitkm (so 'exactly at 1 − p' ties resolve as in R).
 */
function kaplanMeierColumns(table: SurvivalTable, n: number): CurveColumns {
  const m = table.times.length;
  const atRiskColumn = new Float64Array(m);
  const survivalColumn = new Float64Array(m);
  const standardError = new Float64Array(m);
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  const { events: eventColumn, censored: censoredColumn } = table;
  for (let k = 0; k < m; k++) {
    const events = eventColumn[k] as number;
    if (events > 0) {
      survival *= (atRisk - events) / atRisk;
      // d/(n(n − d)) is Infinity when everyone at risk has the event: Ŝ = 0 and σ = ∞, as in R.
      greenwood += events / (atRisk * (atRisk - events));
    }
    atRiskColumn[k] = atRisk;
    survivalColumn[k] = survival;
    standardError[k] = Math.sqrt(greenwood);
    atRisk -= events + (censoredColumn[k] as number);
  }
  return {
    time: table.times,
    atRisk: atRiskColumn,
    survival: survivalColumn,
    standardError,
    lower: new Float64Array(m),
    upper: new Float64Array(m),
  };
}

/**
 * Fill in `lower`/`upper` as R's survfit_confint for the times from `state.filled` up to `to`,
 * counting the times clipped in `state`.
 */
function fillBand(curve: CurveColumns, state: BandState, to: number): void {
  const { confType, z } = state;
  let { clipped, wasClipped } = state;
  const overshoot = 1e-12;
  const { survival, standardError, lower: lowerColumn, upper: upperColumn } = curve;
  for (let k = state.filled; k < to; k++) {
    const s = survival[k] as number;
    const se = standardError[k] as number;
    if (k > 0 && s === survival[k - 1] && se === standardError[k - 1]) {
      // A time with only censored observations: the same Ŝ and σ as before, so the same band,
      // clipped or not. Copied: the transformations cost most of the curve.
      lowerColumn[k] = lowerColumn[k - 1] as number;
      upperColumn[k] = upperColumn[k - 1] as number;
      if (wasClipped) clipped++;
      continue;
    }
    wasClipped = false;
    if (s === 0) {
      // σ = ∞: every transformation breaks down (R gives NA); report the whole range.
      lowerColumn[k] = 0;
      upperColumn[k] = 1;
      continue;
    }
    if (se === 0) {
      // No events yet: zero variance, the band is the point (R's log-log gives NA at Ŝ = 1).
      lowerColumn[k] = s;
      upperColumn[k] = s;
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
    if (lower < -overshoot || upper > 1 + overshoot) {
      clipped++;
      wasClipped = true;
    }
    lowerColumn[k] = Math.max(0, lower);
    upperColumn[k] = Math.min(1, upper);
  }
  if (to > state.filled) state.filled = to;
  state.clipped = clipped;
  state.wasClipped = wasClipped;
}
