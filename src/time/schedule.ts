import { CxMetricsError } from '../errors.ts';
import { closestName } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { DAY_MS, MINUTE_MS, timeZoneFormatter, wallClockMs } from './zonedTime.ts';

/**
 * Day keys of a weekly schedule.
 *
 * @example
 * const weekends = { timeZone: 'UTC', week: { sat: [['10:00', '14:00']], sun: [] } }
 * businessDuration('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', weekends) / 3_600_000 // => 4 (Saturday 10–14; Sunday has no hours)
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Opening hours on one day: `[start, end]` as 'HH:MM' in 24-hour local time, start included and
 * end excluded; '24:00' is allowed as an end and means the end of the day.
 *
 * @example
 * const splitShift = { timeZone: 'UTC', week: { mon: [['09:00', '12:00'], ['13:00', '24:00']] } }
 * businessDuration('2026-03-09T11:00:00Z', '2026-03-10T00:00:00Z', splitShift) / 3_600_000 // => 12 (11–12 and 13–24)
 */
export type BusinessWindow = readonly [start: string, end: string];

/**
 * Business hours: a weekly timetable in a time zone, minus holidays.
 *
 * - `timeZone`: IANA name such as 'America/New_York' (the schedule's local calendar and clock).
 * - `week`: opening windows per weekday, e.g. `{ mon: [['09:00', '12:00'], ['13:00', '17:00']] }`;
 *   a day left out (or given `[]`) has no hours. Windows in a day must not overlap; they may
 *   touch. For a shift past midnight, end it at '24:00' and continue at '00:00' the next day.
 * - `holidays`: 'YYYY-MM-DD' local calendar days with no hours at all.
 *
 * @example
 * const schedule = { timeZone: 'Europe/Paris', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-05-25'] }
 * businessDuration('2026-05-25T00:00:00Z', '2026-05-26T00:00:00Z', schedule) // => 0 (Whit Monday is a holiday)
 * businessDuration('2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z', schedule) / 3_600_000 // => 8
 */
export interface Schedule {
  timeZone: string;
  week: { readonly [day in Weekday]?: readonly BusinessWindow[] };
  holidays?: readonly string[];
}

/** A validated schedule in the form the computation uses. @internal */
export interface ParsedSchedule {
  formatter: Intl.DateTimeFormat;
  /** Index 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`): sorted [start, end) ms after local midnight. */
  week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Local calendar days with no hours, as day numbers (wall-clock ms / DAY_MS). */
  holidays: ReadonlySet<number>;
  /** Scheduled ms in a week without holidays; 0 means nothing can ever count. */
  weeklyMs: number;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const KEYS = ['timeZone', 'week', 'holidays'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(fn: string, message: string, value: unknown, index?: number): CxMetricsError {
  return new CxMetricsError('INVALID_OPTION', `${fn}: ${message}`, index === undefined ? { value } : { value, index });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Validate a schedule once at the boundary and compile it. Every problem is an INVALID_OPTION
 * CxMetricsError whose message names `fn` and the path (`schedule.week.mon[1]`).
 */
export function parseSchedule(fn: string, schedule: unknown): ParsedSchedule {
  if (!isRecord(schedule)) {
    throw invalid(fn, `schedule is ${describe(schedule)}; expected { timeZone, week, holidays? }`, schedule);
  }
  for (const key of Object.keys(schedule)) {
    // A typo such as `holiday` would otherwise drop every holiday without a word.
    if (!KEYS.includes(key)) {
      const closest = closestName(key, KEYS);
      const hint = closest === undefined ? '' : ` (did you mean '${closest}'?)`;
      throw invalid(
        fn,
        `schedule.${key} is not a schedule field: unknown key '${key}'${hint}; expected only timeZone, week and holidays`,
        key,
      );
    }
  }
  const formatter = parseTimeZone(fn, schedule.timeZone);

  const week = schedule.week;
  if (!isRecord(week)) {
    throw invalid(
      fn,
      `schedule.week is ${describe(week)}; expected an object such as { mon: [['09:00', '17:00']] }`,
      week,
    );
  }
  for (const key of Object.keys(week)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw invalid(fn, `schedule.week.${key} is not a weekday; expected keys mon, tue, wed, thu, fri, sat, sun`, key);
    }
  }
  const days = WEEKDAYS.map((day) => parseDay(fn, `schedule.week.${day}`, week[day]));

  const holidays = new Set<number>();
  const list = schedule.holidays;
  if (list !== undefined) {
    if (!Array.isArray(list)) {
      throw invalid(fn, `schedule.holidays is ${describe(list)}; expected an array of 'YYYY-MM-DD' dates`, list);
    }
    list.forEach((text: unknown, i) => {
      const match = typeof text === 'string' ? DATE.exec(text) : null;
      const [year, month, day] = match === null ? [0, 0, 0] : [Number(match[1]), Number(match[2]), Number(match[3])];
      if (match === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        throw invalid(
          fn,
          `schedule.holidays[${i}] is ${describe(text)}; expected a calendar date 'YYYY-MM-DD'`,
          text,
          i,
        );
      }
      holidays.add(wallClockMs(year, month, day) / DAY_MS);
    });
  }

  let weeklyMs = 0;
  for (const windows of days) for (const [start, end] of windows) weeklyMs += end - start;
  return { formatter, week: days, holidays, weeklyMs };
}

function parseTimeZone(fn: string, timeZone: unknown): Intl.DateTimeFormat {
  const expected = "expected an IANA time zone name such as 'America/New_York' or 'UTC'";
  if (typeof timeZone !== 'string' || timeZone === '') {
    throw invalid(fn, `schedule.timeZone is ${describe(timeZone)}; ${expected}`, timeZone);
  }
  try {
    return timeZoneFormatter(timeZone);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw invalid(
      fn,
      `schedule.timeZone is ${describe(timeZone)}, which this platform's Intl does not know; ${expected}`,
      timeZone,
    );
  }
}

function parseDay(fn: string, path: string, windows: unknown): Array<readonly [number, number]> {
  if (windows === undefined) return [];
  if (!Array.isArray(windows)) {
    throw invalid(fn, `${path} is ${describe(windows)}; expected an array of ['HH:MM', 'HH:MM'] windows`, windows);
  }
  const parsed = windows.map((pair: unknown, i): readonly [number, number, number] => {
    const at = `${path}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw invalid(
        fn,
        `${at} is ${describe(pair)}; expected a window [start, end] such as ['09:00', '17:00']`,
        pair,
        i,
      );
    }
    const start = parseTime(fn, `${at}[0]`, pair[0], false);
    const end = parseTime(fn, `${at}[1]`, pair[1], true);
    if (end <= start) {
      throw invalid(
        fn,
        `${at} is ['${pair[0]}', '${pair[1]}']; expected the end after the start (for a shift past midnight, ` +
          `end it at '24:00' and continue at '00:00' the next day)`,
        pair,
        i,
      );
    }
    return [start, end, i];
  });
  parsed.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < parsed.length; k++) {
    const [start, , i] = parsed[k] as readonly [number, number, number];
    const [, previousEnd, j] = parsed[k - 1] as readonly [number, number, number];
    if (start < previousEnd) {
      const [a, b] = i < j ? [i, j] : [j, i];
      throw invalid(fn, `${path}[${b}] overlaps ${path}[${a}]; windows in a day must not overlap`, windows[b], b);
    }
  }
  return parsed.map(([start, end]) => [start, end] as const);
}

/** 'HH:MM' to ms after midnight; '24:00' only as an end. */
function parseTime(fn: string, path: string, text: unknown, isEnd: boolean): number {
  if (isEnd && text === '24:00') return DAY_MS;
  const match = typeof text === 'string' ? TIME.exec(text) : null;
  if (match === null) {
    const range = isEnd ? "from '00:01' to '24:00'" : "from '00:00' to '23:59'";
    throw invalid(fn, `${path} is ${describe(text)}; expected a 24-hour time 'HH:MM' ${range}`, text);
  }
  return (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
}
