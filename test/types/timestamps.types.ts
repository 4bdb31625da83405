// Type tests of the parsers' timestamp options (timestampUnit, timeZone): the calls a user writes
// compile, misspelled or mistyped options do not (each `@ts-expect-error` line must be an error).
import {
  type ParseCustomersOptions,
  type ParseResponsesOptions,
  type ParseTicketsOptions,
  parseCustomers,
  parseCustomersOrThrow,
  parseResponses,
  parseResponsesOrThrow,
  parseTickets,
  parseTicketsOrThrow,
  type TimestampParseOptions,
  type TimestampUnit,
} from '../../src/schemas/index.ts';
import { type Equal, expectTrue } from './expect.ts';

const rows = [{ id: 'T-1', createdAt: '1777626000' }];

parseTickets(rows, { timestampUnit: 's' });
parseTicketsOrThrow(rows, { timestampUnit: 'ms', timeZone: 'Europe/Warsaw' });
parseCustomers(rows, { timeZone: 'UTC' });
parseCustomersOrThrow(rows, {});
parseResponses(rows, { timestampUnit: 's', csatScale: { min: 1, max: 7 } });
parseResponsesOrThrow(rows, { timeZone: 'America/New_York', journeyStages: ['trial'] });

expectTrue<Equal<TimestampUnit, 'ms' | 's'>>();
expectTrue<Equal<ParseTicketsOptions['timestampUnit'], TimestampUnit | undefined>>();
expectTrue<Equal<ParseCustomersOptions['timeZone'], string | undefined>>();
const responseOptions: TimestampParseOptions = { timestampUnit: 's' } satisfies ParseResponsesOptions;
void responseOptions;

// @ts-expect-error a unit is 'ms' or 's', not a word
parseTickets(rows, { timestampUnit: 'seconds' });
// @ts-expect-error a unit is a string, not a factor
parseCustomers(rows, { timestampUnit: 1000 });
// @ts-expect-error misspelled option
parseTicketsOrThrow(rows, { timestampUnits: 's' });
// @ts-expect-error the zone is an IANA name (a string), not an offset in hours
parseResponses(rows, { timeZone: 2 });
