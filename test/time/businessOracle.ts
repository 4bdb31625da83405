// The per-day algorithm businessDuration used before schedules were compiled, kept verbatim as a
// test oracle for the compiled fast path (test/time/businessCompiled.prop.test.ts). It cuts the
// span where the zone's UTC offset changes (found by probing Intl once a day, then bisecting) and
// walks each piece's wall-clock range day by day against the timetable: slow (one Intl call per
// day spanned) but plainly the definition.
import { type ParsedSchedule, parseSchedule, type Schedule } from '../../src/time/schedule.ts';
import { DAY_MS, nextTransition, utcOffsetAt } from '../../src/time/zonedTime.ts';

/** Business ms of [start, end) (epoch ms, start ≤ end) by the old per-day walk. */
export function slowBusinessDuration(start: number, end: number, schedule: Schedule): number {
  return scheduledMsPerDay(parseSchedule('slowBusinessDuration', schedule), start, end);
}

function scheduledMsPerDay(schedule: ParsedSchedule, start: number, end: number): number {
  if (!(end > start) || schedule.weeklyMs === 0) return 0;
  let total = 0;
  for (let from = start; from < end; ) {
    const offset = utcOffsetAt(from, schedule.formatter);
    const until = nextTransition(from, end, schedule.formatter) ?? end;
    total += wallClockScheduledMs(schedule, from + offset, until + offset);
    from = until;
  }
  return total;
}

/** Scheduled ms of the wall-clock range [from, to) (naive wall-clock ms, no transitions inside). */
function wallClockScheduledMs(schedule: ParsedSchedule, from: number, to: number): number {
  let total = 0;
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
    if (schedule.holidays.has(day)) continue;
    // Day 0 (1970-01-01) was a Thursday.
    const windows = schedule.week[(((day + 4) % 7) + 7) % 7] as ReadonlyArray<readonly [number, number]>;
    const midnight = day * DAY_MS;
    for (const [open, close] of windows) {
      const lo = Math.max(from, midnight + open);
      const hi = Math.min(to, midnight + close);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}
