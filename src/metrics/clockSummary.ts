import { CxMetricsError } from '../errors.ts';
import { isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { summaryCount } from '../summary/check.ts';
import type { SummaryNotes } from '../summary/types.ts';
import type { Schedule } from '../time/businessDuration.ts';
import { compileScheduleFor } from '../time/compiledSchedule.ts';
import type { WarningCode } from '../warnings.ts';

// Pieces shared by the summaries of ticket clocks (SLA, resolution and first-response times):
// the clock and its schedule as plain JSON, compared when summaries merge, and the counts of
// records behind data warnings.

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The data notes a ticket-clock summary may carry. @internal */
export const CLOCK_NOTES: readonly WarningCode[] = [
  'AFTER_AS_OF',
  'RESPONSE_AFTER_RESOLUTION',
  'CLOSED_WITHOUT_RESPONSE',
];

/**
 * A checked schedule as plain JSON in one canonical form (weekdays Monday first, holidays sorted
 * without repeats), so two schedules that mean the same compare equal. @internal
 */
export function scheduleCopy(schedule: Schedule): Schedule {
  const week: Record<string, [string, string][]> = {};
  for (const day of WEEKDAYS) {
    const windows = schedule.week[day];
    if (windows !== undefined) week[day] = windows.map((w) => [w[0], w[1]]);
  }
  const copy: Schedule = { timeZone: schedule.timeZone, week };
  if (schedule.holidays !== undefined) copy.holidays = [...new Set(schedule.holidays)].sort();
  return copy;
}

/** The clock fields of a summary: `{ clock, schedule? }`, the schedule only for business time. @internal */
export function clockFields(
  clock: 'elapsed' | 'business',
  schedule: Schedule | undefined,
): { clock: 'elapsed' | 'business'; schedule?: Schedule } {
  return clock === 'business' && schedule !== undefined ? { clock, schedule: scheduleCopy(schedule) } : { clock };
}

/** Check the clock and schedule of a summary from outside (INVALID_VALUE naming the field). @internal */
export function checkClockFields(
  fn: string,
  o: Record<string, unknown>,
): { clock: 'elapsed' | 'business'; schedule?: Schedule } {
  if (o.clock !== 'elapsed' && o.clock !== 'business') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: clock is ${describe(o.clock)}; expected 'elapsed' or 'business'`,
      {
        value: o.clock,
      },
    );
  }
  if (o.clock === 'elapsed') {
    if (o.schedule !== undefined) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: schedule is given but clock is 'elapsed'; expected no schedule`,
        {
          value: o.schedule,
        },
      );
    }
    return { clock: 'elapsed' };
  }
  try {
    compileScheduleFor('schedule', o.schedule as Schedule);
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: clock is 'business' but the schedule is not valid: ${error.message.replace(/^[\w.]+: /, '')}`,
      { value: o.schedule },
    );
  }
  return { clock: 'business', schedule: scheduleCopy(o.schedule as Schedule) };
}

/** INVALID_VALUE unless both summaries measure on the same clock with the same schedule. @internal */
export function sameClock(
  fn: string,
  a: { clock: string; schedule?: Schedule },
  b: { clock: string; schedule?: Schedule },
): void {
  if (a.clock !== b.clock) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different clocks: '${a.clock}' and '${b.clock}'`,
      { value: b.clock },
    );
  }
  const sa = a.schedule === undefined ? undefined : JSON.stringify(scheduleCopy(a.schedule));
  const sb = b.schedule === undefined ? undefined : JSON.stringify(scheduleCopy(b.schedule));
  if (sa !== sb) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different schedules: ${render(sa)} and ${render(sb)}`,
      { value: b.schedule },
    );
  }
}

function render(text: string | undefined): string {
  if (text === undefined) return 'none';
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** `{ notes }` when some count is above 0, else nothing (the field is left out). @internal */
export function notesField(notes: SummaryNotes | undefined): { notes?: SummaryNotes } {
  if (notes === undefined) return {};
  const kept: SummaryNotes = {};
  let any = false;
  for (const code of CLOCK_NOTES) {
    const count = notes[code] ?? 0;
    if (count > 0) {
      kept[code] = count;
      any = true;
    }
  }
  return any ? { notes: kept } : {};
}

/** Notes of two summaries added. @internal */
export function mergeNotes(a: SummaryNotes | undefined, b: SummaryNotes | undefined): { notes?: SummaryNotes } {
  const sum: SummaryNotes = {};
  for (const code of CLOCK_NOTES) sum[code] = (a?.[code] ?? 0) + (b?.[code] ?? 0);
  return notesField(sum);
}

/** Check the notes of a summary from outside: known codes, whole counts. @internal */
export function checkNotes(fn: string, x: unknown): { notes?: SummaryNotes } {
  if (x === undefined) return {};
  if (!isPlainObject(x)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: notes is ${describe(x)}; expected { AFTER_AS_OF?: count, … }`, {
      value: x,
    });
  }
  const notes: SummaryNotes = {};
  for (const [key, value] of Object.entries(x)) {
    if (!(CLOCK_NOTES as readonly string[]).includes(key)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: notes.${key} is not a note of this summary; expected ${CLOCK_NOTES.join(', ')}`,
        { value: key },
      );
    }
    notes[key as WarningCode] = summaryCount(fn, `notes.${key}`, value);
  }
  return notesField(notes);
}
