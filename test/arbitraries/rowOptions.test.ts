import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_FIELDS,
  perFormat,
  renameRow,
  resolveColumns,
  resolveFormat,
  resolveReading,
  TICKET_FIELDS,
} from '../../src/arbitraries/cells.ts';
import { customerRowIn } from '../../src/arbitraries/customerRow.ts';
import { customerRow, faultyCustomerRow, faultyTicketRow, ticketRow } from '../../src/arbitraries/index.ts';
import { ticketRowIn } from '../../src/arbitraries/ticketRow.ts';
import type { RowOptions } from '../../src/arbitraries/types.ts';

// customerRow and ticketRow read their options through one helper (rowArbitrary). What they draw
// must be what the steps spelt out draw — formats per row, the one-format builder under the
// reading, the columns renamed — to the row, for the same seed.
const OPTIONS = [
  undefined,
  { format: 'csv' as const },
  { format: 'json' as const, timestampUnit: 's' as const },
  { timeZone: 'Europe/Berlin', columns: { id: 'ID', startedAt: 'start', createdAt: 'opened' } },
];

function spelt(
  fn: string,
  o: RowOptions,
  fields: readonly string[],
  required: readonly string[],
  rowIn: typeof customerRowIn,
) {
  const reading = resolveReading(fn, o as Record<string, unknown>);
  const columns = resolveColumns(fn, o.columns, fields, required);
  return perFormat(resolveFormat(fn, o.format), (format) => rowIn(format, reading)).map((row) =>
    renameRow(row, columns),
  );
}

const CASES = [
  ['customerRow', customerRow, CUSTOMER_FIELDS, ['id', 'startedAt'], customerRowIn],
  ['ticketRow', ticketRow, TICKET_FIELDS, ['id', 'createdAt'], ticketRowIn],
] as const;

describe('the row arbitraries draw what their steps draw', () => {
  it.each(CASES)(
    '%s: the same rows as the steps spelt out, for every seed and option set',
    (fn, make, fields, required, rowIn) => {
      for (const options of OPTIONS) {
        const o: RowOptions = { ...options };
        if (options?.columns !== undefined) {
          o.columns = Object.fromEntries(
            Object.entries(options.columns).filter(([k]) => (fields as readonly string[]).includes(k)),
          );
        }
        for (const seed of [1, 42, 20261202]) {
          const got = fc.sample(make(o), { numRuns: 40, seed });
          const want = fc.sample(spelt(fn, o, fields, required, rowIn), { numRuns: 40, seed });
          expect(got).toEqual(want);
        }
      }
    },
  );

  it.each([
    ['customerRow', customerRow],
    ['ticketRow', ticketRow],
    ['faultyCustomerRow', faultyCustomerRow],
    ['faultyTicketRow', faultyTicketRow],
  ] as const)(
    '%s reports the first mistake: an unknown key, then the unit, then the columns, then the format',
    (fn, make) => {
      const message = (o: unknown) => {
        try {
          make(o as never);
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      };
      expect(message({ nope: 1, format: 'x' })).toMatch(new RegExp(`^${fn}: .*nope`));
      expect(message({ timestampUnit: 'h', format: 'x' })).toMatch(new RegExp(`^${fn}: timestampUnit`));
      expect(message({ columns: { zz: 'a' }, format: 'x' })).toMatch(new RegExp(`^${fn}: columns`));
      expect(message({ format: 'x' })).toMatch(new RegExp(`^${fn}: format is "x"`));
    },
  );
});
