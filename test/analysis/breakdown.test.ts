import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  breakdown,
  compareMeans,
  compareNps,
  compareProportions,
  nps,
  summarize,
} from '../../src/index.ts';
import { JOURNEY_STAGES } from '../../src/schemas/index.ts';
import reference from '../fixtures/r-analysis.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

/** Records of one group: `yes` records with ok = true and `no` with ok = false. */
function shares(group: string | number, yes: number, no: number) {
  return [
    ...Array.from({ length: yes }, () => ({ group, ok: true })),
    ...Array.from({ length: no }, () => ({ group, ok: false })),
  ];
}

const survey = [
  ...Array.from({ length: 120 }, (_, i) => ({ channel: 'email', score: i % 5 === 0 ? 3 : i % 5 === 1 ? 8 : 10 })),
  ...Array.from({ length: 90 }, (_, i) => ({ channel: 'phone', score: i % 3 === 0 ? 2 : i % 3 === 1 ? 7 : 9 })),
  ...Array.from({ length: 60 }, (_, i) => ({ channel: 'chat', score: i % 4 === 0 ? 6 : 10 })),
  ...Array.from({ length: 12 }, (_, i) => ({ channel: 'social', score: i % 2 === 0 ? 0 : 9 })),
];

describe('breakdown', () => {
  it('overall is the metric on all records, and each group is the metric on its records', () => {
    const b = breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score' });
    expect(b.kind).toBe('breakdown');
    expect(b.overall).toEqual(nps(survey, { accessor: 'score' }));
    for (const g of b.groups) {
      const own = survey.filter((r) => r.channel === g.key);
      expect(g.estimate).toEqual(nps(own, { accessor: 'score' }));
      expect(g.records).toBe(own.length);
    }
  });

  it('vsRest is the group minus all other records, as compareNps gives it', () => {
    const b = breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score' });
    for (const g of b.groups) {
      const own = survey.filter((r) => r.channel === g.key);
      const rest = survey.filter((r) => r.channel !== g.key);
      const expected = compareNps(
        summarize('nps', own, { accessor: 'score' }),
        summarize('nps', rest, { accessor: 'score' }),
      );
      expect(g.vsRest).toEqual(expected);
      expect(g.pValue).toBe(expected.pValue);
    }
  });

  it('adjusts the p-values across the groups (Holm by default, any method by option) and flags by the adjusted one', () => {
    const b = breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score' });
    const p = b.groups.map((g) => g.pValue as number);
    expect(b.groups.map((g) => g.adjustedPValue)).toEqual(adjustPValues(p));
    const bh = breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score', adjust: 'bh' });
    expect(bh.groups.map((g) => g.adjustedPValue)).toEqual(adjustPValues(p, { method: 'bh' }));
    for (const g of b.groups) {
      const expected =
        (g.adjustedPValue as number) < 0.05 ? ((g.vsRest?.difference ?? 0) > 0 ? 'higher' : 'lower') : 'none';
      expect(g.flag, g.label).toBe(expected);
    }
    // phone (NPS 0 against 40 for the rest) is below the rest after Holm; chat and email (raw
    // p 0.032 and 0.036) are not above it once four comparisons are counted
    expect(b.groups.map((g) => [g.label, g.flag])).toEqual([
      ['chat', 'none'],
      ['email', 'none'],
      ['phone', 'lower'],
      ['social', 'none'],
    ]);
    const strict = breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score', level: 1e-12 });
    expect(strict.groups.every((g) => g.flag === 'none')).toBe(true);
  });

  it('shows and warns about small groups, never hides them', () => {
    const b = breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score' });
    const social = b.groups.find((g) => g.key === 'social');
    expect(social?.records).toBe(12);
    expect(social?.warnings.map((w) => w.code)).toContain('SMALL_SAMPLE');
    expect(b.warnings.some((w) => w.code === 'SMALL_SAMPLE' && w.message.includes('social'))).toBe(true);
  });

  it('proportions: the test is prop.test(x, n, correct = FALSE) of R on the groups (r-analysis.json)', () => {
    for (const ref of reference.homogeneity.filter((h) => h.n.length <= 5 && h.n.every((n) => n <= 2000))) {
      const records = ref.n.flatMap((n, i) => shares(i, ref.successes[i] as number, n - (ref.successes[i] as number)));
      const b = breakdown(records, { by: 'group', metric: 'proportion', accessor: 'ok' });
      // R 4.2.2: prop.test(successes, n, correct = FALSE)
      expectClose(b.test?.statistic as number, ref.statistic, 1e-9, 'statistic');
      expect(b.test?.df).toBe(ref.df);
      expectClose(b.test?.pValue as number, ref.pValue, 1e-9, 'p');
      b.groups.forEach((g, i) => {
        const x = ref.successes[i] as number;
        const n = ref.n[i] as number;
        const restX = ref.successes.reduce((a, v) => a + v, 0) - x;
        const restN = ref.n.reduce((a, v) => a + v, 0) - n;
        expect(g.vsRest).toEqual(compareProportions({ successes: x, n }, { successes: restX, n: restN }));
      });
    }
  });

  it('means: Welch comparisons against the rest and Welch ANOVA across groups', () => {
    const rows = [
      ...[4, 5, 5, 4, 3, 5, 4, 4].map((v) => ({ team: 'a', v })),
      ...[3, 2, 4, 3, 3, 2, 3].map((v) => ({ team: 'b', v })),
      ...[5, 5, 4, 5, 5, 3].map((v) => ({ team: 'c', v })),
    ];
    const b = breakdown(rows, { by: (r) => r.team, metric: 'mean', accessor: 'v' });
    expect(b.test?.method).toBe('welch-anova');
    const a = rows.filter((r) => r.team === 'a').map((r) => r.v);
    const rest = rows.filter((r) => r.team !== 'a').map((r) => r.v);
    expectClose(b.groups[0]?.vsRest?.difference as number, compareMeans(a, rest).difference, 1e-12);
    expectClose(b.groups[0]?.vsRest?.pValue as number, compareMeans(a, rest).pValue, 1e-12);
  });

  it('a list of by fields is a cross-tab; journey stages come out in journey order', () => {
    const stages = ['support', 'awareness', 'renewal', 'purchase'];
    const rows = Array.from({ length: 400 }, (_, i) => ({
      stage: stages[i % 4] as string,
      device: i % 3 === 0 ? 'mobile' : 'desktop',
      score: (i * 7) % 11,
    }));
    const b = breakdown(rows, { by: ['stage', 'device'], metric: 'nps', accessor: 'score' });
    expect(b.by).toEqual(['stage', 'device']);
    expect(b.groups.map((g) => g.label)).toEqual([
      'awareness × desktop',
      'awareness × mobile',
      'purchase × desktop',
      'purchase × mobile',
      'support × desktop',
      'support × mobile',
      'renewal × desktop',
      'renewal × mobile',
    ]);
    expect(b.groups[0]?.key).toEqual(['awareness', 'desktop']);
    expect(b.groups.reduce((s, g) => s + g.records, 0)).toBe(400);
  });

  it('orders other keys: numbers, then strings, then booleans, missing last; or by size, or as listed', () => {
    const rows = [
      { k: 'b', s: 9 },
      { k: 10, s: 9 },
      { k: 2, s: 9 },
      { k: 'a', s: 9 },
      { s: 9 },
      { k: true, s: 9 },
      { k: 'a', s: 9 },
    ];
    expect(breakdown(rows, { by: 'k', metric: 'nps', accessor: 's' }).groups.map((g) => g.label)).toEqual([
      '2',
      '10',
      'a',
      'b',
      'true',
      '(missing)',
    ]);
    expect(breakdown(rows, { by: 'k', metric: 'nps', accessor: 's', order: 'size' }).groups[0]?.key).toBe('a');
    expect(
      breakdown(rows, { by: 'k', metric: 'nps', accessor: 's', order: ['b', null] }).groups.map((g) => g.label),
    ).toEqual(['b', '(missing)', '2', '10', 'a', 'true']);
  });

  it('its journey order is the schemas JOURNEY_STAGES', () => {
    const rows = [...JOURNEY_STAGES].reverse().map((stage) => ({ stage, s: 9 }));
    const b = breakdown(rows, { by: 'stage', metric: 'nps', accessor: 's' });
    expect(b.groups.map((g) => g.key)).toEqual([...JOURNEY_STAGES]);
  });

  it('one group: estimates, no comparison, a NO_TEST warning', () => {
    const b = breakdown(survey.slice(0, 50), { by: 'channel', metric: 'nps', accessor: 'score' });
    expect(b.groups).toHaveLength(1);
    expect([b.groups[0]?.vsRest, b.test, b.groups[0]?.flag]).toEqual([null, null, 'none']);
    expect(b.warnings.map((w) => w.code)).toContain('NO_TEST');
  });

  it('a group with no answers has no estimate, is kept and warned', () => {
    const rows = [...survey, { channel: 'fax', score: null }];
    const b = breakdown(rows, { by: 'channel', metric: 'nps', accessor: 'score' });
    const fax = b.groups.find((g) => g.key === 'fax');
    expect([fax?.estimate, fax?.vsRest, fax?.n, fax?.records]).toEqual([null, null, 0, 1]);
    expect(fax?.warnings[0]?.code).toBe('SMALL_SAMPLE');
  });

  it('refuses bad input, naming it', () => {
    const noField = thrown(() => breakdown(survey, { by: 'chanel' as never, metric: 'nps', accessor: 'score' }));
    expect([noField.code, noField.value]).toEqual(['INVALID_OPTION', 'chanel']);
    expect(noField.message).toMatch(/no record has the field 'chanel'.*did you mean 'channel'/);
    const badScore = thrown(() =>
      breakdown(
        survey.map((r, i) => (i === 200 ? { ...r, score: 11 } : r)),
        { by: 'channel', metric: 'nps', accessor: 'score' },
      ),
    );
    expect([badScore.code, badScore.index]).toEqual(['INVALID_VALUE', 200]);
    expect(badScore.message).toMatch(/at index 200 is 11.*\(group phone\)/);
    const objectKey = thrown(() => breakdown([{ k: { a: 1 }, s: 9 }], { by: 'k', metric: 'nps', accessor: 's' }));
    expect([objectKey.code, objectKey.index]).toEqual(['INVALID_VALUE', 0]);
    expect(thrown(() => breakdown(survey, { by: 'channel', metric: 'nsp' as never })).message).toMatch(
      /did you mean 'nps'/,
    );
    expect(thrown(() => breakdown(survey, { by: 'channel', metric: 'nps', acessor: 'score' })).code).toBe(
      'INVALID_OPTION',
    );
    expect(
      thrown(() => breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score', adjust: 'sidak' as never }))
        .value,
    ).toBe('sidak');
    expect(thrown(() => breakdown(survey, { by: 'channel', metric: 'nps', accessor: 'score', level: 5 })).code).toBe(
      'INVALID_OPTION',
    );
    expect(thrown(() => breakdown([], { by: 'channel', metric: 'nps' })).code).toBe('EMPTY_INPUT');
    expect(thrown(() => breakdown(survey, { metric: 'nps' } as never)).message).toMatch(/by is required/);
  });
});

describe('breakdown: the one-loop histogram path equals summarizing each group', () => {
  it('for NPS, CSAT and CES, with key and function accessors, and falls back on anything else', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      g: `g${i % 7}`,
      s: i % 11,
      c: 1 + (i % 5),
      type: undefined as string | undefined,
    }));
    for (const [metric, accessor] of [
      ['nps', 's'],
      ['csat', 'c'],
      ['ces', (r: { c: number }) => r.c],
    ] as const) {
      const b = breakdown(rows, { by: 'g', metric, accessor: accessor as never });
      for (const g of b.groups) {
        const own = rows.filter((r) => r.g === g.key);
        expect(g.summary, `${metric} ${g.label}`).toEqual(
          summarize(metric as 'nps', own as never, { accessor: accessor as never }),
        );
      }
    }
    // A record of another survey type: the general path, with the family's otherTypes handling.
    const mixed = rows.map((r, i) => (i === 3 ? { ...r, type: 'csat' } : r));
    const b = breakdown(mixed, { by: 'g', metric: 'nps', accessor: 's', otherTypes: 'exclude' });
    const g3 = b.groups.find((g) => g.key === 'g3');
    expect(g3?.summary).toEqual(
      summarize(
        'nps',
        mixed.filter((r) => r.g === 'g3'),
        { accessor: 's', otherTypes: 'exclude' },
      ),
    );
    expect(thrown(() => breakdown(mixed, { by: 'g', metric: 'nps', accessor: 's' })).index).toBe(3);
  });
});

describe('breakdown with weights', () => {
  it('splits the weights with the records: each group is the weighted metric on its records', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ g: i % 3 === 0 ? 'a' : 'b', s: (i * 7) % 11 }));
    const weights = rows.map((_, i) => 0.5 + (i % 4));
    const b = breakdown(rows, { by: 'g', metric: 'nps', accessor: 's', weights });
    for (const g of b.groups) {
      const idx = rows.flatMap((r, i) => (r.g === g.key ? [i] : []));
      const own = summarize(
        'nps',
        idx.map((i) => rows[i] as (typeof rows)[number]),
        {
          accessor: 's',
          weights: idx.map((i) => weights[i] as number),
        },
      );
      expect(g.summary).toEqual(own);
      expect(g.estimate?.warnings.map((w) => w.code)).toContain('WEIGHTED');
    }
    // weighted answers have no counts for the chi-square-type test: said, not faked
    expect(b.test).toBeNull();
    expect(b.warnings.map((w) => w.code)).toContain('NO_TEST');
    expect(b.groups[0]?.vsRest).not.toBeNull();
  });
});

describe('breakdown accessor functions', () => {
  it('receive each record’s index in the input, on the histogram path and the general one', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ g: i % 2 === 0 ? 'even' : 'odd' }));
    const seen: number[] = [];
    breakdown(rows, {
      by: 'g',
      metric: 'nps',
      accessor: (_r: unknown, i: number) => {
        seen.push(i);
        return i % 11;
      },
    });
    expect(seen).toEqual(rows.map((_, i) => i));
    const seenP: number[] = [];
    breakdown(rows, {
      by: 'g',
      metric: 'proportion',
      accessor: (_r: unknown, i: number) => {
        seenP.push(i);
        return i % 3 === 0;
      },
    });
    expect([...seenP].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    const m = breakdown(rows, { by: 'g', metric: 'mean', accessor: (_r: unknown, i: number) => i });
    expect(m.groups.map((g) => g.estimate?.value)).toEqual([19, 20]);
  });
});
