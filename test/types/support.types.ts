// Type tests of the support metrics (ttr, firstResponseTime, slaAttainment, fcr, fcrFromCounts)
// and businessDuration: the calls a user writes compile with the types they should have; common
// misuses do not (each `@ts-expect-error` line must be an error).
import {
  businessDuration,
  type DurationResult,
  type FcrDefinition,
  type FcrResult,
  fcr,
  fcrFromCounts,
  firstResponseTime,
  type Schedule,
  type SlaResult,
  slaAttainment,
  type TicketRecord,
  ttr,
} from '../../src/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const tickets: TicketRecord[] = [
  { id: 'T-1', createdAt: '2026-05-01T09:00Z', firstResponseAt: '2026-05-01T09:20Z', resolvedAt: '2026-05-01T11:00Z' },
  { id: 'T-2', createdAt: new Date('2026-05-01T10:00Z'), agentReplies: 1, customerContacts: 1 },
];
const durations = [3_600_000, 7_200_000, 10_000_000];
const schedule: Schedule = { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-05-01'] };

// ttr and firstResponseTime take tickets or plain durations (ms)
expectTrue<Equal<ReturnType<typeof ttr>, DurationResult>>();
expectTrue<Equal<ReturnType<typeof firstResponseTime>, DurationResult>>();
ttr(tickets, { asOf: '2026-05-02T00:00Z', percentiles: [0.5, 0.9, 0.99], businessHours: schedule });
ttr(durations, { events: [1, 1, 0], meanMethod: 'bootstrap-bca', seed: 1 });
firstResponseTime(new Float64Array(durations), { confidence: 0.9 });
expectType<number>(ttr(durations).median.value);
const resolution = ttr(durations);
// @ts-expect-error a result where the tickets go
ttr(resolution);
// @ts-expect-error one duration is not a sample
ttr(3_600_000);
// @ts-expect-error durations are numbers of ms, not strings
ttr(['1h', '2h']);
// @ts-expect-error a misspelt option key (businessHours)
ttr(tickets, { businessHour: schedule });
// @ts-expect-error asOf is a timestamp, not a boolean
ttr(tickets, { asOf: true });
// @ts-expect-error the mean's interval methods are 't' and 'bootstrap-bca'
ttr(durations, { meanMethod: 'bootstrap' });
// @ts-expect-error a ticket needs createdAt
ttr([{ id: 'T-3', resolvedAt: '2026-05-01T11:00Z' }]);

// slaAttainment(tickets | durations, targetMs, options?)
expectTrue<Equal<ReturnType<typeof slaAttainment>, SlaResult>>();
slaAttainment(tickets, 3_600_000, { field: 'firstResponse', asOf: '2026-05-02T00:00Z' });
slaAttainment(durations, 4 * 3_600_000, { method: 'clopper-pearson' });
// @ts-expect-error arguments in the wrong order
slaAttainment(3_600_000, tickets);
// @ts-expect-error the target is a number of ms, not '1h'
slaAttainment(tickets, '1h');
// @ts-expect-error the target is required
slaAttainment(tickets);
// @ts-expect-error the clock is 'resolution' or 'firstResponse'
slaAttainment(tickets, 3_600_000, { field: 'response' });

// fcr(tickets, { definition, … }): the definition has no default
expectTrue<Equal<ReturnType<typeof fcr>, FcrResult>>();
const definition: FcrDefinition = 'one-touch';
fcr(tickets, { definition });
fcr(tickets, { definition: 'no-repeat-within', windowMs: 7 * 86_400_000, asOf: '2026-06-01' });
fcr(tickets, { definition: 'reported', missing: 'exclude', method: 'wilson', confidence: 0.9 });
// @ts-expect-error the definition is required
fcr(tickets, {});
// @ts-expect-error the options (with the definition) are required
fcr(tickets);
// @ts-expect-error an unknown definition
fcr(tickets, { definition: 'first-contact' });
// @ts-expect-error a misspelt option key (definition)
fcr(tickets, { defintion: 'one-touch' });
// @ts-expect-error windowMs is a number of ms
fcr(tickets, { definition: 'no-repeat-within', windowMs: '7d' });
// @ts-expect-error durations are not tickets
fcr(durations, { definition: 'one-touch' });

// fcrFromCounts({ firstContact, total }, options?)
expectType<FcrResult>(fcrFromCounts({ firstContact: 80, total: 100 }, { definition: 'reported' }));
fcrFromCounts({ firstContact: 80, total: 100 });
// @ts-expect-error counts are an object, not two numbers
fcrFromCounts(80, 100);
// @ts-expect-error the count names are firstContact and total
fcrFromCounts({ resolved: 80, total: 100 });
// @ts-expect-error counts are numbers
fcrFromCounts({ firstContact: '80', total: 100 });

// businessDuration(start, end, schedule)
expectType<number>(businessDuration('2026-05-04T08:00Z', new Date('2026-05-04T18:00Z'), schedule));
businessDuration(Date.UTC(2026, 4, 4, 8), Date.UTC(2026, 4, 4, 18), { timeZone: 'UTC', week: {} });
// @ts-expect-error the schedule is required
businessDuration('2026-05-04T08:00Z', '2026-05-04T18:00Z');
// @ts-expect-error the schedule goes last
businessDuration(schedule, '2026-05-04T08:00Z', '2026-05-04T18:00Z');
// @ts-expect-error weekdays are 'mon' … 'sun'
businessDuration(0, 1, { timeZone: 'UTC', week: { monday: [['09:00', '17:00']] } });
// @ts-expect-error a window is a [start, end] pair of 'HH:MM' strings
businessDuration(0, 1, { timeZone: 'UTC', week: { mon: [[9, 17]] } });
// @ts-expect-error the time zone is required
businessDuration(0, 1, { week: { mon: [['09:00', '17:00']] } });
