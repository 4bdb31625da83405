import { type ParsedSchedule, parseSchedule, type Schedule } from './schedule.ts';
import { DAY_MS, MAX_INSTANT_MS, nextTransition, timeZoneFormatter, utcOffsetAt, wallClockMs } from './zonedTime.ts';

// A schedule compiled once, so that businessDuration costs the same for a span of a day or of a
// year: validated once; the weekly timetable as per-weekday windows in ms plus the business ms of
// each prefix of a week (whole weeks in closed form); holidays as sorted day numbers with prefix
// sums of the hours they remove (found by binary search); and the zone's UTC-offset transitions
// cached per year, so an instant's wall time is an offset lookup plus arithmetic, with no Intl
// call per day spanned.

declare const compiledBrand: unique symbol;

/**
 * A schedule validated and compiled once by `compileSchedule`, to pass wherever a `Schedule` is
 * accepted (`businessDuration`, the `businessHours` option of `ttr`, `firstResponseTime` and
 * `slaAttainment`). It is a frozen copy of the schedule's own fields — `JSON.stringify` gives the
 * plain schedule back — and `businessDuration` skips validation for it.
 *
 * @example
 * const compiled = compileSchedule({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } })
 * JSON.stringify(compiled) // => '{"timeZone":"UTC","week":{"mon":[["09:00","17:00"]]}}'
 * businessDuration('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z', compiled) / 3_600_000 // => 8
 */
export interface CompiledSchedule extends Schedule {
  readonly timeZone: string;
  readonly week: Schedule['week'];
  readonly holidays?: readonly string[];
  /** Type brand: only `compileSchedule` makes one. */
  readonly [compiledBrand]: true;
}

/** The zone's UTC offsets over one UTC calendar year [start, end). @internal */
interface YearOffsets {
  start: number;
  end: number;
  /** Instants (whole seconds, increasing, inside (start, end)) at which the offset changes. */
  transitions: number[];
  /** offsets[0] at start; offsets[i] from transitions[i − 1] on. */
  offsets: number[];
}

/** Per-zone cache of offset transitions, filled a year at a time on demand. @internal */
interface ZoneOffsets {
  formatter: Intl.DateTimeFormat;
  years: Map<number, YearOffsets>;
  last: YearOffsets | undefined;
}

/** What the computation reads. @internal */
export interface CompiledData {
  zone: ZoneOffsets;
  /** Business ms in a week without holidays; 0 means nothing can ever count. */
  weeklyMs: number;
  /** Index 0 = Sunday … 6 = Saturday: flattened sorted [open, close, open, close, …] ms after midnight. */
  windows: ReadonlyArray<ReadonlyArray<number>>;
  /** cumulative[r]: business ms of the r days starting on a Thursday (day 0, 1970-01-01), r = 0…7. */
  cumulative: readonly number[];
  /** Holidays as sorted distinct day numbers (wall-clock ms / DAY_MS). */
  holidays: readonly number[];
  /** holidayMs[i]: the business ms the first i holidays remove. */
  holidayMs: readonly number[];
}

const DATA = Symbol('cx-metrics compiled schedule');

// Building a year's transitions costs ~400 Intl calls (about a millisecond), once per zone and
// year; the cache holds only the zones callers name and never changes a result.
const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = { formatter: timeZoneFormatter(timeZone), years: new Map(), last: undefined };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The compiled data of a schedule compiled here, or undefined for anything else. @internal */
export function compiledData(schedule: unknown): CompiledData | undefined {
  return typeof schedule === 'object' && schedule !== null
    ? ((schedule as { [DATA]?: CompiledData })[DATA] ?? undefined)
    : undefined;
}

/**
 * Validate and compile a schedule (INVALID_OPTION naming `fn` for a bad one), or return the data
 * of one already compiled without checking it again. @internal
 */
export function compileData(fn: string, schedule: unknown): CompiledData {
  return compiledData(schedule) ?? fromParsed(parseSchedule(fn, schedule), (schedule as Schedule).timeZone);
}

function fromParsed(parsed: ParsedSchedule, timeZone: string): CompiledData {
  const windows = parsed.week.map((day) => day.flat());
  const dayMs = parsed.week.map((day) => day.reduce((sum, [open, close]) => sum + close - open, 0));
  const cumulative = [0];
  for (let r = 0; r < 7; r++) cumulative.push((cumulative[r] as number) + (dayMs[(r + 4) % 7] as number));
  const holidays = [...parsed.holidays].sort((a, b) => a - b);
  const holidayMs = [0];
  for (const [i, day] of holidays.entries()) {
    holidayMs.push((holidayMs[i] as number) + (dayMs[(((day + 4) % 7) + 7) % 7] as number));
  }
  return { zone: zoneOffsets(timeZone), weeklyMs: parsed.weeklyMs, windows, cumulative, holidays, holidayMs };
}

/**
 * Validate a business-hours schedule once and compile it for fast, repeated `businessDuration`
 * calls: per-weekday windows in milliseconds, whole weeks in closed form, holidays as sorted day
 * numbers found by binary search, and the time zone's UTC-offset changes cached per year (found
 * once through `Intl`), so the cost of a call no longer depends on the length of the span.
 *
 * `businessDuration` accepts a schedule or a compiled one and gives the same result either way;
 * with a compiled one it skips validation. Compile once when measuring many tickets against the
 * same schedule. The result is a frozen copy of the schedule's fields (it type-checks wherever a
 * `Schedule` is accepted, and `JSON.stringify` writes the plain schedule); compiling a compiled
 * schedule returns it unchanged. See docs/business-hours.md.
 *
 * @param schedule - `{ timeZone, week, holidays? }` as for `businessDuration`
 * @returns the compiled schedule, frozen
 * @throws CxMetricsError INVALID_OPTION (naming the path, e.g. `schedule.week.mon[1]`) for an
 *   unknown time zone, a time that is not 'HH:MM', a window whose end is not after its start,
 *   overlapping windows in a day, an unknown weekday or schedule key, or a holiday that is not a
 *   'YYYY-MM-DD' calendar date
 * @example
 * const office = compileSchedule({
 *   timeZone: 'Europe/Warsaw',
 *   week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
 *   holidays: ['2026-12-25'],
 * })
 * businessDuration('2026-12-21T00:00:00Z', '2026-12-28T00:00:00Z', office) / 3_600_000 // => 32 (Mon–Thu; Christmas is a Friday)
 * businessDuration('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', office) / 3_600_000 // => 2080 (261 weekdays, less Christmas)
 * compileSchedule(office) === office // => true
 */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  return compileScheduleFor('compileSchedule', schedule);
}

/** `compileSchedule` with errors naming `fn`. @internal */
export function compileScheduleFor(fn: string, schedule: Schedule): CompiledSchedule {
  if (compiledData(schedule) !== undefined) return schedule as CompiledSchedule;
  const data = fromParsed(parseSchedule(fn, schedule), schedule.timeZone);
  // Validated above: week holds arrays of string pairs, holidays (if given) an array of strings.
  const week: Record<string, readonly (readonly [string, string])[]> = {};
  for (const [day, windows] of Object.entries(schedule.week)) {
    if (windows !== undefined) {
      week[day] = Object.freeze(windows.map(([start, end]) => Object.freeze([start, end] as const)));
    }
  }
  const copy: Record<string | symbol, unknown> = { timeZone: schedule.timeZone, week: Object.freeze(week) };
  if (schedule.holidays !== undefined) copy.holidays = Object.freeze([...schedule.holidays]);
  Object.defineProperty(copy, DATA, { value: data, enumerable: false });
  return Object.freeze(copy) as unknown as CompiledSchedule;
}

const AVERAGE_YEAR_MS = 31_556_952_000; // 365.2425 days

/** The cached offsets of the UTC calendar year holding instant t (|t| ≤ MAX_INSTANT_MS). */
function yearOffsets(zone: ZoneOffsets, t: number): YearOffsets {
  const last = zone.last;
  if (last !== undefined && t >= last.start && t < last.end) return last;
  let year = 1970 + Math.floor(t / AVERAGE_YEAR_MS);
  while (t < wallClockMs(year, 1, 1)) year--;
  while (t >= wallClockMs(year + 1, 1, 1)) year++;
  let entry = zone.years.get(year);
  if (entry === undefined) {
    entry = scanYear(zone.formatter, year);
    zone.years.set(year, entry);
  }
  zone.last = entry;
  return entry;
}

/**
 * A year's offsets: the offset at its start, then every change inside it, found as
 * `nextTransition` finds them (probing once a day, bisecting to the second). Clipped to the
 * instants a Date can hold.
 */
function scanYear(formatter: Intl.DateTimeFormat, year: number): YearOffsets {
  const start = Math.max(wallClockMs(year, 1, 1), -MAX_INSTANT_MS);
  const end = Math.min(wallClockMs(year + 1, 1, 1), MAX_INSTANT_MS + 1);
  const transitions: number[] = [];
  const offsets = [utcOffsetAt(start, formatter)];
  // Transitions fall on whole seconds and `end` is one (or MAX + 1), so (start, end − 1] holds
  // every change before `end`; one exactly at `end` belongs to the next year.
  for (let t = nextTransition(start, end - 1, formatter); t !== undefined; t = nextTransition(t, end - 1, formatter)) {
    transitions.push(t);
    offsets.push(utcOffsetAt(t, formatter));
  }
  return { start, end, transitions, offsets };
}

/**
 * Business ms of the wall-clock range [0, x) (negative for x < 0): whole weeks in closed form, the
 * holidays before x's day subtracted by binary search, then x's own day up to x.
 */
function cumulativeMs(c: CompiledData, x: number): number {
  const day = Math.floor(x / DAY_MS);
  const weeks = Math.floor(day / 7);
  const r = day - 7 * weeks; // days since the Thursday that starts this 7-day block
  let total = weeks * c.weeklyMs + (c.cumulative[r] as number);
  const holidays = c.holidays;
  if (holidays.length > 0) {
    let lo = 0;
    let hi = holidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((holidays[mid] as number) < day) lo = mid + 1;
      else hi = mid;
    }
    total -= c.holidayMs[lo] as number;
    if (holidays[lo] === day) return total;
  }
  const windows = c.windows[(r + 4) % 7] as ReadonlyArray<number>;
  const t = x - day * DAY_MS;
  for (let k = 0; k < windows.length; k += 2) {
    const open = windows[k] as number;
    if (t <= open) break;
    const close = windows[k + 1] as number;
    total += Math.min(t, close) - open;
  }
  return total;
}

/**
 * Milliseconds of [start, end) inside the compiled schedule (both epoch ms within the Date range).
 *
 * Definition: an instant counts when the zone's wall clock at that instant shows a date that is
 * not a holiday and a time inside one of that weekday's windows. So a wall time that never
 * happens (the spring-forward gap) counts nothing, and one that happens twice (the repeated
 * fall-back hour) counts both times.
 *
 * Method: split [start, end) where the zone's UTC offset changes (walking the cached years).
 * Inside each piece wall time is the instant plus a constant, so the piece's
 * business time is the same length of wall-clock timeline: cumulativeMs(until + offset) −
 * cumulativeMs(from + offset), in exact integer arithmetic. Cost: a few operations per offset
 * change in the span, whatever its length, after the first call in a year (~400 Intl calls). @internal
 */
export function compiledScheduledMs(c: CompiledData, start: number, end: number): number {
  if (!(end > start) || c.weeklyMs === 0) return 0;
  let year = yearOffsets(c.zone, start);
  let transitions = year.transitions;
  let i = 0;
  while (i < transitions.length && (transitions[i] as number) <= start) i++;
  let offset = year.offsets[i] as number;
  let total = 0;
  let from = start; // where the current offset took over (or start)
  for (;;) {
    const next = i < transitions.length ? (transitions[i] as number) : year.end;
    if (end <= next) return total + (cumulativeMs(c, end + offset) - cumulativeMs(c, from + offset));
    if (i < transitions.length) i++;
    else {
      year = yearOffsets(c.zone, next);
      transitions = year.transitions;
      i = 0;
    }
    const after = year.offsets[i] as number;
    // A year end is no change unless the offset changes exactly there.
    if (after !== offset) {
      total += cumulativeMs(c, next + offset) - cumulativeMs(c, from + offset);
      from = next;
      offset = after;
    }
  }
}
