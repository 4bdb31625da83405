import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import {
  KAPLAN_MEIER_CONF_TYPES,
  type KaplanMeierConfType,
  type KaplanMeierPoint,
  type KaplanMeierQuantile,
  kaplanMeierResult,
} from '../stats/kaplanMeier.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf } from '../stats/validate.ts';
import type { Timestamp } from '../time/timestamp.ts';
import type { CxWarning, Estimate } from '../types.ts';
import type { ArrowTable } from './arrowColumn.ts';
import {
  type CustomerRecord,
  checkTimeUnit,
  countAbove,
  DAY_MS,
  iso,
  readCustomers,
  TIME_UNIT_DAYS,
  type TimeUnit,
  timestampOption,
  utcDate,
} from './customers.ts';

/**
 * Options of `retentionCurve`: when the data was taken, the unit of tenure and the confidence band.
 *
 * @example
 * const customers = [{ startedAt: '2025-01-01', endedAt: '2025-01-31' }, { startedAt: '2025-01-01' }]
 * retentionCurve(customers, { asOf: '2025-03-02' }).points[0].time // => 30 (days)
 * retentionCurve(customers, { asOf: '2025-03-02', unit: 'week' }).points[0].time // => 30 / 7 (to 1e-15)
 */
export interface RetentionCurveOptions {
  /**
   * When the data was taken (required): customers without an `endedAt` (or ending later) are
   * censored here.
   */
  asOf: Timestamp;
  /** Unit of tenure on the curve; `'day'` by default (`'month'` is 30.4375 days, `'year'` 365.25). */
  unit?: TimeUnit;
  /** Confidence level in (0, 1) of the band and the median interval; 0.95 by default. */
  confidence?: number;
  /** Band transformation, as `kaplanMeier`; `'log-log'` by default. */
  confType?: KaplanMeierConfType;
}

/**
 * Result of `retentionCurve`: plain JSON-able data (`Infinity` serializes as null).
 *
 * @example
 * const customers = [{ startedAt: '2025-01-01', endedAt: '2025-01-31' }, { startedAt: '2025-01-01' }]
 * const curve = retentionCurve(customers, { asOf: '2025-03-02' })
 * [curve.n, curve.churned, curve.active, curve.unit, curve.asOf] // => [2, 1, 1, 'day', '2025-03-02T00:00:00.000Z']
 */
export interface RetentionCurveResult {
  kind: 'retention-curve';
  /**
   * The Kaplan–Meier curve on tenure, one point per distinct tenure: `survival` is the share of
   * customers still retained just after `time` (in `unit`s), with its pointwise band.
   */
  points: KaplanMeierPoint[];
  /** Median customer lifetime in `unit`s with its Brookmeyer–Crowley interval; Infinity when not reached. */
  median: KaplanMeierQuantile;
  unit: TimeUnit;
  /** The censoring time, ISO-8601 UTC. */
  asOf: string;
  /** Customers on the curve (started at or before `asOf`). */
  n: number;
  /** Customers whose churn is observed (endedAt ≤ asOf). */
  churned: number;
  /** Customers still active at `asOf` (censored). */
  active: number;
  /** Records left out because they start after `asOf`. */
  excluded: number;
  confidence: number;
  confType: KaplanMeierConfType;
  warnings: CxWarning[];
}

/**
 * Customer retention curve: the Kaplan–Meier estimate of the share of customers still active
 * after each tenure, with active customers censored at `asOf`, and the median customer lifetime.
 *
 * Tenure is endedAt − startedAt for a customer who churned by `asOf` (endedAt ≤ asOf, an event)
 * and asOf − startedAt for one still active then (censored: known to have lasted at least that
 * long). Ŝ(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ) over the distinct churn tenures (Kaplan & Meier 1958,
 * doi:10.1080/01621459.1958.10501452), Greenwood variance, a log-log band by default; the median
 * lifetime is the first tenure with Ŝ ≤ 0.5 and its interval is Brookmeyer & Crowley's (1982,
 * doi:10.2307/2530286), as `kaplanMeier` computes them (agrees with R's survival package). Unlike
 * "share of customers who have churned", this uses every customer, new ones included, for as long
 * as they have been observed. Records that start after `asOf` are left out and counted in
 * `excluded` (a NOT_STARTED warning says so): the curve is what was known at `asOf`. When more
 * than half of the customers outlast the longest tenure observed, the median is Infinity with a
 * NOT_REACHED warning.
 *
 * @param customers - records `{ id, startedAt, endedAt? }` (Date, ISO-8601 string without offset
 *   read as UTC, or epoch ms; endedAt absent/null/blank while active), or an Arrow table with
 *   `startedAt` and `endedAt` columns (as `churn` reads them); not mutated
 * @param options - `asOf` (required), `unit` (`'day'`), `confidence` (0.95), `confType` (`'log-log'`)
 * @returns RetentionCurveResult: points, median, unit, asOf, n, churned, active, excluded, warnings
 * @throws CxMetricsError EMPTY_INPUT for no records; INVALID_VALUE (with the record index, the
 *   field named in the message) for an unreadable timestamp or an endedAt before its startedAt;
 *   INSUFFICIENT_DATA when every record starts after `asOf`; INVALID_OPTION for a missing or
 *   unreadable asOf, an unknown unit or confType, a confidence outside (0, 1), or an unknown option
 * @example
 * const customers = [
 *   { id: 'a', startedAt: '2025-01-01', endedAt: '2025-01-11' },
 *   { id: 'b', startedAt: '2025-01-01', endedAt: '2025-01-21' },
 *   { id: 'c', startedAt: '2025-01-11' },
 *   { id: 'd', startedAt: '2025-01-01', endedAt: '2025-01-31' },
 *   { id: 'e', startedAt: '2025-01-01', endedAt: '2025-02-05' },
 * ]
 * const curve = retentionCurve(customers, { asOf: '2025-02-10' })
 * curve.points.map((p) => p.time) // => [10, 20, 30, 35]
 * curve.points[2].survival // => 0.4 (to 1e-15) (4/5 · 3/4 · 2/3; c is censored at 30 days)
 * curve.median.value // => 30
 * retentionCurve(customers, { asOf: '2025-01-15' }).median.value // => Infinity
 */
export function retentionCurve(
  customers: readonly CustomerRecord[] | ArrowTable,
  options: RetentionCurveOptions,
): RetentionCurveResult {
  const fn = 'retentionCurve';
  const opts = checkOptions(fn, options, ['asOf', 'unit', 'confidence', 'confType']);
  const asOf = timestampOption(fn, 'asOf', opts.asOf);
  const unit = checkTimeUnit(fn, 'unit', opts.unit ?? 'day');
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const confType = checkOneOf(fn, 'confType', opts.confType ?? 'log-log', KAPLAN_MEIER_CONF_TYPES);
  const { start, end } = readCustomers(fn, customers);
  const unitMs = TIME_UNIT_DAYS[unit] * DAY_MS;

  const tenures: number[] = [];
  const events: boolean[] = [];
  let excluded = 0;
  for (let i = 0; i < start.length; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    if (s > asOf) {
      excluded++;
      continue;
    }
    const churned = e <= asOf;
    tenures.push(((churned ? e : asOf) - s) / unitMs);
    events.push(churned);
  }
  if (tenures.length === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: all ${start.length} customers start after asOf (${iso(asOf)}); expected some with startedAt ≤ asOf`,
    );
  }
  const km = kaplanMeierResult('kaplanMeier', tenures, events, { confidence, confType });
  const warnings = km.warnings.map((w) => renamed(fn, w));
  if (excluded > 0) {
    warnings.push({
      code: 'NOT_STARTED',
      message: `${fn}: ${excluded} customer${excluded === 1 ? '' : 's'} start after asOf (${iso(asOf)}) and are left out`,
    });
  }
  const median = { ...km.median, warnings: km.median.warnings.map((w) => renamed(fn, w)) };
  if (median.value === Number.POSITIVE_INFINITY) {
    const last = km.points[km.points.length - 1] as KaplanMeierPoint;
    warnings.push({
      code: 'NOT_REACHED',
      message:
        `${fn}: retention is still ${round(last.survival)} at the longest tenure observed (${round(last.time)} ` +
        `${unit}s), so the median lifetime is beyond follow-up and reported as Infinity`,
    });
  }
  const churned = events.reduce((sum, e) => sum + (e ? 1 : 0), 0);
  return printable({
    kind: 'retention-curve',
    points: km.points,
    median,
    unit,
    asOf: iso(asOf),
    n: tenures.length,
    churned,
    active: tenures.length - churned,
    excluded,
    confidence,
    confType,
    warnings,
  });
}

/**
 * Calendar periods for cohorts (UTC): ISO weeks starting Monday, months, quarters.
 *
 * @example
 * cohortRetention([{ startedAt: '2025-01-05' }], { period: 'quarter', asOf: '2025-07-01' }).cohorts[0].cohort // => '2025-Q1'
 * cohortRetention([{ startedAt: '2025-01-05' }], { period: 'week', asOf: '2025-02-01' }).cohorts[0].cohort // => '2025-W01'
 */
export type CohortPeriod = 'week' | 'month' | 'quarter';

/**
 * The calendar periods `cohortRetention` accepts.
 *
 * @example
 * COHORT_PERIODS // => ['week', 'month', 'quarter']
 */
export const COHORT_PERIODS: readonly CohortPeriod[] = ['week', 'month', 'quarter'];

/**
 * Options of `cohortRetention`: the calendar period of cohorts and columns, when the data was
 * taken, and the interval of each cell.
 *
 * @example
 * const table = cohortRetention([{ startedAt: '2025-01-05' }], { period: 'month', asOf: '2025-03-01' })
 * table.cohorts[0].cells.length // => 3 (months 0, 1 and 2: boundaries Feb 1 and Mar 1 have passed)
 */
export interface CohortRetentionOptions {
  /**
   * Calendar period (UTC; ISO weeks start on Monday) that defines cohorts and the columns of the
   * table: `'week'`, `'month'` or `'quarter'` (required).
   */
  period: CohortPeriod;
  /** When the data was taken (required): cells whose period boundary is after `asOf` are absent. */
  asOf: Timestamp;
  /** Proportion interval method for `retained`; `'wilson'` by default. */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * One cell of a cohort table: cohort × periods since the cohort's start.
 *
 * @example
 * const customers = [{ startedAt: '2025-01-05', endedAt: '2025-02-10' }, { startedAt: '2025-01-20' }]
 * const cell = cohortRetention(customers, { period: 'month', asOf: '2025-04-01' }).cohorts[0].cells[2]
 * [cell.cohort, cell.period, cell.active, cell.atStart] // => ['2025-01', 2, 1, 2]
 * cell.retained.value // => 0.5
 */
export interface CohortCell {
  /** The cohort's label: `'2025-W03'` (ISO week), `'2025-01'` (month) or `'2025-Q1'` (quarter). */
  cohort: string;
  /** Periods since the cohort's start, 0, 1, 2, … */
  period: number;
  /** Customers of the cohort active at the cell's boundary (see cohortRetention). */
  active: number;
  /** Customers in the cohort. */
  atStart: number;
  /** active / atStart with its interval (Wilson by default); n = atStart. */
  retained: Estimate;
}

/**
 * One cohort: the customers who started in one calendar period, and its observable cells.
 *
 * @example
 * const row = cohortRetention([{ startedAt: '2025-01-05' }], { period: 'month', asOf: '2025-03-01' }).cohorts[0]
 * [row.cohort, row.start, row.size, row.cells.length] // => ['2025-01', '2025-01-01T00:00:00.000Z', 1, 3]
 */
export interface CohortRow {
  cohort: string;
  /** Start of the cohort's period, ISO-8601 UTC. */
  start: string;
  /** Customers in the cohort (started in its period, at or before `asOf`). */
  size: number;
  /** Cells 0, 1, 2, … up to the last boundary reached by `asOf`; empty while the period is open. */
  cells: CohortCell[];
}

/**
 * The result of `cohortRetention`: one row per cohort, one cell per period since the cohort's start.
 *
 * @example
 * const table = cohortRetention([{ startedAt: '2025-01-05' }, { startedAt: '2025-05-01' }], { period: 'month', asOf: '2025-03-01' })
 * [table.period, table.asOf, table.n, table.excluded] // => ['month', '2025-03-01T00:00:00.000Z', 1, 1]
 * table.warnings[0].code // => 'NOT_STARTED'
 */
export interface CohortRetentionResult {
  kind: 'cohort-retention';
  /** The calendar period of the cohorts and columns, as given in the options. */
  period: CohortPeriod;
  /** When the data was taken, as given in the options; ISO-8601 UTC. */
  asOf: string;
  /** Cohorts in time order; periods in which nobody started have no row. */
  cohorts: CohortRow[];
  /** Customers in the table. */
  n: number;
  /** Records left out because they start after `asOf`. */
  excluded: number;
  /** What the reader should know about the table, e.g. NOT_STARTED when records were left out. */
  warnings: CxWarning[];
}

/**
 * Cohort retention table: customers grouped by the calendar period they started in (UTC; weeks
 * are ISO weeks starting Monday), and for each cohort the share still active after 0, 1, 2, …
 * periods, with a confidence interval per cell.
 *
 * Definition: let S₀ be the start of cohort c's period and S_k the start of the k-th period after
 * it. Cell k counts the cohort's customers **still active at the end of k periods after the
 * cohort's start**: for k ≥ 1, active at the boundary S_k (startedAt ≤ S_k < endedAt, i.e.
 * endedAt > S_k); for k = 0, active at their own start (every customer, except a zero-length
 * subscription with endedAt = startedAt), the conventional 100% column. retained = active / atStart,
 * atStart = the cohort's size, with Wilson's interval by default (Wilson 1927,
 * doi:10.1080/01621459.1927.10502953). Being calendar-aligned, cell 1 of a monthly cohort gives a
 * customer who joined on the 31st one day and one who joined on the 1st a full month (the usual
 * convention of cohort tables; `retentionCurve` measures exact tenure instead).
 *
 * A cell is observable once its boundary has passed: cell k ≥ 1 needs S_k ≤ asOf, and cell 0 needs
 * the cohort's period to have ended (S₁ ≤ asOf), so that the cohort is complete. Cells not yet
 * observable are absent, never zero; a cohort whose period is still open at `asOf` has no cells.
 * Records starting after `asOf` are left out and counted in `excluded` (NOT_STARTED warning).
 * Within a cohort `active` never increases from one cell to the next.
 *
 * @param customers - records `{ id, startedAt, endedAt? }` (Date, ISO-8601 string without offset
 *   read as UTC, or epoch ms; endedAt absent/null/blank while active); not mutated
 * @param options - `period` (`'week'`, `'month'` or `'quarter'`), `asOf` (both required),
 *   `method` (`'wilson'`), `confidence` (0.95)
 * @returns CohortRetentionResult: `cohorts` (rows with `cells`), `n`, `excluded`, `warnings`
 * @throws CxMetricsError EMPTY_INPUT for no records; INVALID_VALUE (with the record index, the
 *   field named in the message) for an unreadable timestamp or an endedAt before its startedAt;
 *   INSUFFICIENT_DATA when every record starts after `asOf`; INVALID_OPTION for a missing period
 *   or asOf, an unknown method, a confidence outside (0, 1), or an unknown option
 * @example
 * const customers = [
 *   { id: 'a', startedAt: '2025-01-05', endedAt: '2025-02-10' },
 *   { id: 'b', startedAt: '2025-01-20' },
 *   { id: 'c', startedAt: '2025-01-31', endedAt: '2025-03-15' },
 *   { id: 'd', startedAt: '2025-02-14' },
 * ]
 * const table = cohortRetention(customers, { period: 'month', asOf: '2025-04-01' })
 * table.cohorts.map((row) => [row.cohort, row.size]) // => [['2025-01', 3], ['2025-02', 1]]
 * table.cohorts[0].cells.map((cell) => cell.active) // => [3, 3, 2, 1]
 * table.cohorts[0].cells[3].retained.value // => 1 / 3
 * table.cohorts[1].cells.map((cell) => cell.period) // => [0, 1, 2]
 */
export function cohortRetention(
  customers: readonly CustomerRecord[],
  options: CohortRetentionOptions,
): CohortRetentionResult {
  const fn = 'cohortRetention';
  const opts = checkOptions(fn, options, ['period', 'asOf', 'method', 'confidence']);
  const period = checkOneOf(fn, 'period', opts.period, COHORT_PERIODS);
  const asOf = timestampOption(fn, 'asOf', opts.asOf);
  const method = checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const { start, end } = readCustomers(fn, customers);

  // Group the end times by cohort start.
  const groups = new Map<number, { ends: number[]; zeroLength: number }>();
  let excluded = 0;
  for (let i = 0; i < start.length; i++) {
    const s = start[i] as number;
    if (s > asOf) {
      excluded++;
      continue;
    }
    // The table grows with the periods between a start and asOf; a century of weeks is a
    // placeholder date (0001-01-01) or a unit mistake, not a cohort.
    if (asOf - s > MAX_COHORT_SPAN_MS) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: customer at index ${i} started ${Math.round((asOf - s) / (365.25 * 86_400_000))} years before asOf; expected at most 100 years (a placeholder date?)`,
        { index: i, value: customers[i] },
      );
    }
    const key = periodStart(period, s);
    let group = groups.get(key);
    if (group === undefined) {
      group = { ends: [], zeroLength: 0 };
      groups.set(key, group);
    }
    const e = end[i] as number;
    group.ends.push(e);
    if (e === s) group.zeroLength++;
  }
  const n = start.length - excluded;
  if (n === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: all ${start.length} customers start after asOf (${iso(asOf)}); expected some with startedAt ≤ asOf`,
    );
  }

  const cohorts: CohortRow[] = [];
  for (const cohortStart of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(cohortStart) as { ends: number[]; zeroLength: number };
    const ends = Float64Array.from(group.ends).sort();
    const atStart = ends.length;
    const cohort = periodLabel(period, cohortStart);
    const cells: CohortCell[] = [];
    if (addPeriods(period, cohortStart, 1) <= asOf) {
      for (let k = 0; ; k++) {
        const boundary = k === 0 ? cohortStart : addPeriods(period, cohortStart, k);
        if (boundary > asOf) break;
        const active = k === 0 ? atStart - group.zeroLength : countAbove(ends, boundary);
        cells.push({
          cohort,
          period: k,
          active,
          atStart,
          retained: proportionIntervalUnchecked(fn, active, atStart, method, confidence),
        });
      }
    }
    cohorts.push({ cohort, start: iso(cohortStart), size: atStart, cells });
  }
  const warnings: CxWarning[] = [];
  if (excluded > 0) {
    warnings.push({
      code: 'NOT_STARTED',
      message: `${fn}: ${excluded} customer${excluded === 1 ? '' : 's'} start after asOf (${iso(asOf)}) and are left out`,
    });
  }
  return printable({ kind: 'cohort-retention', period, asOf: iso(asOf), cohorts, n, excluded, warnings });
}

/** Start (epoch ms, UTC) of the calendar period containing t. */
function periodStart(period: CohortPeriod, t: number): number {
  if (period === 'week') {
    const day = Math.floor(t / DAY_MS);
    // 1970-01-01 was a Thursday: Monday-based weekday index 3.
    const weekday = (((day + 3) % 7) + 7) % 7;
    return (day - weekday) * DAY_MS;
  }
  const date = new Date(t);
  const month = date.getUTCMonth();
  return utcDate(date.getUTCFullYear(), period === 'quarter' ? month - (month % 3) : month, 1).getTime();
}

/** Start of the period k periods after the period starting at `from`. */
function addPeriods(period: CohortPeriod, from: number, k: number): number {
  if (period === 'week') return from + 7 * k * DAY_MS;
  const date = new Date(from);
  return utcDate(date.getUTCFullYear(), date.getUTCMonth() + (period === 'quarter' ? 3 * k : k), 1).getTime();
}

/** '2025-W03' (ISO week-numbering year and week), '2025-01' or '2025-Q1'. */
function periodLabel(period: CohortPeriod, from: number): string {
  const date = new Date(from);
  if (period === 'week') {
    // The ISO week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
    const thursday = new Date(from + 3 * DAY_MS);
    const year = thursday.getUTCFullYear();
    const dayOfYear = Math.round((thursday.getTime() - utcDate(year, 0, 1).getTime()) / DAY_MS);
    return `${yearLabel(year)}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
  }
  const year = yearLabel(date.getUTCFullYear());
  const month = date.getUTCMonth();
  return period === 'quarter'
    ? `${year}-Q${Math.floor(month / 3) + 1}`
    : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** Four digits for years 0–9999, ISO's expanded ±YYYYYY otherwise. */
function yearLabel(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** A kaplanMeier warning re-addressed to the caller. */
function renamed(fn: string, warning: CxWarning): CxWarning {
  return { code: warning.code, message: warning.message.replace(/^kaplanMeier:/, `${fn}:`) };
}

function round(x: number): string {
  return String(Number(x.toPrecision(4)));
}

const MAX_COHORT_SPAN_MS = 100 * 365.25 * 86_400_000;
