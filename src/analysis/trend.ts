import { CxMetricsError } from '../errors.ts';
import { trendText } from '../format/analysisText.ts';
import type { Loose } from '../format/kinds.ts';
import { printable } from '../format/printable.ts';
import { readDuration } from '../journey/records.ts';
import { isPlainObject } from '../options.ts';
import { ownFieldReader } from '../ownField.ts';
import { describe } from '../stats/validate.ts';
import type { Summary, SummaryMetric } from '../summary/types.ts';
import {
  type CalendarUnit,
  dayStart,
  dayStarts,
  isoDate,
  type PeriodDays,
  periodDaysAt,
  periodLabel,
  resolvePeriodSpec,
  shiftPeriodDays,
} from '../time/periods.ts';
import type { Weekday } from '../time/schedule.ts';
import { parseTimestamp, type Timestamp, timestampHint } from '../time/timestamp.ts';
import { DAY_MS } from '../time/zonedTime.ts';
import type { CxWarning, Difference } from '../types.ts';
import { warning } from '../warnings.ts';
import { adjustPValues, type PAdjustMethod } from './adjustPValues.ts';
import type { MetricResult } from './breakdown.ts';
import {
  type Comparable,
  comparableOf,
  compareComparables,
  estimateOrNull,
  flagOf,
  type MetricPlan,
  planMetric,
  type SeriesTrendTest,
  seriesTrendTest,
  summarizeByCode,
} from './metricPlan.ts';
import { readRecords } from './records.ts';

/**
 * A rolling window of `trend`: trailing whole local days (`{ days: 30 }`, or the same in ms), or
 * a number of periods (`{ periods: 3 }`: with monthly periods, a trailing quarter).
 *
 * @example
 * const window: TrendWindow = { days: 30 }
 * window // => { days: 30 }
 */
export type TrendWindow = number | { days?: number; hours?: number; minutes?: number } | { periods: number };

/**
 * Options of `trend`: when each record happened, the calendar to bucket by, the metric and its
 * options, an optional rolling window, and how to adjust the period-to-period comparisons.
 *
 * @example
 * const rows = [{ at: '2026-05-01T10:00Z', score: 9 }, { at: '2026-06-02T10:00Z', score: 3 }]
 * trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' }).periods.length // => 2
 */
export interface TrendOptions<T, M extends SummaryMetric = SummaryMetric> {
  /** The record's time: a field name, or a function `(record, index) => Timestamp`. */
  at: (keyof T & string) | ((record: T, index: number) => Timestamp | null | undefined);
  /** `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`. */
  period: CalendarUnit;
  /** IANA time zone the calendar is read in (`'Europe/Berlin'`, `'UTC'`). */
  timeZone: string;
  /** A metric name of `summarize`. */
  metric: M;
  /** First day of a week: `'mon'` (default, ISO weeks) … `'sun'`. */
  weekStart?: Weekday;
  /** Rolling figures: trailing whole days (`{ days: 30 }`) or `{ periods: N }`. */
  window?: TrendWindow;
  /** Start of the range (default: the earliest record); earlier records are left out, counted. */
  from?: Timestamp;
  /** End of the range, exclusive (default: just after the latest record); later records are left out, counted. */
  to?: Timestamp;
  /** Adjustment of the period-to-period p-values, any `adjustPValues` method; `'holm'` by default. */
  adjust?: PAdjustMethod;
  /** A change is flagged when its adjusted p-value is below this level; 0.05 by default. */
  level?: number;
  /** The metric's options (`accessor`, `scale`, `method`, `confidence`, …). */
  [option: string]: unknown;
}

/**
 * A rolling figure: the metric on the window that ends with the period.
 *
 * @example
 * const rows = [{ at: '2026-05-01', ok: true }, { at: '2026-05-02', ok: false }, { at: '2026-05-03', ok: true }]
 * const t = trend(rows, { at: 'at', period: 'day', timeZone: 'UTC', metric: 'proportion', accessor: 'ok', window: { days: 2 } })
 * t.periods.map((p) => [p.rolling.estimate.value, p.rolling.complete]) // => [[1, false], [0.5, true], [0.5, true]]
 */
export interface TrendRolling<R = unknown> {
  /** Start of the window (ISO-8601 UTC); never before the range. */
  start: string;
  /** End of the window: the period's end. */
  end: string;
  estimate: R | null;
  n: number;
  /** False while the window reaches back before the range (the first periods). */
  complete: boolean;
}

/**
 * One period of a trend.
 *
 * @example
 * const rows = [{ at: '2026-05-03', score: 9 }, { at: '2026-05-20', score: 10 }]
 * const p = trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' }).periods[0]
 * [p.label, p.start, p.end, p.partial, p.records] // => ['2026-05', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', true, 2]
 */
export interface TrendPeriod<R = unknown> {
  label: string;
  /** Local date of the period's first day, `YYYY-MM-DD`. */
  startDate: string;
  /** Instant the period starts, ISO-8601 UTC. */
  start: string;
  /** Instant the next period starts (exclusive end), ISO-8601 UTC. */
  end: string;
  /** True when the range starts after this period's start or ends before its end (first and last only). */
  partial: boolean;
  /** Records in the period. */
  records: number;
  /** Answers the estimate rests on; 0 without one. */
  n: number;
  /** The metric for the period; null where there are no (or too few) answers. Empty periods are kept. */
  estimate: R | null;
  /** This period minus the previous one (signed); null for the first period or when either is empty. */
  vsPrevious: Difference | null;
  pValue: number | null;
  /** vsPrevious's p-value adjusted across the series. */
  adjustedPValue: number | null;
  /** `'higher'` / `'lower'` than the previous period when the adjusted p-value is below `level`. */
  flag: 'higher' | 'lower' | 'none';
  /** With `window`: the rolling figure ending with this period. */
  rolling?: TrendRolling<R>;
  summary: Summary;
  warnings: CxWarning[];
}

/**
 * The result of `trend`.
 *
 * @example
 * const rows = [{ at: '2026-03-31T22:30Z', score: 10 }]
 * const t = trend(rows, { at: 'at', period: 'month', timeZone: 'Europe/Berlin', metric: 'nps', accessor: 'score' })
 * [t.kind, t.periods[0].label, t.timeZone] // => ['trend', '2026-04', 'Europe/Berlin']
 */
export interface TrendResult<R = unknown> {
  kind: 'trend';
  metric: SummaryMetric;
  period: CalendarUnit;
  timeZone: string;
  weekStart?: Weekday;
  /** The window as given, normalised: `{ days }` or `{ periods }`. */
  window?: { days: number } | { periods: number };
  /** The range, ISO-8601 UTC, `to` exclusive. */
  from: string;
  to: string;
  periods: TrendPeriod<R>[];
  /** The metric on every record in the range. */
  overall: R;
  /** A steady rise or fall across the periods? Null when it cannot be run (a NO_TEST warning says why). */
  trendTest: SeriesTrendTest | null;
  adjust: PAdjustMethod;
  level: number;
  /** Records in the range. */
  records: number;
  /** Records left out because they fall outside `from`/`to`. */
  excluded: number;
  warnings: CxWarning[];
}

/** More periods than this is almost surely a mistake (daily periods over 270 years). */
const MAX_PERIODS = 100_000;

/**
 * The metric period by period in the caller's time zone, each period against the previous one
 * with the p-values adjusted across the series, rolling figures, and a test for a steady trend:
 * "is this month's drop real?", "what is our trailing 30-day NPS?".
 *
 * Records are bucketed by their `at` into calendar periods of the zone (`calendarPeriod`; a
 * response at 2026-03-31T22:30Z is April in Europe/Berlin), each bucket is read once into its
 * summary, and everything else is merges: the overall figure, and the rolling window (`{ days: N }`
 * merges the per-day summaries of the N local days ending with each period; `{ periods: N }` the
 * last N periods' summaries), never a second reading. Every period from the first to the last is
 * present, empty ones with `estimate: null`. The first and last periods are `partial` when the
 * range (`from`, `to`; by default the first and last record) does not cover them whole.
 * `vsPrevious` is the signed difference period − previous period (`compareNps`,
 * `compareProportions` or `compareMeans`); its p-values are adjusted across the series (Holm
 * (1979) by default) and a change is flagged only below `level`. `trendTest` is Cochran–Armitage
 * (Armitage 1955, doi:10.2307/3001775) for proportions (CSAT, FCR, SLA, churn) and, for NPS and
 * means, the inverse-variance weighted regression of the period estimates on the period number
 * (`estimateTrendTest`, fixed-effect meta-regression, Thompson & Higgins 2002,
 * doi:10.1002/sim.1187); empty periods are left out with their spacing kept.
 *
 * @param records - the records, each with a time (`at`)
 * @param options - `at`, `period`, `timeZone`, `metric` (required), `weekStart`, `window`, `from`,
 *   `to`, `adjust`, `level`, and the metric's options
 * @returns periods[] (label, start, end, partial, estimate, vsPrevious, adjustedPValue, flag,
 *   rolling), overall, trendTest, warnings
 * @throws CxMetricsError EMPTY_INPUT for no records (or none in the range); INVALID_OPTION for a
 *   period or time zone that does not exist, a window longer than the series or not whole days,
 *   more than 100 000 periods, a bad `from`/`to`, an unknown metric or option; INVALID_VALUE for a
 *   record whose time cannot be read (with its index), and as the metric for a bad answer
 * @example
 * const rows = [
 *   ...Array(50).fill({ at: '2026-04-10T12:00Z', score: 10 }), ...Array(50).fill({ at: '2026-04-12T12:00Z', score: 8 }),
 *   ...Array(40).fill({ at: '2026-05-10T12:00Z', score: 10 }), ...Array(60).fill({ at: '2026-05-12T12:00Z', score: 2 }),
 * ]
 * const t = trend(rows, { at: 'at', period: 'month', timeZone: 'Europe/Berlin', metric: 'nps', accessor: 'score' })
 * t.periods.map((p) => [p.label, p.estimate.value.toFixed(1)]) // => [['2026-04', '50.0'], ['2026-05', '-20.0']]
 * t.periods[1].vsPrevious.difference // => -70 (to 1e-12)
 * t.periods[1].flag // => 'lower'
 */
export function trend<T, M extends SummaryMetric>(
  records: ArrayLike<T>,
  options: TrendOptions<T, M>,
): TrendResult<MetricResult<M>> {
  const fn = 'trend';
  const { plan, own } = planMetric(fn, options, ['at', 'period', 'timeZone', 'weekStart', 'window', 'from', 'to']);
  if (own.period === undefined)
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: period is required ('day', 'week', 'month', 'quarter' or 'year')`,
    );
  if (own.timeZone === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: timeZone is required (an IANA name such as 'Europe/Berlin', or 'UTC'); periods differ by zone`,
    );
  }
  const spec = resolvePeriodSpec(fn, own.period, own.timeZone, own.weekStart);
  // Each local day's first instant costs a few Intl calls; the same days come up several times.
  const starts = new Map<number, number>();
  const startOf = (day: number): number => {
    let t = starts.get(day);
    if (t === undefined) {
      t = dayStart(day, spec.timeZone);
      starts.set(day, t);
    }
    return t;
  };
  const items = readRecords(fn, records);
  const times = readTimes(fn, items, own.at);

  // The range: [from, to), by default the first record to just after the last.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const from = own.from === undefined ? lo : readInstant(fn, 'from', own.from);
  const to = own.to === undefined ? hi + 1 : readInstant(fn, 'to', own.to);
  if (!(from < to)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: from (${new Date(from).toISOString()}) must be before to (${new Date(to).toISOString()})`,
      { value: own.to },
    );
  }

  const first = periodDaysAt(from, spec);
  const last = periodDaysAt(to - 1, spec);
  const periodDays: PeriodDays[] = [first];
  while ((periodDays[periodDays.length - 1] as PeriodDays).first < last.first) {
    if (periodDays.length >= MAX_PERIODS) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: the range spans more than ${MAX_PERIODS} ${spec.unit} periods; choose a longer period or a shorter range`,
        { value: spec.unit },
      );
    }
    periodDays.push(shiftPeriodDays((periodDays[periodDays.length - 1] as PeriodDays).first, 1, spec));
  }
  const k = periodDays.length;
  const window = readWindow(fn, own.window);

  // Buckets: local days when the window counts days (periods are runs of whole days), else periods.
  const byDay = window !== undefined && 'days' in window && spec.unit !== 'day';
  if (byDay || spec.unit === 'day') {
    // Every day's start is needed: one sequential sweep, one Intl call per day.
    dayStarts(first.first, last.next - first.first + 1, spec.timeZone).forEach((t, j) => {
      starts.set(first.first + j, t);
    });
  }
  const bucketFirsts: number[] = [];
  if (byDay) for (let d = first.first; d < last.next; d++) bucketFirsts.push(d);
  else for (const p of periodDays) bucketFirsts.push(p.first);
  const boundaries = new Float64Array(bucketFirsts.length + 1);
  bucketFirsts.forEach((d, i) => {
    boundaries[i] = startOf(d);
  });
  boundaries[bucketFirsts.length] = startOf(last.next);

  // One pass: each record's bucket (−1 outside the range), then one summary per bucket.
  const codes = new Int32Array(items.length);
  const sizes = new Float64Array(bucketFirsts.length);
  // A record's bucket from its day: elapsed days since the first bucket's start are the local day
  // give or take one (offsets differ by hours at most), looked up in a day → bucket table and
  // corrected against the exact boundaries; a binary search instead when the table would be huge.
  const nb = bucketFirsts.length;
  const spanDays = last.next - first.first;
  let dayToBucket: Int32Array | undefined;
  if (spanDays <= 4_000_000) {
    dayToBucket = new Int32Array(spanDays);
    for (let j = 0; j < nb; j++) {
      const a = (bucketFirsts[j] as number) - first.first;
      const b = j + 1 < nb ? (bucketFirsts[j + 1] as number) - first.first : spanDays;
      dayToBucket.fill(j, a, b);
    }
  }
  const base = boundaries[0] as number;
  let excluded = 0;
  for (let i = 0; i < items.length; i++) {
    const t = times[i] as number;
    if (t < from || t >= to) {
      excluded++;
      codes[i] = -1;
      continue;
    }
    let b: number;
    if (dayToBucket !== undefined) {
      const day = Math.min(spanDays - 1, Math.max(0, Math.floor((t - base) / DAY_MS)));
      b = dayToBucket[day] as number;
      while (b > 0 && t < (boundaries[b] as number)) b--;
      while (b < nb - 1 && t >= (boundaries[b + 1] as number)) b++;
    } else b = upperBound(boundaries, t) - 1;
    codes[i] = b;
    sizes[b] = (sizes[b] as number) + 1;
  }
  if (excluded === items.length) {
    throw new CxMetricsError(
      'EMPTY_INPUT',
      `${fn}: none of the ${items.length} records falls in the range from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}`,
    );
  }
  const labelOfBucket = (b: number) =>
    byDay ? isoDate(bucketFirsts[b] as number) : periodLabel(bucketFirsts[b] as number, spec);
  const bucketSummaries = summarizeByCode(
    fn,
    plan,
    items,
    codes,
    bucketFirsts.length,
    (b) => `period ${labelOfBucket(b)}`,
  );
  const merge = (a: Summary, b: Summary) => plan.family.merge(fn, a, b);
  const mergeRange = (a: number, b: number): Summary => {
    let s = bucketSummaries[a] as Summary;
    for (let j = a + 1; j < b; j++) s = merge(s, bucketSummaries[j] as Summary);
    return s;
  };
  // Bucket range [start, end) of each period.
  const ranges = periodDays.map((p) => (byDay ? [p.first - first.first, p.next - first.first] : null));
  const periodSummaries = periodDays.map((_, i) => {
    const r = ranges[i];
    return r === null || r === undefined ? (bucketSummaries[i] as Summary) : mergeRange(r[0] as number, r[1] as number);
  });

  const warnings: CxWarning[] = [];
  const comparables: Comparable[] = [];
  const estimates: unknown[] = [];
  const periods: TrendPeriod[] = periodDays.map((p, i) => {
    const label = periodLabel(p.first, spec);
    const where = `${fn}: period ${label}`;
    const pw: CxWarning[] = [];
    const summary = periodSummaries[i] as Summary;
    const records = byDay
      ? sizes.subarray((ranges[i] as number[])[0], (ranges[i] as number[])[1]).reduce((s, b) => s + b, 0)
      : (sizes[i] as number);
    const est = records === 0 ? null : estimateOrNull(plan, summary, where, pw);
    estimates.push(est);
    const comparable = comparableOf(summary, est);
    comparables.push(comparable);
    const start = startOf(p.first);
    const end = startOf(p.next);
    const partial = from > start || to < end;
    let vsPrevious: Difference | null = null;
    if (i > 0 && est !== null && estimates[i - 1] !== null) {
      vsPrevious = compareComparables(plan, comparable, comparables[i - 1] as Comparable, where, pw);
    }
    for (const w of (est as { warnings?: CxWarning[] } | null)?.warnings ?? []) pw.push(w);
    const n = est !== null && typeof (est as { n?: unknown }).n === 'number' ? (est as { n: number }).n : 0;
    return {
      label,
      startDate: isoDate(p.first),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      partial,
      records,
      n,
      estimate: est,
      vsPrevious,
      pValue: vsPrevious === null ? null : vsPrevious.pValue,
      adjustedPValue: null,
      flag: 'none' as const,
      summary,
      warnings: pw,
    };
  });

  const partial = periods.filter((p) => p.partial).map((p) => p.label);
  if (partial.length > 0) {
    warnings.push(
      warning(
        'PARTIAL_PERIOD',
        `${fn}: period(s) ${partial.join(' and ')} only partly inside the range (${new Date(from).toISOString()} to ${new Date(to).toISOString()}); compare them with care`,
      ),
    );
  }
  const empty = periods.filter((p) => p.records === 0).length;
  if (empty > 0)
    warnings.push(
      warning('SMALL_SAMPLE', `${fn}: ${empty} of ${k} periods have no records; they are shown with no estimate`),
    );

  const withP = periods.filter((p) => p.pValue !== null);
  if (withP.length > 0) {
    const adjusted = adjustPValues(
      withP.map((p) => p.pValue as number),
      { method: plan.adjust },
    );
    withP.forEach((p, j) => {
      p.adjustedPValue = adjusted[j] as number;
      p.flag = flagOf(p.vsPrevious, p.adjustedPValue, plan.level);
    });
  }

  if (window !== undefined)
    addRolling(fn, plan, window, periods, periodDays, bucketSummaries, ranges, first, from, startOf, merge);

  const overall = plan.family.estimate(plan.family.metric, mergeRange(0, bucketSummaries.length), plan.estimateOptions);
  const trendTest = seriesTrendTest(
    periods.map((p, i) => ({ comparable: comparables[i] as Comparable, estimate: p.estimate, score: i + 1 })),
    fn,
    warnings,
  );
  if (excluded > 0) {
    warnings.push(warning('EXCLUDED', `${fn}: ${excluded} record(s) outside the range from/to left out`));
  }
  const result: TrendResult = {
    kind: 'trend',
    metric: plan.family.metric,
    period: spec.unit,
    timeZone: spec.timeZone,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    periods,
    overall,
    trendTest,
    adjust: plan.adjust,
    level: plan.level,
    records: items.length - excluded,
    excluded,
    warnings,
  };
  if (spec.unit === 'week')
    result.weekStart = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[spec.weekStart] as Weekday;
  if (window !== undefined) result.window = window;
  return printable(result, (r) => trendText(r as unknown as Loose)) as TrendResult<MetricResult<M>>;
}

function addRolling(
  fn: string,
  plan: MetricPlan,
  window: { days: number } | { periods: number },
  periods: TrendPeriod[],
  periodDays: PeriodDays[],
  bucketSummaries: Summary[],
  ranges: (number[] | null)[],
  first: PeriodDays,
  from: number,
  startOf: (day: number) => number,
  merge: (a: Summary, b: Summary) => Summary,
): void {
  const k = periods.length;
  const span = 'days' in window ? (periodDays[k - 1] as PeriodDays).next - first.first : k;
  const size = 'days' in window ? window.days : window.periods;
  if (size > span) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: window is ${size} ${'days' in window ? 'days' : 'periods'} but the series spans ${span}; expected a window no longer than the series`,
      { value: size },
    );
  }
  periods.forEach((p, i) => {
    const pd = periodDays[i] as PeriodDays;
    let a: number;
    let b: number;
    let startDay: number;
    if ('days' in window) {
      // Buckets are days here (or periods of one day): the N days ending with the period's last day.
      const endBucket = ranges[i] === null ? i + 1 : ((ranges[i] as number[])[1] as number);
      b = endBucket;
      a = Math.max(0, b - window.days);
      startDay = pd.next - window.days;
    } else {
      b = ranges[i] === null ? i + 1 : ((ranges[i] as number[])[1] as number);
      const startPeriod = Math.max(0, i - window.periods + 1);
      a = ranges[startPeriod] === null ? startPeriod : ((ranges[startPeriod] as number[])[0] as number);
      startDay =
        i - window.periods + 1 >= 0 ? (periodDays[i - window.periods + 1] as PeriodDays).first : first.first - 1;
    }
    let s = bucketSummaries[a] as Summary;
    for (let j = a + 1; j < b; j++) s = merge(s, bucketSummaries[j] as Summary);
    const complete = startDay >= first.first && startOf(Math.max(startDay, first.first)) >= from;
    const w: CxWarning[] = [];
    const est = estimateOrNull(plan, s, `${fn}: rolling window ending ${p.label}`, w);
    const start = Math.max(from, startOf(Math.max(startDay, first.first)));
    p.rolling = {
      start: new Date(start).toISOString(),
      end: p.end,
      estimate: est,
      n: est !== null && typeof (est as { n?: unknown }).n === 'number' ? (est as { n: number }).n : 0,
      complete,
    };
  });
}

/** The first index whose boundary is greater than t (boundaries ascending). */
function upperBound(boundaries: Float64Array, t: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((boundaries[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readTimes(fn: string, items: ArrayLike<unknown>, at: unknown): Float64Array {
  if (at === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: at is required: the field with each record's time, or a function (record, index) => time`,
    );
  }
  if (typeof at !== 'string' && typeof at !== 'function') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: at is ${describe(at)}; expected a field name or a function (record, index) => time`,
      {
        value: at,
      },
    );
  }
  const read = typeof at === 'function' ? (at as (r: unknown, i: number) => unknown) : ownFieldReader(at);
  const times = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = read(items[i], i);
    const t = parseTimestamp(v);
    if (t === undefined) {
      if (typeof at === 'string' && !hasField(items, at)) {
        throw new CxMetricsError('INVALID_OPTION', `${fn}: no record has the field '${at}' given as at`, { value: at });
      }
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: the time (${typeof at === 'string' ? `'${at}'` : 'at'}) of record at index ${i} is ${describe(v)}; expected a Date, an ISO-8601 string or epoch milliseconds${timestampHint(v)}`,
        { index: i, value: v },
      );
    }
    times[i] = t;
  }
  return times;
}

function hasField(items: ArrayLike<unknown>, field: string): boolean {
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (r !== null && typeof r === 'object' && Object.hasOwn(r, field)) return true;
  }
  return false;
}

function readInstant(fn: string, name: string, value: unknown): number {
  const t = parseTimestamp(value);
  if (t === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is ${describe(value)}; expected a Date, an ISO-8601 string or epoch milliseconds${timestampHint(value)}`,
      { value },
    );
  }
  return t;
}

function readWindow(fn: string, window: unknown): { days: number } | { periods: number } | undefined {
  if (window === undefined) return undefined;
  if (isPlainObject(window) && 'periods' in window) {
    const n = window.periods;
    if (Object.keys(window).length !== 1 || typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: window is ${describe(window)}; expected { periods: N } with a whole N ≥ 1, or { days: N }`,
        { value: window },
      );
    }
    return { periods: n };
  }
  const ms = readDuration(fn, 'window', window);
  const days = ms / DAY_MS;
  if (!Number.isSafeInteger(days)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: window is ${describe(window)}; a rolling window counts whole local days (e.g. { days: 30 }) or periods ({ periods: 3 })`,
      { value: window },
    );
  }
  return { days };
}
