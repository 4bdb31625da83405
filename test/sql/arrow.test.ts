import { Float64, Int8, Int32, Int64, Table, tableFromJSON, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ces, csat, firstResponseTime, nps, summarize, ttr } from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';
import { rng } from './compare.ts';

// Apache Arrow input (the shape DuckDB, Polars and Arrow notebooks hand over): the survey metrics
// read a vector, or a table's column named by accessor, from its buffers, with exactly the result
// of the same scores as a plain array — across chunks, slices, nulls and integer widths.

const r = rng(7);
const scores = Array.from({ length: 5000 }, () => (r() < 0.1 ? null : Math.floor(r() * 11)));
const weights = scores.map(() => Math.round(r() * 3000) / 1000);
const asAny = <T>(x: unknown) => x as T;

describe('Arrow input for nps, csat and ces', () => {
  it('a table column read with accessor equals the plain array, nulls as skipped answers', () => {
    const table = tableFromJSON(scores.map((score, i) => ({ score, channel: i % 2 === 0 ? 'email' : 'web' })));
    expect(table.getChild('score')?.nullCount).toBeGreaterThan(0);
    // Typed: apache-arrow's Table and Vector fit ArrowTable and ArrowColumn as they are.
    expect(nps(table, { accessor: 'score' })).toEqual(nps(scores));
    expect(summarize('nps', table, { accessor: 'score' })).toEqual(summarize('nps', scores));
    expect(summarize('nps', table.getChild('score') as NonNullable<ReturnType<typeof table.getChild>>)).toEqual(
      summarize('nps', scores),
    );
  });

  it('vectors of every integer width and of doubles, with and without nulls, equal the plain array', () => {
    const answered = scores.filter((s): s is number => s !== null);
    for (const type of [new Int8(), new Int32(), new Int64(), new Float64()]) {
      const values = type instanceof Int64 ? scores.map((s) => (s === null ? null : BigInt(s))) : scores;
      expect(nps(asAny(vectorFromArray(values, type as never)))).toEqual(nps(scores));
      const plain = type instanceof Int64 ? answered.map((s) => BigInt(s)) : answered;
      expect(nps(asAny(vectorFromArray(plain, type as never)))).toEqual(nps(answered));
    }
  });

  it('a table of several chunks, and a slice starting mid-byte of the validity bitmap, read right', () => {
    const half = scores.length / 2;
    const a = new Table({ score: vectorFromArray(scores.slice(0, half) as never, new Int32()) });
    const b = new Table({ score: vectorFromArray(scores.slice(half) as never, new Int32()) });
    const chunked = new Table([...a.batches, ...b.batches]);
    expect(chunked.getChild('score')?.data.length).toBe(2);
    expect(nps(asAny(chunked), asAny({ accessor: 'score' }))).toEqual(nps(scores));
    const sliced = chunked.slice(3, 4003);
    expect(csat(asAny(sliced.getChild('score')), { scale: '0-10' })).toEqual(
      csat(scores.slice(3, 4003), { scale: '0-10' }),
    );
  });

  it('weights as an Arrow vector equal weights as an array', () => {
    const column = vectorFromArray(scores as never, new Int32());
    const w = vectorFromArray(weights, new Float64());
    expect(nps(asAny(column), { weights: asAny(w) })).toEqual(nps(scores, { weights }));
  });

  it('ces reads a vector on its own scale', () => {
    const seven = scores.map((s) => (s === null ? null : (s % 7) + 1));
    expect(ces(asAny(vectorFromArray(seven, new Int8())))).toEqual(ces(seven));
  });

  it('a score off the scale is INVALID_VALUE naming its index; a table without the column is INVALID_OPTION', () => {
    const bad = [10, 9, 11];
    const e = thrown(() => nps(asAny(vectorFromArray(bad, new Int32()))));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 2]);
    const table = new Table({ score: vectorFromArray([1, 2], new Int32()) });
    expect(thrown(() => nps(asAny(table), asAny({ accessor: 'scroe' }))).code).toBe('INVALID_OPTION');
    expect(thrown(() => nps(asAny(table))).message).toMatch(/needs accessor/);
    const text = vectorFromArray(['9', '10'], new Utf8());
    expect(thrown(() => nps(asAny(text))).message).toMatch(/score at index 0 is "9"/);
    const bools = vectorFromArray([true, false]);
    expect(thrown(() => nps(asAny(bools))).message).toMatch(/score at index 0 is a boolean/);
  });
});

describe('Arrow input for ttr and firstResponseTime', () => {
  const durations = Array.from({ length: 2000 }, () => Math.round(r() * 86_400_000));
  const events = durations.map(() => r() < 0.8);

  it('a vector of durations (and one of events) equals the plain arrays, summary and result', () => {
    const d = vectorFromArray(durations, new Float64());
    const e = vectorFromArray(events);
    expect(ttr(asAny(d), { events: asAny(e) })).toEqual(ttr(durations, { events }));
    expect(summarize('ttr', asAny<number[]>(d), { events: asAny<boolean[]>(e) })).toEqual(
      summarize('ttr', durations, { events }),
    );
    expect(firstResponseTime(asAny(vectorFromArray(durations, new Int32())))).toEqual(firstResponseTime(durations));
  });

  it('a null duration is refused with its index, never dropped', () => {
    const withNull = vectorFromArray([1000, null, 3000], new Float64());
    const e = thrown(() => ttr(asAny(withNull)));
    expect([e.code, e.index]).toEqual(['INVALID_VALUE', 1]);
  });
});
