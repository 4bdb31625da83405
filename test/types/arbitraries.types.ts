// Type tests of cx-metrics/arbitraries: the arbitraries have the types a property needs (rows to
// hand to the parsers, `{ row, path }` to compare with a RowError, score arrays for the metrics),
// and common misuses do not compile (each `@ts-expect-error` line must be an error).
import type * as fc from 'fast-check';
import {
  customerRow,
  type FaultyRow,
  type faultyCustomerRow,
  faultyResponseRow,
  faultyTicketRow,
  type RawRow,
  responseRow,
  scores,
  ticketRow,
} from '../../src/arbitraries/index.ts';
import { nps } from '../../src/index.ts';
import { parseResponses, type RowError, SURVEY_SCALES } from '../../src/schemas/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

expectTrue<Equal<ReturnType<typeof responseRow>, fc.Arbitrary<RawRow>>>();
expectTrue<Equal<ReturnType<typeof ticketRow>, fc.Arbitrary<RawRow>>>();
expectTrue<Equal<ReturnType<typeof customerRow>, fc.Arbitrary<RawRow>>>();
expectTrue<Equal<ReturnType<typeof faultyResponseRow>, fc.Arbitrary<FaultyRow>>>();
expectTrue<Equal<ReturnType<typeof faultyTicketRow>, fc.Arbitrary<FaultyRow>>>();
expectTrue<Equal<ReturnType<typeof faultyCustomerRow>, fc.Arbitrary<FaultyRow>>>();

// A drawn row goes to the parser as is; a fault's path compares with a RowError's path.
declare const row: RawRow;
declare const faulty: FaultyRow;
parseResponses([row, faulty.row]);
declare const error: RowError;
expectType<RowError['path']>(faulty.path);
expectType<FaultyRow['path']>(error.path);

// The questionnaire options take the parsers' scale presets as they are.
responseRow({ format: 'csv', types: ['nps', 'csat'], csatScale: SURVEY_SCALES.csat7, journeyStages: ['trial'] });
faultyResponseRow({ cesScale: SURVEY_SCALES.cesLegacy });
// …and the parsers' time reading.
ticketRow({ timestampUnit: 's', timeZone: 'Europe/Warsaw', columns: { createdAt: 'created_at' } });

// scores: plain score arrays feed the metrics; with skipped answers they include null/undefined.
const plain = scores({ scale: 'nps' });
expectTrue<Equal<typeof plain, fc.Arbitrary<number[]>>>();
const withSkipped = scores({ scale: 'csat', skipped: true });
expectTrue<Equal<typeof withSkipped, fc.Arbitrary<(number | null | undefined)[]>>>();
declare const drawn: number[];
nps(drawn);

// Misuses
// @ts-expect-error: column names are strings
customerRow({ columns: { id: 1 } });
// @ts-expect-error: not a timestamp unit
customerRow({ timestampUnit: 'sec' });
// @ts-expect-error: an unknown format
ticketRow({ format: 'xlsx' });
// @ts-expect-error: a misspelled option
customerRow({ formats: 'csv' });
// @ts-expect-error: not a survey type
responseRow({ types: ['nss'] });
// @ts-expect-error: an unknown scale name
scores({ scale: 'stars' });
// @ts-expect-error: a scale without max
scores({ scale: { min: 1 } });
// @ts-expect-error: ticket rows take no questionnaire options
faultyTicketRow({ csatScale: SURVEY_SCALES.csat7 });
