import { describe, expect, it } from 'vitest';
import { breakdown, trend } from '../../src/index.ts';
import { chartFor, JUPYTER_DISPLAY, segmentChart, show, trendChart } from '../../src/notebook/index.ts';
import { thrown } from '../helpers/thrown.ts';
import { render } from '../notebook/render.ts';

const rows = [
  ...Array.from({ length: 90 }, (_, i) => ({
    ch: 'email',
    s: i % 4 === 0 ? 3 : 10,
    at: Date.UTC(2026, 0, 1 + (i % 59)),
  })),
  ...Array.from({ length: 70 }, (_, i) => ({
    ch: 'phone',
    s: i % 2 === 0 ? 2 : 9,
    at: Date.UTC(2026, 0, 1 + (i % 59)),
  })),
  ...Array.from({ length: 8 }, (_, i) => ({ ch: 'chat', s: i % 3 === 0 ? 6 : 9, at: Date.UTC(2026, 1, 1 + i) })),
];

describe('segment and trend charts, and show()', () => {
  it('segmentChart draws every group with an estimate, coloured by flag, the overall as a rule', async () => {
    const b = breakdown(rows, { by: 'ch', metric: 'nps', accessor: 's' });
    const spec = segmentChart(b);
    expect(spec.datasets.groups?.map((g) => [g.group, g.flag])).toEqual(b.groups.map((g) => [g.label, g.flag]));
    expect(spec.datasets.overall).toEqual([{ value: b.overall.value }]);
    await render(spec);
  });

  it('trendChart draws the band, the line, flagged changes and the rolling line', async () => {
    const t = trend(rows, {
      at: 'at',
      period: 'week',
      timeZone: 'Europe/Berlin',
      metric: 'nps',
      accessor: 's',
      window: { periods: 2 },
    });
    const spec = trendChart(t);
    expect(spec.datasets.periods?.map((p) => p.label)).toEqual(t.periods.map((p) => p.label));
    expect(spec.datasets.periods?.[1]?.rolling).toBe(t.periods[1]?.rolling?.estimate?.value);
    await render(spec);
  });

  it('show() gives the text table, an HTML <pre> of it and the chart', () => {
    const b = breakdown(rows, { by: 'ch', metric: 'nps', accessor: 's' });
    const bundle = show(b)[JUPYTER_DISPLAY]();
    expect(bundle['text/plain']).toBe(String(b));
    expect(bundle['text/html']?.startsWith('<pre>')).toBe(true);
    expect(bundle['application/vnd.vegalite.v5+json']).toEqual(segmentChart(b));
    const t = trend(rows, {
      at: 'at',
      period: 'month',
      timeZone: 'UTC',
      metric: 'proportion',
      accessor: (r: { s: number }) => r.s >= 9,
    });
    expect(chartFor(t)).toEqual(trendChart(t));
    expect(show(t).kind).toBe('trend');
  });

  it('refuses what is not a breakdown or a trend', () => {
    expect(thrown(() => segmentChart({ kind: 'trend', periods: [] })).code).toBe('INVALID_VALUE');
    expect(thrown(() => trendChart({})).code).toBe('INVALID_VALUE');
    expect(
      thrown(() => segmentChart(breakdown(rows, { by: 'ch', metric: 'nps', accessor: 's' }), { width: -1 })).code,
    ).toBe('INVALID_OPTION');
  });
});

describe('trendChart with flagged changes', () => {
  it('marks the flagged periods', async () => {
    const data = [
      ...Array.from({ length: 200 }, (_, i) => ({ at: '2026-01-10', s: i % 5 === 0 ? 2 : 10 })),
      ...Array.from({ length: 200 }, (_, i) => ({ at: '2026-02-10', s: i % 5 === 0 ? 10 : 2 })),
      ...Array.from({ length: 200 }, (_, i) => ({ at: '2026-03-10', s: i % 2 === 0 ? 10 : 2 })),
    ];
    const t = trend(data, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 's' });
    expect(t.periods.map((p) => p.flag)).toEqual(['none', 'lower', 'higher']);
    await render(trendChart(t));
  });
});
