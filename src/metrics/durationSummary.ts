import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { mergeSurvivalTables, survivalTable, tableArrays, tableSize } from '../stats/kaplanMeierTable.ts';
import { sortDurations } from '../stats/sortDurations.ts';
import { describe } from '../stats/validate.ts';
import { summaryArray, summaryCount, summaryFields, summaryNumber } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { DurationSummary } from '../summary/types.ts';
import type { Schedule } from '../time/businessDuration.ts';
import { checkClockFields, checkNotes, clockFields, mergeNotes, notesField, sameClock } from './clockSummary.ts';
import { type DurationResult, type DurationTable, durationStatistics, resolveDurationOptions } from './durations.ts';
import { COMPLETED, readTicketClock, type TicketClockField, type TicketClockOptions } from './tickets.ts';

// The duration summary families ('ttr' and 'first-response'): the table of distinct durations
// with the events and censored observations at each — the sufficient statistic of Kaplan–Meier
// (and, with nothing censored, of the order statistics and the mean) — its clock and unit.
// `ttr` is `estimate(summarize('ttr', …))`, `firstResponseTime` likewise with 'first-response'.

/**
 * Options of `summarize('ttr' | 'first-response', input, …)`: those of `ttr` that shape the table
 * (`asOf`, `businessHours`, `events`); the statistics' options belong to `estimate`.
 *
 * @example
 * summarize('ttr', [3, 1], { events: [1, 0] }).censored // => [1, 0]
 */
export type DurationSummaryOptions = TicketClockOptions;

/** Options that shape a duration summary. @internal */
export const DURATION_SUMMARY_KEYS = ['asOf', 'businessHours', 'events'] as const;
/** Options of the duration estimate. @internal */
export const DURATION_ESTIMATE_KEYS = [
  'confidence',
  'percentiles',
  'meanMethod',
  'resamples',
  'seed',
  'rng',
  'horizon',
  'confType',
] as const;

type DurationKind = DurationSummary['kind'];

/** Read tickets (or plain durations) into a duration summary of the given kind. @internal */
export function summarizeDurations(
  fn: string,
  input: unknown,
  kind: DurationKind,
  options: TicketClockOptions,
): DurationSummary {
  const { table, clock, notes } = readDurationTable(fn, input, kind, options);
  return {
    kind,
    version: 1,
    ...clockFields(clock, options.businessHours as Schedule | undefined),
    unit: 'ms',
    ...tableArrays(table),
    ...notesField(notes),
  };
}

/**
 * What `summarizeDurations` reads, the table still as typed columns: `ttr` and
 * `firstResponseTime` estimate from it directly, skipping the summary's plain arrays (the same
 * numbers, so the same result as `estimate(summarize(…))`). @internal
 */
export function durationTableOf(
  fn: string,
  input: unknown,
  kind: DurationKind,
  options: TicketClockOptions,
): DurationTable {
  const { table, clock, notes } = readDurationTable(fn, input, kind, options);
  return { ...table, clock, ...notesField(notes) };
}

function readDurationTable(fn: string, input: unknown, kind: DurationKind, options: TicketClockOptions) {
  const field: TicketClockField = kind === 'ttr-summary' ? 'resolution' : 'firstResponse';
  const { durations, status, clock, notes } = readTicketClock(fn, input, field, options);
  let eventCount = 0;
  for (let i = 0; i < status.length; i++) if (status[i] === COMPLETED) eventCount++;
  const eventTimes = new Float64Array(eventCount);
  const censorTimes = new Float64Array(durations.length - eventCount);
  for (let i = 0, a = 0, b = 0; i < durations.length; i++) {
    if (status[i] === COMPLETED) eventTimes[a++] = durations[i] as number;
    else censorTimes[b++] = durations[i] as number;
  }
  const table = survivalTable(sortDurations(eventTimes), sortDurations(censorTimes));
  return { table, clock, notes };
}

/** Check a duration summary from outside and copy it. @internal */
export function checkDurationSummary(fn: string, s: unknown, kind: DurationKind): DurationSummary {
  const o = summaryFields(fn, s, kind, [
    'kind',
    'version',
    'clock',
    'schedule',
    'unit',
    'times',
    'events',
    'censored',
    'notes',
  ]);
  const clock = checkClockFields(fn, o);
  if (o.unit !== 'ms') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: unit is ${describe(o.unit)}; expected 'ms'`, { value: o.unit });
  }
  const times = summaryArray(fn, 'times', o.times, undefined, (f, name, x) =>
    summaryNumber(f, name, x, 'non-negative'),
  );
  const events = summaryArray(fn, 'events', o.events, times.length, summaryCount);
  const censored = summaryArray(fn, 'censored', o.censored, times.length, summaryCount);
  for (let k = 0; k < times.length; k++) {
    if (k > 0 && !((times[k] as number) > (times[k - 1] as number))) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: times[${k}] is ${times[k]}, not after times[${k - 1}] (${times[k - 1]}); expected distinct times in increasing order`,
        { index: k, value: times[k] },
      );
    }
    if ((events[k] as number) + (censored[k] as number) === 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: times[${k}] (${times[k]}) has no events and nothing censored; expected only times that were observed`,
        { index: k, value: times[k] },
      );
    }
  }
  return { kind, version: 1, ...clock, unit: 'ms', times, events, censored, ...checkNotes(fn, o.notes) };
}

/** Two duration summaries added, table by distinct time; INVALID_VALUE for another clock or schedule. @internal */
export function mergeDurationSummaries(fn: string, a: DurationSummary, b: DurationSummary): DurationSummary {
  sameClock(fn, a, b);
  const table = mergeSurvivalTables(a, b);
  return {
    kind: a.kind,
    version: 1,
    ...clockFields(a.clock, a.schedule),
    unit: 'ms',
    ...table,
    ...mergeNotes(a.notes, b.notes),
  };
}

/** Median, mean and percentiles from a duration summary. @internal */
export function estimateDurations(fn: string, s: DurationSummary, options: Record<string, unknown>): DurationResult {
  const settings = resolveDurationOptions(fn, options);
  if (tableSize(s) === 0) {
    throw new CxMetricsError('EMPTY_INPUT', `${fn}: the summary holds no durations; expected at least one`);
  }
  const field: TicketClockField = s.kind === 'ttr-summary' ? 'resolution' : 'firstResponse';
  return printable(durationStatistics(fn, s, field, settings));
}

function durationFamily(
  metric: 'ttr' | 'first-response',
  kind: DurationKind,
): SummaryFamily<DurationSummary, DurationResult> {
  return {
    metric,
    kind,
    summarizeKeys: DURATION_SUMMARY_KEYS,
    estimateKeys: DURATION_ESTIMATE_KEYS,
    summarize: (fn, input, o) => summarizeDurations(fn, input, kind, o as TicketClockOptions),
    merge: mergeDurationSummaries,
    check: (fn, s) => checkDurationSummary(fn, s, kind),
    estimate: estimateDurations,
  };
}

/** The time-to-resolution summary family. @internal */
export const TTR_FAMILY = /* @__PURE__ */ durationFamily('ttr', 'ttr-summary');
/** The first-response-time summary family. @internal */
export const FIRST_RESPONSE_FAMILY = /* @__PURE__ */ durationFamily('first-response', 'first-response-summary');
