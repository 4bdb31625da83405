import { describe, expect, it } from 'vitest';
import {
  HOLES_LISTED,
  parseCustomers,
  parseResponses,
  parseResponsesOrThrow,
  parseTickets,
} from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

// A time in epoch milliseconds (numbers before 2000 are refused as looking like seconds).
const T = Date.parse('2026-05-01T09:00:00Z');

const HOLE = 'expected a row (a record); the array has a hole here (a sparse array), so there is no row to read';
const response = { type: 'nps', submittedAt: '2026-05-01', score: '9' };

/** A sparse array of the given length with rows at the given indices (built without a literal). */
function sparse(length: number, rows: Record<number, unknown>): unknown[] {
  const a: unknown[] = [];
  a.length = length;
  for (const [i, row] of Object.entries(rows)) a[Number(i)] = row;
  return a;
}

describe('holes in row arrays', () => {
  it('reports holes ([ , row, , ]) as bad rows with their index, never drops them', () => {
    // biome-ignore lint/suspicious/noSparseArray: the holes are the point of the test
    const rows = [, response, ,];
    expect(rows).toHaveLength(3);
    const { data, rows: kept, errors } = parseResponses(rows);
    expect(kept).toEqual([1]);
    expect(data.map((r) => r.score)).toEqual([9]);
    expect(errors).toEqual([
      { index: 0, path: [], message: HOLE },
      { index: 2, path: [], message: HOLE },
    ]);
  });

  it('reports holes in row order among the other problems', () => {
    const rows = sparse(4, { 1: { type: 'nps', submittedAt: 'May 1' }, 3: response });
    expect(parseResponses(rows).errors.map((e) => [e.index, e.path])).toEqual([
      [0, []],
      [1, ['submittedAt']],
      [2, []],
    ]);
  });

  it('reports holes the same way in tickets and customers', () => {
    const tickets = sparse(2, { 1: { id: 'T-1', createdAt: T } });
    expect(parseTickets(tickets).errors).toEqual([{ index: 0, path: [], message: HOLE }]);
    const customers = sparse(2, { 0: { id: 'a', startedAt: T } });
    expect(parseCustomers(customers).errors).toEqual([{ index: 1, path: [], message: HOLE }]);
  });

  it('keeps an explicit undefined a bad row of its own (it is there, and not a record)', () => {
    expect(parseResponses([undefined]).errors).toEqual([
      { index: 0, path: [], message: 'expected a survey response record (an object); got undefined' },
    ]);
  });

  it('the throwing variant lists the holes row by row', () => {
    expect(thrown(() => parseResponsesOrThrow(sparse(2, { 1: response }))).message).toBe(
      `parseResponsesOrThrow: 1 problem(s) in 1 row(s):\n  row 0: ${HOLE}`,
    );
  });
});

describe('huge sparse arrays and impossible lengths', () => {
  it('a sparse array of length 2³² − 1 with one row parses that row and reports the holes in 1001 errors', () => {
    const rows = sparse(2 ** 32 - 1, { 5: response });
    const { data, rows: kept, errors } = parseResponses(rows);
    expect(kept).toEqual([5]);
    expect(data).toHaveLength(1);
    // The first HOLES_LISTED holes one by one (0–4, then 6–1000), the rest as one run.
    expect(HOLES_LISTED).toBe(1000);
    expect(errors).toHaveLength(HOLES_LISTED + 1);
    expect(errors.slice(0, 6).map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(errors[HOLES_LISTED - 1]).toEqual({ index: 1000, path: [], message: HOLE });
    const run = errors[HOLES_LISTED];
    expect(run).toEqual({
      index: 1001,
      path: [],
      count: 2 ** 32 - 1 - 1001,
      message: `expected rows; the array has ${2 ** 32 - 1 - 1001} holes from index 1001 to ${2 ** 32 - 2} (a sparse array; holes after the first 1000 are reported one error per run)`,
    });
    // Every index is accounted for: the row, the single holes and the run.
    const accounted = kept.length + errors.reduce((sum, e) => sum + (e.count ?? 1), 0);
    expect(accounted).toBe(2 ** 32 - 1);
  });

  it('a huge sparse array with rows far apart reports one run per gap, in order', () => {
    const rows = sparse(2 ** 31, { 0: response, 2000: response, [2 ** 30]: { type: 'nps' } });
    const { rows: kept, errors } = parseResponses(rows);
    expect(kept).toEqual([0, 2000]);
    const runs = errors.filter((e) => e.count !== undefined).map((e) => [e.index, e.count]);
    expect(runs).toEqual([
      [1001, 999],
      [2001, 2 ** 30 - 2001],
      [2 ** 30 + 1, 2 ** 31 - 2 ** 30 - 1],
    ]);
    expect(errors.find((e) => e.index === 2 ** 30 && e.count === undefined)?.path).toEqual(['submittedAt']);
  });

  it('a long array that holds few rows (length 2²⁸, or all holes) is walked by its rows after a long gap', () => {
    const rows = sparse(2 ** 28, { 3: response, 100000: response, [2 ** 28 - 1]: response });
    const { rows: kept, errors } = parseResponses(rows);
    expect(kept).toEqual([3, 100_000, 2 ** 28 - 1]);
    expect(errors.filter((e) => e.count !== undefined).map((e) => [e.index, e.count])).toEqual([
      [1001, 100_000 - 1001],
      [100_001, 2 ** 28 - 1 - 100_001],
    ]);
    const empty = parseTickets(new Array(2 ** 20));
    expect(empty.rows).toEqual([]);
    expect(empty.errors.at(-1)).toMatchObject({ index: 1000, count: 2 ** 20 - 1000 });
  });

  it('the throwing variant names the run and counts its rows as bad rows', () => {
    const error = thrown(() => parseResponsesOrThrow(sparse(2 ** 32 - 1, { 0: response })));
    expect(error.index).toBe(1);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`parseResponsesOrThrow: 1001 problem(s) in ${2 ** 32 - 2} row(s):`);
    expect(lines.at(-1)).toBe('  … and 951 more (all of them are in error.value)');
    expect((error.value as unknown[]).at(-1)).toMatchObject({ index: 1001, count: 2 ** 32 - 1 - 1001 });
  });

  it.each([
    ['non-integer', 1.5, '1.5'],
    ['negative', -1, '-1'],
    ['above 2³² − 1', 2 ** 32, '4294967296'],
    ['not a number', '3', '"3"'],
  ])('refuses an impossible length (%s) with INVALID_VALUE', (_, length, shown) => {
    const rows = new Proxy([], { get: (target, key) => (key === 'length' ? length : Reflect.get(target, key)) });
    const error = thrown(() => parseResponses(rows));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.message).toBe(
      `parseResponses: the rows' length is ${shown}; expected a whole number from 0 to 2³² − 1`,
    );
  });

  it('reports a row whose getter throws as a bad row instead of crashing', () => {
    const rows: unknown[] = [response, response];
    Object.defineProperty(rows, 0, {
      get() {
        throw new Error('boom');
      },
    });
    const result = parseResponses(rows);
    expect(result.rows).toEqual([1]);
    expect(result.errors).toEqual([{ index: 0, path: [], message: 'could not read the row: boom' }]);
  });

  it('refuses a revoked proxy as not an array, with INVALID_VALUE', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(thrown(() => parseTickets(proxy)).message).toBe('parseTickets: expected an array of rows');
  });
});
