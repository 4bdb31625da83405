import { CxMetricsError } from '../errors.ts';
import {
  KAPLAN_MEIER_CONF_TYPES,
  type KaplanMeierConfType,
  type KaplanMeierCurve,
  kaplanMeierCurve,
  quantileSourceOf,
} from '../stats/kaplanMeier.ts';
import { survivalQuantile } from '../stats/kaplanMeierQuantile.ts';
import { type SurvivalTable, tableSize } from '../stats/kaplanMeierTable.ts';
import { type MeanMethod, meanIntervalResult } from '../stats/meanInterval.ts';
import { zCritical } from '../stats/normal.ts';
import { quantileIntervalResult } from '../stats/quantileInterval.ts';
import { resolveRng } from '../stats/rng.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { SummaryNotes } from '../summary/types.ts';
import type { CxWarning, Estimate, RandomOptions } from '../types.ts';
import { clockWarnings, type TicketClockField } from './tickets.ts';

// The duration engine behind ttr and firstResponseTime: median, mean and percentiles of a
// right-censored duration sample, by order statistics when nothing is censored and by
// Kaplan–Meier otherwise.

/**
 * Options of the duration statistics (shared by `ttr` and `firstResponseTime`).
 *
 * @example
 * const r = firstResponseTime([1, 2, 3, 4, 5], { percentiles: [0.5, 0.75], horizon: 4 })
 * Object.keys(r.percentiles) // => ['p50', 'p75']
 * r.mean.value // => 2.8
 */
export interface DurationStatisticsOptions extends RandomOptions {
  /** Confidence level in (0, 1) of every interval; 0.95 by default. */
  confidence?: number;
  /** Probabilities of the percentiles to report, each in (0, 1); `[0.5, 0.9]` by default. */
  percentiles?: readonly number[];
  /** Interval for the mean when every ticket is completed: `'t'` (default) or `'bootstrap-bca'`. */
  meanMethod?: MeanMethod;
  /** Bootstrap resamples for `meanMethod: 'bootstrap-bca'`; 10 000 by default. */
  resamples?: number;
  /**
   * Horizon τ (ms) of the restricted mean. By default the largest observed duration, used only
   * when some tickets are open; when given, the mean is the restricted mean up to τ either way.
   */
  horizon?: number;
  /** Kaplan–Meier band for the quantile intervals when tickets are open; `'log-log'` by default. */
  confType?: KaplanMeierConfType;
}

/**
 * A percentile (or the median) of the durations with its interval.
 *
 * @example
 * const day = 86_400_000
 * const median = ttr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => d * day)).median
 * [median.p, median.lowerRank, median.upperRank] // => [0.5, 2, 9]
 * median.achievedConfidence // => 0.978515625
 */
export interface DurationQuantile extends Estimate {
  /** The probability: 0.5 for the median, 0.9 for p90. */
  p: number;
  /**
   * Order statistics only: the exact coverage of the interval, P(l ≤ K < u) for K ~ Binomial(n, p),
   * at least `confidence` whenever n allows it. Kaplan–Meier intervals are asymptotic and have none.
   */
  achievedConfidence?: number;
  /** Order statistics only: 1-based ranks of the bounds. */
  lowerRank?: number;
  upperRank?: number;
  /** Kaplan–Meier only: the band the Brookmeyer–Crowley interval was read from. */
  confType?: KaplanMeierConfType;
}

/**
 * The mean duration; with open tickets the restricted mean up to `horizon`.
 *
 * @example
 * ttr([1, 2, 3, 4], { events: [1, 1, 1, 0] }).mean.horizon // => 4
 * ttr([1, 2, 3, 6]).mean.value // => 3
 */
export interface DurationMean extends Estimate {
  /** Restricted mean only: the horizon τ (ms); the value is the mean of min(duration, τ). */
  horizon?: number;
}

/**
 * Result of `ttr` and `firstResponseTime`.
 *
 * @example
 * const r = ttr([1, 2, 3, 4], { events: [1, 1, 1, 0] })
 * [r.n, r.completed, r.open, r.method, r.unit, r.clock] // => [4, 3, 1, 'kaplan-meier', 'ms', 'elapsed']
 */
export interface DurationResult {
  kind: 'duration';
  /** Tickets (or durations) in the sample, completed and open. */
  n: number;
  /** Tickets with the event (resolved, or responded to). */
  completed: number;
  /** Tickets without it, censored: still open at `asOf` (or, for first response, closed unanswered). */
  open: number;
  /** The median duration (ms), the headline figure, with its interval. */
  median: DurationQuantile;
  /** The mean duration (ms): ordinary mean, or the restricted mean when tickets are open. */
  mean: DurationMean;
  /** The percentiles asked for, keyed 'p50', 'p90', 'p99.9', … */
  percentiles: Record<string, DurationQuantile>;
  /** How the quantiles were estimated. */
  method: 'order-statistics' | 'kaplan-meier';
  unit: 'ms';
  /** Elapsed (wall-clock) time, or business time inside `businessHours`. */
  clock: 'elapsed' | 'business';
  confidence: number;
  /** Warnings about the sample and the median (each Estimate carries its own too). */
  warnings: CxWarning[];
}

/** Resolved options of the duration statistics. @internal */
export interface DurationSettings {
  confidence: number;
  percentiles: number[];
  meanMethod: MeanMethod;
  resamples: number;
  rng: (() => number) | undefined;
  horizon: number | undefined;
  confType: KaplanMeierConfType;
}

/** Validate the statistics options once, before any data is read. @internal */
export function resolveDurationOptions(fn: string, options: DurationStatisticsOptions): DurationSettings {
  const confidence = checkConfidence(fn, options.confidence ?? 0.95);
  const meanMethod = checkOneOf(fn, 'meanMethod', options.meanMethod ?? 't', ['t', 'bootstrap-bca'] as const);
  const confType = checkOneOf(fn, 'confType', options.confType ?? 'log-log', KAPLAN_MEIER_CONF_TYPES);
  const resamples = options.resamples ?? 10_000;
  if (!Number.isInteger(resamples) || resamples < 100) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: resamples is ${describe(resamples)}; expected a whole number ≥ 100`,
      {
        value: resamples,
      },
    );
  }
  const percentiles = options.percentiles ?? [0.5, 0.9];
  if (!Array.isArray(percentiles)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: percentiles is ${describe(percentiles)}; expected an array of probabilities such as [0.5, 0.9]`,
      { value: percentiles },
    );
  }
  const keys = new Set<string>();
  percentiles.forEach((p: unknown, i) => {
    if (typeof p !== 'number' || !(p > 0 && p < 1)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: percentiles[${i}] is ${describe(p)}; expected a probability strictly between 0 and 1 (0.9 for p90)`,
        { index: i, value: p },
      );
    }
    const key = percentileKey(p);
    if (keys.has(key)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: percentiles[${i}] repeats ${key}`, { index: i, value: p });
    }
    keys.add(key);
  });
  const horizon = options.horizon;
  if (horizon !== undefined && (typeof horizon !== 'number' || !Number.isFinite(horizon) || !(horizon > 0))) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: horizon is ${describe(horizon)}; expected a finite number of ms greater than 0`,
      { value: horizon },
    );
  }
  const random = meanMethod === 'bootstrap-bca';
  return {
    confidence,
    percentiles: [...percentiles],
    meanMethod,
    resamples,
    rng: random ? resolveRng(fn, options) : undefined,
    horizon,
    confType,
  };
}

/** 'p50' for 0.5, 'p90' for 0.9, 'p99.9' for 0.999. @internal */
export function percentileKey(p: number): string {
  return `p${Number((100 * p).toPrecision(12))}`;
}

/** A duration sample as its table of distinct times, with its clock and data notes. @internal */
export interface DurationTable extends SurvivalTable {
  clock: 'elapsed' | 'business';
  notes?: SummaryNotes;
}

/** Median, mean and percentiles of the durations in a table (at least one observation). @internal */
export function durationStatistics(
  fn: string,
  data: DurationTable,
  field: TicketClockField,
  settings: DurationSettings,
): DurationResult {
  const n = tableSize(data);
  let completed = 0;
  for (let k = 0; k < data.events.length; k++) completed += data.events[k] as number;
  const open = n - completed;
  const warnings = clockWarnings(fn, data.notes, field, 'duration');
  const { confidence } = settings;
  const base = { kind: 'duration' as const, n, completed, open, unit: 'ms' as const, clock: data.clock, confidence };
  const largest = data.times[data.times.length - 1] as number;

  if (open === 0) {
    // Every observation completed: the durations themselves, in ascending order.
    const durations = new Float64Array(n);
    for (let k = 0, at = 0; k < data.times.length; k++) {
      const count = data.events[k] as number;
      durations.fill(data.times[k] as number, at, at + count);
      at += count;
    }
    const quantileAt = (p: number): DurationQuantile => {
      const q = quantileIntervalResult('quantileInterval', durations, p, { confidence });
      return { ...q, p, warnings: relabel(fn, q.warnings) };
    };
    const median = quantileAt(0.5);
    const percentiles = Object.fromEntries(settings.percentiles.map((p) => [percentileKey(p), quantileAt(p)]));
    const mean =
      settings.horizon === undefined
        ? ordinaryMean(fn, durations, settings)
        : restrictedMean(fn, kaplanMeierCurve(fn, data, confidence, 'log-log'), settings.horizon, confidence, true);
    warnings.push(...median.warnings);
    return { ...base, median, mean, percentiles, method: 'order-statistics', warnings };
  }

  const km = kaplanMeierCurve(fn, data, confidence, settings.confType);
  const quantileAt = (p: number): DurationQuantile => {
    // The curve's median is this very computation (same fn, confidence, confType, n).
    const q = p === 0.5 ? km.median : survivalQuantile(fn, quantileSourceOf(km), p, km);
    return { ...q, warnings: relabel(fn, q.warnings) };
  };
  const median = quantileAt(0.5);
  const percentiles = Object.fromEntries(settings.percentiles.map((p) => [percentileKey(p), quantileAt(p)]));
  const mean = restrictedMean(fn, km, settings.horizon ?? largest, confidence, settings.horizon !== undefined);
  warnings.push({
    code: 'CENSORED',
    message:
      `${fn}: ${open} of ${n} tickets have no event observed and are censored (kept, not dropped); quantiles are ` +
      `Kaplan–Meier estimates with Brookmeyer–Crowley intervals, and the mean is the restricted mean up to ${readable(mean.horizon ?? largest)}`,
  });
  warnings.push(...relabel(fn, km.warnings), ...median.warnings);
  return { ...base, median, mean, percentiles, method: 'kaplan-meier', warnings };
}

/** Mean with a t or BCa interval, clipped at 0 (a duration is never negative). */
function ordinaryMean(fn: string, durations: Float64Array, settings: DurationSettings): DurationMean {
  const { confidence, meanMethod } = settings;
  const n = durations.length;
  if (n === 1) {
    const value = durations[0] as number;
    return {
      value,
      lower: 0,
      upper: Number.POSITIVE_INFINITY,
      confidence,
      method: meanMethod,
      n,
      warnings: [
        {
          code: 'INSUFFICIENT_DATA',
          message: `${fn}: one duration gives no spread, so the mean's interval is the whole range [0, Infinity)`,
        },
      ],
    };
  }
  const estimate = meanIntervalResult('meanInterval', durations, {
    confidence,
    method: meanMethod,
    resamples: settings.resamples,
    ...(settings.rng === undefined ? {} : { rng: settings.rng }),
  });
  const warnings = relabel(fn, estimate.warnings);
  let lower = estimate.lower;
  if (lower < 0) {
    warnings.push({
      code: 'CLIPPED',
      message: `${fn}: the ${meanMethod} interval for the mean reached ${Number(lower.toPrecision(6))} ms and was clipped at 0; durations are skewed, 'bootstrap-bca' suits them better`,
    });
    lower = 0;
  }
  return { ...estimate, lower, warnings };
}

/**
 * Restricted mean μ(τ) = ∫₀^τ Ŝ(t) dt, the area under the Kaplan–Meier curve up to τ, with
 * Var μ̂(τ) = Σ_{tᵢ ≤ τ} Aᵢ² dᵢ/(nᵢ(nᵢ − dᵢ)), Aᵢ = ∫_{tᵢ}^τ Ŝ(t) dt (Klein & Moeschberger 2003,
 * §4.5, eq. 4.5.2), and a normal interval clipped to [0, τ].
 */
function restrictedMean(
  fn: string,
  km: KaplanMeierCurve,
  horizon: number,
  confidence: number,
  chosen: boolean,
): DurationMean {
  const { time, survival, atRisk: atRiskColumn, events: eventColumn } = km;
  // The times up to τ: a prefix, as times increase.
  let count = 0;
  while (count < time.length && (time[count] as number) <= horizon) count++;
  let value = count === 0 ? horizon : (time[0] as number);
  let variance = 0;
  let after = 0; // Aₖ, accumulated from the end
  for (let k = count - 1; k >= 0; k--) {
    // Segment k runs from time[k] to the next time (or τ) at height Ŝ(time[k]).
    const next = k + 1 < count ? (time[k + 1] as number) : horizon;
    after += (survival[k] as number) * (next - (time[k] as number));
    const atRisk = atRiskColumn[k] as number;
    const events = eventColumn[k] as number;
    // dᵢ = nᵢ makes Ŝ 0 from tᵢ on, so Aᵢ = 0 and the term is 0 (not 0 · ∞).
    if (events > 0 && atRisk > events) variance += (after * after * events) / (atRisk * (atRisk - events));
  }
  value += after;
  const standardError = Math.sqrt(variance);
  const spread = zCritical(confidence) * standardError;
  const warnings: CxWarning[] = [];
  let lower = value - spread;
  let upper = value + spread;
  if (lower < 0 || upper > horizon) {
    const tolerance = 1e-12 * Math.max(1, horizon);
    if (lower < -tolerance || upper > horizon + tolerance) {
      warnings.push({
        code: 'CLIPPED',
        message: `${fn}: the normal interval for the restricted mean reached outside [0, ${horizon}] ms and was clipped to it`,
      });
    }
    lower = Math.max(0, lower);
    upper = Math.min(horizon, upper);
  }
  const last = { time: time[time.length - 1] as number, survival: survival[survival.length - 1] as number };
  warnings.push({
    code: 'RESTRICTED_MEAN',
    message:
      `${fn}: the mean is restricted to the horizon τ = ${readable(horizon)} (${chosen ? 'as chosen' : 'the largest observed duration'}): ` +
      'the mean of min(duration, τ), the area under the Kaplan–Meier curve up to τ. While tickets are open the ' +
      'ordinary mean is not estimable; this one is lower whenever durations run past τ',
  });
  if (horizon > last.time && last.survival > 0) {
    warnings.push({
      code: 'HORIZON_BEYOND_DATA',
      message: `${fn}: the horizon ${readable(horizon)} lies beyond the largest observed duration ${readable(last.time)}; the Kaplan–Meier curve is carried flat (at ${Number(last.survival.toPrecision(6))}) up to it, an assumption`,
    });
  }
  return {
    value,
    lower,
    upper,
    confidence,
    method: 'restricted-mean',
    n: km.n,
    standardError,
    horizon,
    warnings,
  };
}

/** Replace the leading "function:" of messages from the statistics core by the metric's name. */
function relabel(fn: string, warnings: readonly CxWarning[]): CxWarning[] {
  return warnings.map((w) => ({ code: w.code, message: w.message.replace(/^\w+(\(…\)\.\w+)?: /, `${fn}: `) }));
}

/** Milliseconds for a message: exact, then in readable units ("4746299000 ms (54.9 days)"). */
function readable(ms: number): string {
  const abs = Math.abs(ms);
  const unit =
    abs < 60_000
      ? `${(ms / 1000).toPrecision(3)} s`
      : abs < 3_600_000
        ? `${(ms / 60_000).toPrecision(3)} min`
        : abs < 172_800_000
          ? `${(ms / 3_600_000).toPrecision(3)} h`
          : `${(ms / 86_400_000).toPrecision(3)} days`;
  return `${ms} ms (${unit})`;
}
