import { describe, expect, it } from 'vitest';
import { csat, npsFromCounts } from '../../src/index.ts';
import {
  distributionChart,
  intervalChart,
  JUPYTER_DISPLAY,
  metricOverTimeChart,
  npsBreakdownChart,
  show,
} from '../../src/notebook/index.ts';
import { thrown } from '../helpers/thrown.ts';

// Found by the hostile-input suite (test/hostile/exports.test.ts).

describe('chart options', () => {
  const result = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 });

  it('an unknown key is INVALID_OPTION naming the closest valid one', () => {
    const error = thrown(() => npsBreakdownChart(result, { labl: 'March' } as never));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe("npsBreakdownChart: unknown option 'labl'; did you mean 'label'?");
    expect(thrown(() => distributionChart(csat([5, 4, 3]), { titel: 'x' } as never)).message).toMatch(
      /did you mean 'title'\?$/,
    );
  });

  it('a chart builder still takes its own keys and the shared title, width and height', () => {
    const spec = intervalChart(
      { email: result },
      { metric: 'NPS', format: 'points', title: 'T', width: 300, height: 90 },
    );
    expect(spec.title).toBe('T');
  });

  it('a non-object options value is INVALID_OPTION', () => {
    for (const options of [null, [], 'x', new Map()]) {
      expect(thrown(() => npsBreakdownChart(result, options as never)).code).toBe('INVALID_OPTION');
    }
  });
});

describe('show', () => {
  it('wraps NaN like any other value (it returned the bare NaN: NaN !== NaN)', () => {
    const shown = show(Number.NaN);
    expect(shown.value).toBeNaN();
    expect(shown.kind).toBe('unknown');
    expect(shown[JUPYTER_DISPLAY]()['text/plain']).toBe(String(shown));
  });
});

describe('charts given arrays with holes', () => {
  const e = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 });

  it('intervalChart refuses a hole at its index instead of drawing fewer bars', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const error = thrown(() => intervalChart([e, , e] as never));
    expect([error.code, error.index]).toEqual(['INVALID_VALUE', 1]);
    expect(error.message).toMatch(/^intervalChart: "#2" is undefined/);
  });

  it('metricOverTimeChart refuses a hole at its index instead of leaving the period out', () => {
    const point = { period: '2025-Q1', value: 31, lower: 25, upper: 37 };
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const error = thrown(() => metricOverTimeChart([point, , { ...point, period: '2025-Q3' }] as never));
    expect([error.code, error.index]).toEqual(['INVALID_VALUE', 1]);
  });

  it('both answer a huge sparse array at its first hole, without a pass over its length', () => {
    expect(thrown(() => intervalChart(new Array(2 ** 32 - 1))).index).toBe(0);
    expect(thrown(() => metricOverTimeChart(new Array(2 ** 32 - 1))).index).toBe(0);
  });
});
