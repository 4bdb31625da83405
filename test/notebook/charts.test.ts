import { describe, expect, it } from 'vitest';
import { CxMetricsError, csatFromCounts, npsFromCounts } from '../../src/index.ts';
import {
  cohortRetentionChart,
  comparisonChart,
  distributionChart,
  intervalChart,
  kaplanMeierChart,
  metricOverTimeChart,
  npsBreakdownChart,
  type VegaLiteSpec,
} from '../../src/notebook/index.ts';
import { itemsOf, render } from './render.ts';
import { samples } from './samples.ts';

const xs = (items: Record<string, unknown>[]) => items.map((i) => i.x as number);
const ys = (items: Record<string, unknown>[]) => items.map((i) => i.y as number);
const sortedAscending = (a: number[]) => a.every((v, i) => i === 0 || (a[i - 1] as number) <= v);

/** A copy of a spec with every `field: from` renamed to `field: to`: a typo in an encoding. */
function renameField(spec: VegaLiteSpec, from: string, to: string): VegaLiteSpec {
  return JSON.parse(JSON.stringify(spec).replaceAll(`"field":"${from}"`, `"field":"${to}"`));
}

describe('the render check catches broken specs', () => {
  it('rejects a spec whose encoding names a field the data does not have', async () => {
    const spec = npsBreakdownChart(samples.nps);
    await render(spec); // the real spec passes
    await expect(render(renameField(spec, 'upper', 'uper'))).rejects.toThrow();
  });

  it('rejects a spec whose dataset is not the one the marks read', async () => {
    const spec = metricOverTimeChart([{ period: '2025-01', value: 1, lower: 0, upper: 2 }]);
    const broken = { ...spec, data: { name: 'nothing' } };
    await expect(render(broken)).rejects.toThrow();
  });

  it('rejects a spec with an invalid mark type', async () => {
    const spec = intervalChart({ a: samples.nps });
    const broken = JSON.parse(JSON.stringify(spec).replace('"type":"rule"', '"type":"ruler"'));
    await expect(render(broken)).rejects.toThrow();
  });
});

describe('npsBreakdownChart', () => {
  it('draws a stacked bar of three shares per group and the NPS with its interval', async () => {
    const r = await render(npsBreakdownChart(samples.npsByRegion));
    const bars = itemsOf(r, 'breakdown');
    expect(bars).toHaveLength(6);
    // The three shares of a group stack to the full width of the bar.
    const north = bars.filter((b) => (b.datum as { group: string }).group === 'north');
    const total = north.reduce((s, b) => s + (b.width as number), 0);
    expect(total).toBeCloseTo(260, 6);
    expect(itemsOf(r, 'interval')).toHaveLength(2);
    expect(itemsOf(r, 'zero')).toHaveLength(1);
    const [n, s] = itemsOf(r, 'score');
    // north (NPS 30) is drawn right of south (NPS −10), and 0 lies between them.
    expect((n?.x as number) > (s?.x as number)).toBe(true);
    const zero = itemsOf(r, 'zero')[0]?.x as number;
    expect(zero).toBeGreaterThan(s?.x as number);
    expect(zero).toBeLessThan(n?.x as number);
    expect(r.svg).toContain('>30.0<');
    expect(r.svg).toContain('>−10.0<'); // d3-format's minus sign
  });

  it('draws a single result as one group, titled with its figure', async () => {
    const spec = npsBreakdownChart(samples.nps, { label: 'March' });
    expect(spec.title).toEqual({
      text: 'Net Promoter Score',
      subtitle: 'NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)',
    });
    const r = await render(spec);
    expect(itemsOf(r, 'breakdown')).toHaveLength(3);
    expect(spec.datasets.shares?.map((row) => row.share)).toEqual([0.2, 0.3, 0.5]);
  });

  it('rejects anything that is not an NpsResult or a record of them', () => {
    expect(() => npsBreakdownChart({} as never)).toThrow(/^npsBreakdownChart: .*empty/);
    expect(() => npsBreakdownChart({ a: samples.csat } as never)).toThrow(CxMetricsError);
    expect(() => npsBreakdownChart({ a: samples.csat } as never)).toThrow(/npsBreakdownChart: group "a"/);
    expect(() => npsBreakdownChart([samples.nps] as never)).toThrow(/npsBreakdownChart/);
    expect(() => npsBreakdownChart({ ...samples.nps, upper: Number.NaN })).toThrow(/finite/);
    expect(() => npsBreakdownChart(samples.nps, { width: -1 })).toThrow(/npsBreakdownChart: width/);
  });
});

describe('metricOverTimeChart', () => {
  const monthly = {
    '2025-01': csatFromCounts({ satisfied: 80, total: 100 }),
    '2025-02': csatFromCounts({ satisfied: 90, total: 100 }),
    '2025-03': csatFromCounts({ satisfied: 85, total: 100 }),
  };

  it('draws the line through the values and the interval as a band around it', async () => {
    const r = await render(metricOverTimeChart(monthly));
    const line = itemsOf(r, 'line');
    const band = itemsOf(r, 'band');
    expect(line).toHaveLength(3);
    expect(band).toHaveLength(3);
    expect(itemsOf(r, 'points')).toHaveLength(3);
    // Periods keep their order left to right; y grows downwards in SVG: upper bound < value < lower.
    expect(sortedAscending(xs(line))).toBe(true);
    band.forEach((b, i) => {
      expect(b.y as number).toBeGreaterThan(line[i]?.y as number); // lower bound, below the line
      expect(b.y2 as number).toBeLessThan(line[i]?.y as number); // upper bound, above it
    });
    // The 90% month is the highest point.
    expect(Math.min(...ys(line))).toBe(line[1]?.y);
  });

  it('infers the format from the Estimates: shares as %, NPS in points', () => {
    expect(metricOverTimeChart(monthly).encoding).toMatchObject({ y: { axis: { format: '.0%' } } });
    const nps = metricOverTimeChart(samples.npsByRegion);
    expect(nps.encoding).toMatchObject({ y: { title: 'NPS', axis: { format: '.0f' } } });
  });

  it('takes points with Date periods on a time axis', async () => {
    const spec = metricOverTimeChart(
      [
        { period: new Date('2025-01-01'), value: 30, lower: 20, upper: 40, n: 100 },
        { period: new Date('2025-02-01'), value: 35, lower: 25, upper: 45, n: 90 },
      ],
      { metric: 'NPS', format: 'points' },
    );
    expect(spec.datasets.series?.[0]).toEqual({
      period: '2025-01-01T00:00:00.000Z',
      value: 30,
      lower: 20,
      upper: 40,
      n: 100,
    });
    expect(spec.encoding).toMatchObject({ x: { type: 'temporal' } });
    const r = await render(spec);
    expect(itemsOf(r, 'line')).toHaveLength(2);
  });

  it('takes numeric periods on a quantitative axis', async () => {
    const spec = metricOverTimeChart([
      { period: 1, value: 3, lower: 2, upper: 4 },
      { period: 2, value: 3.5, lower: 2.5, upper: 4.5 },
      { period: 4, value: 3.2, lower: 2.1, upper: 4.4 },
    ]);
    expect(spec.encoding).toMatchObject({ x: { type: 'quantitative' } });
    const r = await render(spec);
    const [a, b, c] = xs(itemsOf(r, 'line'));
    // Unequal gaps on a quantitative axis: 1→2 is half of 2→4.
    expect((c as number) - (b as number)).toBeCloseTo(2 * ((b as number) - (a as number)), 6);
  });

  it('rejects empty input, bad points and mixed period types with the function named', () => {
    expect(() => metricOverTimeChart([])).toThrow(/^metricOverTimeChart: no points/);
    expect(() => metricOverTimeChart({})).toThrow(/^metricOverTimeChart: the record is empty/);
    expect(() => metricOverTimeChart([{ period: 'a', value: 1, lower: 2, upper: 0 }])).toThrow(
      /^metricOverTimeChart: point at index 0 .*lower ≤ upper/,
    );
    expect(() => metricOverTimeChart([{ period: 'a', value: Number.NaN, lower: 0, upper: 1 }])).toThrow(CxMetricsError);
    expect(() => metricOverTimeChart([{ period: null, value: 1, lower: 0, upper: 2 }] as never)).toThrow(/period/);
    expect(() =>
      metricOverTimeChart([
        { period: 'a', value: 1, lower: 0, upper: 2 },
        { period: 2, value: 1, lower: 0, upper: 2 },
      ]),
    ).toThrow(/mix/);
    expect(() => metricOverTimeChart({ a: { value: 1 } } as never)).toThrow(/period "a"/);
    expect(() => metricOverTimeChart(monthly, { format: 'percent' as never })).toThrow(/format/);
  });
});

describe('kaplanMeierChart', () => {
  it('draws the step curve from (0, 100%), its band and a tick at each censored time', async () => {
    const spec = kaplanMeierChart(samples.kaplanMeier);
    const r = await render(spec);
    const curve = itemsOf(r, 'curve');
    expect(curve).toHaveLength(6);
    expect(itemsOf(r, 'band')).toHaveLength(6);
    expect(r.svg).toMatch(/class="mark-line role-mark curve_marks"[^>]*>\s*<path/);
    // Survival never increases: y (downwards in SVG) never decreases along the curve.
    expect(sortedAscending(ys(curve))).toBe(true);
    expect(curve[0]?.y).toBe(0); // survival 1 at the top
    expect(curve[5]?.y).toBe(240); // survival 0 at the bottom after the last event
    const ticks = itemsOf(r, 'censoring');
    expect(ticks).toHaveLength(2);
    const scale = r.view.scale('x') as (t: number) => number;
    const centres = ticks.map((t) => (t.x as number) + (t.width as number) / 2).sort((a, b) => a - b);
    expect(centres[0]).toBeCloseTo(scale(3), 6);
    expect(centres[1]).toBeCloseTo(scale(8), 6);
  });

  it('labels a retention curve by tenure in its unit', async () => {
    const spec = kaplanMeierChart(samples.retention);
    expect(spec.title).toBe('Retention curve');
    const r = await render(spec);
    expect(r.svg).toContain('tenure (days)');
    expect(itemsOf(r, 'curve')).toHaveLength(samples.retention.points.length + 1);
  });

  it('leaves out the censoring layer when nothing is censored', async () => {
    const spec = kaplanMeierChart({ points: [{ time: 1, survival: 0.5, lower: 0.1, upper: 0.9 }] });
    expect(Object.keys(spec.datasets)).toEqual(['curve']);
    const r = await render(spec);
    expect(r.marks.has('censoring_marks')).toBe(false);
  });

  it('rejects curves without points and bad points', () => {
    expect(() => kaplanMeierChart({ points: [] })).toThrow(/^kaplanMeierChart: the curve has no points/);
    expect(() => kaplanMeierChart({} as never)).toThrow(/^kaplanMeierChart: expected/);
    expect(() => kaplanMeierChart({ points: [{ time: -1, survival: 1, lower: 1, upper: 1 }] } as never)).toThrow(
      /point at index 0/,
    );
    expect(() => kaplanMeierChart({ points: [{ time: 1, survival: 1.5, lower: 1, upper: 1 }] } as never)).toThrow(
      CxMetricsError,
    );
  });
});

describe('distributionChart', () => {
  it('draws one bar per scale point, the satisfied scores highlighted, counts on top', async () => {
    const spec = distributionChart(samples.csat);
    const r = await render(spec);
    const bars = itemsOf(r, 'bars');
    expect(bars).toHaveLength(5);
    expect(itemsOf(r, 'counts').map((t) => t.text)).toEqual(['1', '0', '1', '2', '1']);
    // Scores 4 and 5 are satisfied on the default 1–5 scale.
    const fills = bars.map((b) => b.fill);
    expect(new Set(fills.slice(0, 3)).size).toBe(1);
    expect(fills[3]).toBe(fills[4]);
    expect(fills[3]).not.toBe(fills[0]);
    // Score 4 (2 of 5 answers) is the tallest bar; score 2 (none) has no height.
    const heights = bars.map((b) => b.height as number);
    expect(Math.max(...heights)).toBe(heights[3]);
    expect(heights[1]).toBe(0);
    expect(spec.title).toMatchObject({ subtitle: 'CSAT 60.0% [23.1%, 88.2%] (wilson, 95%, n=5)' });
  });

  it('highlights the easy scores of a CES result, whichever end is easy', async () => {
    const r = await render(distributionChart(samples.ces));
    expect(itemsOf(r, 'bars')).toHaveLength(7);
    const spec = distributionChart({
      distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: 1, share: 0.2 })),
      scale: { min: 1, max: 5, direction: 'lower-is-easier', easyThreshold: 2 },
    });
    expect(spec.datasets.distribution?.map((row) => row.group)).toEqual(['easy', 'easy', 'other', 'other', 'other']);
    await render(spec);
  });

  it('rejects results without a distribution', () => {
    expect(() => distributionChart(samples.nps as never)).toThrow(
      /^distributionChart: expected a result with a distribution/,
    );
    expect(() => distributionChart({ distribution: [] })).toThrow(/^distributionChart: the distribution is empty/);
    expect(() => distributionChart({ distribution: [{ score: 1 }] } as never)).toThrow(/index 0/);
  });
});

describe('comparisonChart', () => {
  it('draws both groups with intervals and the difference against a zero line', async () => {
    const spec = comparisonChart(samples.npsDifference, { labels: ['March', 'February'] });
    const r = await render(spec);
    expect(itemsOf(r, 'groupInterval')).toHaveLength(2);
    expect(itemsOf(r, 'groupValue')).toHaveLength(2);
    expect(itemsOf(r, 'differenceInterval')).toHaveLength(1);
    expect(itemsOf(r, 'differenceValue')).toHaveLength(1);
    expect(itemsOf(r, 'zero')).toHaveLength(1);
    // The difference's interval [5.3, 50.4] lies right of 0: the rule starts after the zero line.
    const zero = itemsOf(r, 'zero')[0]?.x as number;
    const interval = itemsOf(r, 'differenceInterval')[0];
    expect(Math.min(interval?.x as number, interval?.x2 as number)).toBeGreaterThan(zero);
    expect(r.svg).toContain('March − February');
    expect(spec.title).toMatchObject({ text: 'NPS: March vs February', subtitle: 'adjusted-wald 95%, p=0.02' });
  });

  it('draws a difference of proportions in percentage points, crossing 0', async () => {
    const spec = comparisonChart(samples.proportionDifference);
    expect(spec.datasets.difference?.[0]?.difference).toBeCloseTo(-13.333333333, 6);
    const r = await render(spec);
    const zero = itemsOf(r, 'zero')[0]?.x as number;
    const interval = itemsOf(r, 'differenceInterval')[0];
    const [lo, hi] = [interval?.x as number, interval?.x2 as number].sort((a, b) => a - b);
    expect(lo).toBeLessThan(zero);
    expect(hi).toBeGreaterThan(zero);
    expect(r.svg).toContain('difference (percentage points)');
  });

  it('draws a difference of means', async () => {
    const r = await render(comparisonChart(samples.meansDifference));
    expect(itemsOf(r, 'groupValue')).toHaveLength(2);
  });

  it('rejects non-differences and bad labels', () => {
    expect(() => comparisonChart(samples.nps as never)).toThrow(/^comparisonChart: expected a Difference/);
    expect(() => comparisonChart({ ...samples.npsDifference, upper: Number.POSITIVE_INFINITY })).toThrow(/finite/);
    expect(() => comparisonChart({ ...samples.npsDifference, a: { value: 1 } } as never)).toThrow(/group a/);
    expect(() => comparisonChart(samples.npsDifference, { labels: ['x', 'x'] })).toThrow(/labels/);
  });
});

describe('intervalChart', () => {
  it('draws one row per estimate in the given order', async () => {
    const spec = intervalChart({
      email: csatFromCounts({ satisfied: 40, total: 50 }),
      chat: csatFromCounts({ satisfied: 45, total: 50 }),
    });
    const r = await render(spec);
    const points = itemsOf(r, 'estimate');
    expect(points).toHaveLength(2);
    expect(itemsOf(r, 'interval')).toHaveLength(2);
    expect((points[0]?.y as number) < (points[1]?.y as number)).toBe(true); // email above chat
    expect((points[0]?.x as number) < (points[1]?.x as number)).toBe(true); // 80% left of 90%
  });

  it('draws durations in a readable unit and infinite bounds to the edge', async () => {
    const d = samples.duration;
    const spec = intervalChart(
      { median: d.median, p90: d.percentiles.p90 as never, mean: d.mean },
      { format: 'duration', metric: 'resolution time' },
    );
    const rows = spec.datasets.estimates ?? [];
    expect(rows[0]).toMatchObject({ label: 'median', value: 5.5, lowerOpen: false });
    expect(rows[1]).toMatchObject({ label: 'p90', value: null, upperOpen: true });
    const r = await render(spec);
    expect(r.svg).toContain('resolution time (h)');
    expect(itemsOf(r, 'estimate')).toHaveLength(2); // no dot for the unreached p90
    expect(itemsOf(r, 'interval')).toHaveLength(3);
  });

  it('labels arrays #1, #2, …', () => {
    const spec = intervalChart([samples.nps, npsFromCounts({ promoters: 1, passives: 1, detractors: 1 })]);
    expect(spec.datasets.estimates?.map((row) => row.label)).toEqual(['#1', '#2']);
  });

  it('rejects empty input and non-estimates', () => {
    expect(() => intervalChart([])).toThrow(/^intervalChart: no estimates/);
    expect(() => intervalChart({ a: 1 } as never)).toThrow(/^intervalChart: "a" is 1/);
    expect(() => intervalChart(samples.nps as never)).toThrow(/record or an array/);
  });
});

describe('cohortRetentionChart', () => {
  it('draws one shaded, labelled cell per observable cohort × period', async () => {
    const r = await render(cohortRetentionChart(samples.cohorts));
    const cells = itemsOf(r, 'cells');
    expect(cells).toHaveLength(7);
    expect(itemsOf(r, 'labels').map((t) => t.text)).toEqual(['100%', '100%', '67%', '33%', '100%', '100%', '100%']);
    // Darker for more retained: 100% and 33% get different fills.
    expect(cells[0]?.fill).not.toBe(cells[3]?.fill);
  });

  it('rejects tables without observable cells', () => {
    expect(() => cohortRetentionChart({ ...samples.cohorts, cohorts: [] })).toThrow(/^cohortRetentionChart: no cohort/);
    expect(() => cohortRetentionChart({} as never)).toThrow(/^cohortRetentionChart: expected/);
  });
});
