import { describe, expect, it } from 'vitest';
import { compareNpsPaired, nps } from '../../src/index.ts';
import { expectClose } from '../helpers/close.ts';
import { thrown } from '../helpers/thrown.ts';

const before = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5, 0, 8, 9, 10, 6];
const after = [10, 10, 9, 9, 7, 8, 6, 10, 9, 8, 4, 9, 6, 10, 9];
const pairs = after.map((a, i) => [a, before[i] as number] as const);

describe('compareNpsPaired', () => {
  it('gives NPS(a) − NPS(b) of the same customers, with each side as an NpsResult', () => {
    const d = compareNpsPaired(pairs);
    expectClose(d.difference, nps(after).value - nps(before).value, 1e-12);
    expect(d.a.value).toBe(nps(after).value);
    expect(d.b.value).toBe(nps(before).value);
    expect([d.kind, d.method, d.n, d.skipped, d.confidence]).toEqual(['difference', 'adjusted-wald', 15, 0, 0.95]);
  });

  it('Wald uses the paired trinomial variance (mean(d²) − mean(d)²)/n of d = c(a) − c(b)', () => {
    const c = (x: number) => (x >= 9 ? 1 : x <= 6 ? -1 : 0);
    const d = pairs.map(([a, b]) => c(a) - c(b));
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const meanSquare = d.reduce((s, x) => s + x * x, 0) / d.length;
    const se = Math.sqrt((meanSquare - mean * mean) / d.length);
    const w = compareNpsPaired(pairs, { method: 'wald' });
    expectClose(w.standardError, 100 * se, 1e-12);
    // 1.959963984540054 = qnorm(0.975) (R 4.2.2)
    expectClose(w.lower, 100 * (mean - 1.959963984540054 * se), 1e-12);
    expectClose(w.upper, 100 * (mean + 1.959963984540054 * se), 1e-12);
  });

  it('adjusted-wald adds one pseudo-pair each way (n + 2) and is centred there', () => {
    const c = (x: number) => (x >= 9 ? 1 : x <= 6 ? -1 : 0);
    const d = pairs.map(([a, b]) => c(a) - c(b));
    const sum = d.reduce((s, x) => s + x, 0);
    const sumSquares = d.reduce((s, x) => s + x * x, 0);
    const n = d.length + 2;
    const centre = sum / n;
    const se = Math.sqrt(((sumSquares + 2) / n - centre * centre) / n);
    const r = compareNpsPaired(pairs);
    expectClose(r.standardError, 100 * se, 1e-12);
    expectClose((r.lower + r.upper) / 2, 100 * centre, 1e-12);
  });

  it('excludes 0 from the interval exactly when p < 1 − confidence', () => {
    for (const confidence of [0.8, 0.9, 0.95]) {
      const r = compareNpsPaired(pairs, { confidence });
      expect(r.lower > 0 || r.upper < 0).toBe(r.pValue < 1 - confidence);
    }
  });

  it('accepts { a, b } objects and [a, b] tuples alike', () => {
    const asObjects = compareNpsPaired(pairs.map(([a, b]) => ({ a, b })));
    expect(asObjects).toEqual(compareNpsPaired(pairs));
  });

  it('leaves out a pair with a skipped answer on either side and counts it', () => {
    const d = compareNpsPaired([...pairs, [null, 9], { a: 10, b: undefined }, [undefined, null]]);
    expect([d.n, d.skipped]).toEqual([15, 3]);
    expect(d.difference).toBe(compareNpsPaired(pairs).difference);
  });

  it('tabulates who moved where (rows: class in a, columns: class in b)', () => {
    const d = compareNpsPaired([
      [10, 6],
      [10, 6],
      [9, 9],
      [7, 10],
      [3, 3],
    ]);
    expect(d.crossTab).toEqual({
      promoters: { promoters: 1, passives: 0, detractors: 2 },
      passives: { promoters: 1, passives: 0, detractors: 0 },
      detractors: { promoters: 0, passives: 0, detractors: 1 },
    });
  });

  it('warns SMALL_SAMPLE below 30 pairs and ZERO_VARIANCE when Wald has zero width', () => {
    expect(compareNpsPaired(pairs).warnings.map((w) => w.code)).toEqual(['SMALL_SAMPLE']);
    const same = compareNpsPaired(
      [
        [10, 9],
        [8, 7],
      ],
      { method: 'wald' },
    );
    expect(same.warnings.map((w) => w.code)).toEqual(['SMALL_SAMPLE', 'ZERO_VARIANCE']);
    expect([same.difference, same.lower, same.upper, same.pValue]).toEqual([0, 0, 0, 1]);
    // The adjusted interval never has zero width.
    const adjusted = compareNpsPaired([
      [10, 9],
      [8, 7],
    ]);
    expect(adjusted.upper - adjusted.lower).toBeGreaterThan(0);
  });

  it('reads a custom scale', () => {
    // 1–5 scale with 1–3 detractors and 5 promoters
    const d = compareNpsPaired(
      [
        [5, 3],
        [4, 4],
      ],
      { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } },
    );
    expect(d.difference).toBe(100);
    expect(d.a.scale).toEqual({ min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    expect(
      thrown(() => compareNpsPaired([[6, 3]], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } })).code,
    ).toBe('INVALID_VALUE');
  });

  it('refuses pairs that are not pairs and scores off the scale, with index and value', () => {
    for (const [bad, value] of [
      [[11, 9], 11],
      [[9, -1], -1],
      [[9.5, 9], 9.5],
      [[Number.NaN, 9], Number.NaN],
      [{ a: '9', b: 9 }, '9'],
    ] as const) {
      const e = thrown(() => compareNpsPaired([[9, 9], bad as never]));
      expect([e.code, e.index]).toEqual(['INVALID_VALUE', 1]);
      expect(e.value).toEqual(value);
    }
    for (const bad of [[9], [9, 9, 9], { a: 9 }, { A: 9, B: 9 }, 9, null]) {
      const e = thrown(() => compareNpsPaired([[9, 9], bad as never]));
      expect([e.code, e.index]).toEqual(['INVALID_VALUE', 1]);
    }
    expect(thrown(() => compareNpsPaired('910' as never)).code).toBe('INVALID_VALUE');
  });

  it('refuses an input with no complete pair (EMPTY_INPUT)', () => {
    expect(thrown(() => compareNpsPaired([])).code).toBe('EMPTY_INPUT');
    expect(thrown(() => compareNpsPaired([[null, 9]])).message).toBe(
      'compareNpsPaired: no pair has both answers (1 skipped); expected at least one complete pair',
    );
  });

  it('refuses bad options', () => {
    expect(thrown(() => compareNpsPaired(pairs, { method: 'tango' as never })).code).toBe('INVALID_OPTION');
    expect(thrown(() => compareNpsPaired(pairs, { confidence: 0 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => compareNpsPaired(pairs, { scale: { promoterMin: 5, detractorMax: 6 } })).code).toBe(
      'INVALID_OPTION',
    );
    expect(thrown(() => compareNpsPaired(pairs, { scale: { promoter: 9 } } as never)).message).toBe(
      "compareNpsPaired: unknown scale option 'promoter'; did you mean 'promoterMin'?",
    );
    expect(thrown(() => compareNpsPaired(pairs, { weights: [1] } as never)).code).toBe('INVALID_OPTION');
  });

  it('prints as an NPS difference', () => {
    const d = compareNpsPaired(pairs);
    const inspect = (d as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')];
    expect(inspect?.call(d).split('\n')[0]?.startsWith('NPS difference +')).toBe(true);
  });
});
