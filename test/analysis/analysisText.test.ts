import { describe, expect, it } from 'vitest';
import { breakdown, trend } from '../../src/index.ts';
import { formatResult, resultKind, segmentChart } from '../../src/notebook/index.ts';
import { render } from '../notebook/render.ts';

const rows = [
  ...Array.from({ length: 80 }, (_, i) => ({
    ch: 'email',
    s: i % 4 === 0 ? 3 : 10,
    at: Date.UTC(2026, 0, 1 + (i % 60)),
  })),
  ...Array.from({ length: 60 }, (_, i) => ({
    ch: 'phone',
    s: i % 2 === 0 ? 2 : 9,
    at: Date.UTC(2026, 0, 1 + (i % 60)),
  })),
];

describe('text tables of breakdown and trend', () => {
  it('a breakdown prints one row per group with the interval bar, the comparison and the flag', () => {
    const b = breakdown(rows, { by: 'ch', metric: 'nps', accessor: 's' });
    const text = String(b);
    const lines = text.split('\n');
    expect(lines[0]).toBe('NPS by ch: each group vs the rest, holm-adjusted, flagged below 0.05 (┊ overall)');
    expect(lines[2]).toMatch(/^email\s+80\s+50\.0 \[\d+\.\d, \d+\.\d\]\s+.*●.*\+50\.0\s+0\.004\s+▲ higher$/);
    expect(lines[3]).toMatch(/^phone\s+60\s+0\.0 .*-50\.0\s+0\.004\s+▼ lower$/);
    expect(lines.at(-1)).toMatch(/^any difference across groups: wald-chi-square/);
    expect(formatResult(b)).toBe(text);
    // recognised by shape: a copy parsed back from JSON prints the same
    expect(formatResult(JSON.parse(JSON.stringify(b)))).toBe(text);
    expect(resultKind(b)).toBe('breakdown');
  });

  it('a trend prints one row per period, partial periods starred, rolling figures and the trend test', () => {
    const t = trend(rows, {
      at: 'at',
      period: 'month',
      timeZone: 'UTC',
      metric: 'nps',
      accessor: 's',
      window: { periods: 2 },
    });
    const lines = String(t).split('\n');
    expect(lines[0]).toBe(
      'NPS by month (UTC): rolling over 2 periods; each period vs the previous, holm-adjusted (* partial)',
    );
    expect(lines[2]).toMatch(/^2026-01\s+\d+ .*rolling /);
    expect(lines[4]).toMatch(/^2026-03\*\s+2 /);
    expect(resultKind(t)).toBe('trend');
    expect(formatResult(JSON.parse(JSON.stringify(t)))).toBe(String(t));
  });
});

describe('text tables and charts of duration metrics', () => {
  it('show the median with its interval, in hours', async () => {
    const tickets = Array.from({ length: 120 }, (_, i) => ({
      id: i,
      team: i % 2 === 0 ? 'a' : 'b',
      createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 50), 9)).toISOString(),
      resolvedAt: new Date(Date.UTC(2026, 0, 1 + (i % 50), 10 + (i % 4))).toISOString(),
    }));
    const b = breakdown(tickets, { by: 'team', metric: 'ttr', asOf: '2026-04-01' });
    const lines = String(b).split('\n');
    expect(lines[0]).toMatch(/^TTR median by team/);
    expect(lines[2]).toMatch(/^a\s+60\s+\d+\.\d h \[\d+\.\d h, \d+\.\d h\]/);
    const spec = segmentChart(b);
    expect(spec.datasets.groups?.map((g) => g.group)).toEqual(['a', 'b']);
    await render(spec);
    const t = trend(tickets, { at: 'createdAt', period: 'month', timeZone: 'UTC', metric: 'ttr', asOf: '2026-04-01' });
    expect(String(t).split('\n')[2]).toMatch(/^2026-01\*?\s+\d+\s+\d+\.\d h/);
  });
});
