import { describe, expect, it } from 'vitest';
import { parseCustomers, parseResponses, parseTickets } from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';
import {
  ABSENT,
  DEFAULT_SCALES,
  missing,
  rawCustomer,
  rawResponse,
  rawTicket,
  record,
  scoreOn,
} from './arbitraries.ts';

/** The rows with every key renamed by `rename`, and the `columns` option that undoes it. */
function renamed(rows: Record<string, unknown>[], rename: (field: string) => string) {
  const fields = new Set(rows.flatMap((r) => Object.keys(r)));
  const columns = Object.fromEntries([...fields].map((f) => [f, rename(f)]));
  const out = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [rename(k), v])));
  return { rows: out, columns };
}

const renaming = fc.constantFrom(
  (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), // submitted_at
  (f: string) => `Export ${f}`,
  (f: string) => f.toUpperCase(),
);

describe('column mapping (properties)', () => {
  it('parsing renamed columns with `columns` gives exactly what the original rows give', () => {
    fc.assert(
      fc.property(
        fc.array(rawResponse(), { maxLength: 6 }),
        fc.array(rawTicket, { maxLength: 4 }),
        fc.array(rawCustomer, { maxLength: 4 }),
        renaming,
        (responses, tickets, customers, rename) => {
          const r = renamed(responses, rename);
          expect(parseResponses(r.rows, { columns: r.columns })).toEqual(parseResponses(responses));
          const t = renamed(tickets, rename);
          expect(parseTickets(t.rows, { columns: t.columns })).toEqual(parseTickets(tickets));
          const c = renamed(customers, rename);
          expect(parseCustomers(c.rows, { columns: c.columns })).toEqual(parseCustomers(customers));
        },
      ),
    );
  });

  it('holes anywhere are reported one each, at their index, and the other rows parse as without them', () => {
    fc.assert(
      fc.property(fc.array(fc.option(rawTicket, { nil: ABSENT }), { maxLength: 12 }), (cells) => {
        const rows: unknown[] = [];
        rows.length = cells.length;
        cells.forEach((cell, i) => {
          if (cell !== ABSENT) rows[i] = cell;
        });
        const holes = cells.flatMap((cell, i) => (cell === ABSENT ? [i] : []));
        const present = cells.flatMap((cell, i) => (cell === ABSENT ? [] : [i]));
        const { data, rows: kept, errors } = parseTickets(rows);
        expect(errors.filter((e) => e.path.length === 0).map((e) => e.index)).toEqual(holes);
        expect(kept).toEqual(present);
        expect(data).toEqual(parseTickets(present.map((i) => cells[i])).data);
      }),
    );
  });
});

describe('wide exports (properties)', () => {
  const answer = (type: 'nps' | 'csat' | 'ces') => fc.oneof(missing, scoreOn(DEFAULT_SCALES[type]));
  const wideRow = fc
    .record({ common: rawResponse(), nps: answer('nps'), csat: answer('csat'), ces: answer('ces') })
    .map(({ common, ...answers }) => {
      const { type: _type, score: _score, ...fields } = common;
      return { fields, answers };
    });
  const isBlank = (v: unknown) => v === ABSENT || v == null || (typeof v === 'string' && v.trim() === '');

  it('a wide export parses as the long export of its non-blank answers', () => {
    fc.assert(
      fc.property(fc.array(wideRow, { maxLength: 6 }), (rows) => {
        const wide = rows.map(({ fields, answers }) =>
          record({ ...fields, nps_score: answers.nps, csat_score: answers.csat, ces_score: answers.ces }),
        );
        const long = rows.flatMap(({ fields, answers }) =>
          (['nps', 'csat', 'ces'] as const).flatMap((type) =>
            isBlank(answers[type]) ? [] : [{ ...fields, type, score: answers[type] }],
          ),
        );
        const from = rows.flatMap(({ answers }, i) =>
          (['nps', 'csat', 'ces'] as const).flatMap((type) => (isBlank(answers[type]) ? [] : [i])),
        );
        const got = parseResponses(wide, { wide: { nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' } });
        expect(got.data).toEqual(parseResponses(long).data);
        expect(got.rows).toEqual(from);
        // Only "no row has this column" notes, when every row left an answer column out.
        expect(got.errors.every((e) => e.index === -1)).toBe(true);
      }),
    );
  });
});
