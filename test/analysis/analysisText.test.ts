import { describe, expect, it } from 'vitest';
import { breakdown, trend } from '../../src/index.ts';
import { formatResult, resultKind } from '../../src/notebook/index.ts';

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
