import { describe, expect, it } from 'vitest';
import { breakdown, csat, nps, summarize, trend } from '../../src/index.ts';
import { ownField, ownFieldReader } from '../../src/ownField.ts';
import { fc } from '../helpers/fc.ts';
import { thrown } from '../helpers/thrown.ts';

// Records are read by a caller's field name as OWN properties only: what a record inherits
// (Object.prototype's constructor, toString, __proto__; a class's methods and getters) is not a
// field of it, and a record without the own field is missing it.

const INHERITED = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'] as const;

describe('ownField and ownFieldReader', () => {
  it('read own properties, and undefined for inherited ones and non-objects', () => {
    class Response {
      score: number;
      constructor(score: number) {
        this.score = score;
      }
      get doubled() {
        return this.score * 2;
      }
    }
    const own = JSON.parse('{"__proto__": 7, "constructor": 8}') as Record<string, unknown>;
    const bare = Object.assign(Object.create(null), { toString: 3, score: 4 }) as object;
    for (const read of [(r: unknown, k: string) => ownField(r, k), (r: unknown, k: string) => ownFieldReader(k)(r)]) {
      for (const k of INHERITED) expect(read({ score: 1 }, k), k).toBeUndefined();
      expect(read(own, '__proto__')).toBe(7);
      expect(read(own, 'constructor')).toBe(8);
      expect(read(bare, 'toString')).toBe(3);
      expect(read(bare, 'score')).toBe(4);
      expect(read(new Response(9), 'score')).toBe(9);
      expect(read(new Response(9), 'doubled')).toBeUndefined();
      expect(read(new Response(9), 'constructor')).toBeUndefined();
      expect(read(null, 'score')).toBeUndefined();
      expect(read(5, 'toFixed')).toBeUndefined();
      expect(read('abc', 'length')).toBeUndefined();
    }
  });

  it('one reader over records of different prototypes checks each against its own chain', () => {
    class A {
      constructor(public g: string) {}
    }
    class B {
      get g() {
        return 'inherited';
      }
    }
    const read = ownFieldReader('g');
    const rows = [new A('a'), new B(), { g: 'plain' }, new B(), Object.create({ g: 'proto' }), new A('a2')];
    expect(rows.map(read)).toEqual(['a', undefined, 'plain', undefined, undefined, 'a2']);
  });
});

describe('score accessors read own fields only', () => {
  it('nps and csat: an inherited name is a missing answer, an own field of that name is read', () => {
    for (const k of INHERITED) {
      expect(summarize('nps', [{ score: 10 }, { score: 3 }], { accessor: k as never }).skipped, k).toBe(2);
    }
    const rows: Record<string, unknown>[] = [{ constructor: 10 }, { constructor: 9 }, { other: 1 }, { constructor: 0 }];
    expect(summarize('nps', rows, { accessor: 'constructor' as never })).toMatchObject({
      counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      skipped: 1,
    });
    expect(
      csat([{ toString: 5 }, {}, { toString: 2 }] as Record<string, unknown>[], { accessor: 'toString' as never }).n,
    ).toBe(2);
  });

  it('class instances with own fields work; a class getter is not a field', () => {
    class Response {
      constructor(
        public channel: string,
        public score: number,
      ) {}
      get twice() {
        return this.score;
      }
    }
    const rows = [new Response('a', 10), new Response('a', 9), new Response('b', 2), new Response('b', 10)];
    expect(nps(rows, { accessor: 'score' }).value).toBe(50);
    expect(summarize('nps', rows, { accessor: 'twice' as never }).skipped).toBe(4);
    const b = breakdown(rows, { by: 'channel', metric: 'nps', accessor: 'score' });
    expect(b.groups.map((g) => [g.key, g.estimate?.value])).toEqual([
      ['a', 100],
      ['b', 0],
    ]);
  });
});

describe('breakdown and trend read own fields only', () => {
  it('by an inherited name: no record has that field (INVALID_OPTION), unless some record owns it', () => {
    const rows = [
      { g: 'a', s: 10 },
      { g: 'b', s: 0 },
    ];
    for (const by of INHERITED) {
      for (const metric of ['nps', 'proportion'] as const) {
        const e = thrown(() => breakdown(rows, { by: by as never, metric, accessor: 's' }));
        expect(e.code, `${by} ${metric}`).toBe('INVALID_OPTION');
        expect(e.message).toMatch(/no record has the field/);
      }
    }
    const owned = [JSON.parse('{"__proto__": "x", "s": 10}'), { s: 0 }, { constructor: 'x', s: 9 }];
    const b = breakdown(owned, { by: '__proto__', metric: 'nps', accessor: 's' });
    expect(b.groups.map((g) => [g.key, g.records])).toEqual([
      ['x', 1],
      [null, 2],
    ]);
    const c = breakdown(owned, { by: 'constructor', metric: 'nps', accessor: 's' });
    expect(c.groups.map((g) => [g.key, g.records])).toEqual([
      ['x', 1],
      [null, 2],
    ]);
  });

  it('a proportion or mean accessor and a trend `at` of an inherited name read nothing', () => {
    const rows = [
      { g: 'a', ok: true, at: '2026-01-01' },
      { g: 'a', ok: false, at: '2026-01-02' },
    ];
    // a proportion has no skipped answers: the inherited name reads a missing answer, refused as such
    const p = thrown(() => breakdown(rows, { by: 'g', metric: 'proportion', accessor: 'valueOf' }));
    expect(p.message).toMatch(/answer at index 0 is undefined/);
    expect(breakdown(rows, { by: 'g', metric: 'proportion', accessor: 'ok' }).overall.value).toBe(0.5);
    const e = thrown(() =>
      trend(rows, { at: 'constructor' as never, period: 'day', timeZone: 'UTC', metric: 'proportion', accessor: 'ok' }),
    );
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toMatch(/no record has the field 'constructor'/);
  });
});

describe('breakdown by one field: the one-loop path equals the general path', () => {
  const key = fc.oneof(
    fc.constantFrom('a', 'b', '1', '__proto__', 'constructor', 'toString', ''),
    fc.constantFrom(1, 0, -0, 2.5, Number.NaN, true, false),
    fc.constantFrom(null, undefined),
  );
  const row = fc.record(
    { g: key, s: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 8 }) },
    { requiredKeys: ['s'] },
  );
  it('groups, keys, sizes and summaries equal those of the same key read by a function', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 200 }),
        fc.constantFrom('nps', 'csat', 'ces'),
        (rows, metric) => {
          const scaled = rows.map((r) => ({ ...r, s: r.s === null ? null : metric === 'nps' ? r.s : 1 + (r.s % 5) }));
          if (scaled.every((r) => r.s === null) || scaled.every((r) => !Object.hasOwn(r, 'g'))) return;
          const viaField = breakdown(scaled, { by: 'g', metric, accessor: 's' });
          const viaFunction = breakdown(scaled, {
            by: (r: (typeof scaled)[number]) => (Object.hasOwn(r, 'g') ? (r.g ?? null) : null),
            metric,
            accessor: 's',
          });
          expect(viaField.groups.map((g) => [g.key, g.records, g.summary])).toEqual(
            viaFunction.groups.map((g) => [g.key, g.records, g.summary]),
          );
          expect(viaField.overall).toEqual(viaFunction.overall);
        },
      ),
      { seed: 20_261_202, numRuns: 200 },
    );
  });
});

describe('breakdown keys on the general path', () => {
  it('NaN, Infinity and null (missing) are three groups, for a function by and a cross-tab', () => {
    const rows = [
      { g: Number.NaN, h: 'x', s: 10 },
      { g: null, h: 'x', s: 0 },
      { g: Number.POSITIVE_INFINITY, h: 'x', s: 5 },
    ];
    const keys = (b: { groups: { key: unknown }[] }) => b.groups.map((g) => g.key);
    expect(keys(breakdown(rows, { by: (r) => r.g, metric: 'nps', accessor: 's' }))).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NaN,
      null,
    ]);
    expect(keys(breakdown(rows, { by: ['g', 'h'], metric: 'nps', accessor: 's' }))).toHaveLength(3);
    expect(keys(breakdown(rows, { by: 'g', metric: 'nps', accessor: 's' }))).toHaveLength(3);
  });
});
