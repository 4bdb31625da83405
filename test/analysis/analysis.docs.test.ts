import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNpsSurvey } from '../../examples/loaders.ts';
import { breakdown, trend } from '../../src/index.ts';

// The worked numbers of docs/analysis.md, "Segments and periods from the records", on the bundled
// sample (examples/data/nps-responses.csv). The page rounds them; each is checked as printed.
const { responses } = loadNpsSurvey(join(import.meta.dirname, '..', '..', 'examples', 'data', 'nps-responses.csv'));
const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'analysis.md'), 'utf8');
const f1 = (x: number) => x.toFixed(1).replace('-', '−');
const signed = (x: number) => (x >= 0 ? `+${x.toFixed(1)}` : f1(x));
const range = { from: '2026-05-01T00:00+02:00', to: '2026-11-01T00:00+01:00' } as const;

describe('docs/analysis.md: segments and periods on the sample data', () => {
  it('which channel is worse than the rest', () => {
    const b = breakdown(responses, { by: 'channel', metric: 'nps', accessor: 'score' });
    const rows = b.groups.map((g) => {
      const e = g.estimate as { value: number; lower: number; upper: number };
      const d = g.vsRest as { difference: number; lower: number; upper: number };
      return `| ${g.label} | ${g.n} | ${f1(e.value)} [${f1(e.lower)}, ${f1(e.upper)}] | ${signed(d.difference)} [${signed(d.lower)}, ${signed(d.upper)}] |`;
    });
    for (const row of rows) expect(page).toContain(row);
    expect(b.groups.map((g) => Number((g.pValue as number).toPrecision(2)))).toEqual([0.85, 0.0085, 0.053, 0.095]);
    expect(b.groups.map((g) => Number((g.adjustedPValue as number).toPrecision(2)))).toEqual([0.85, 0.034, 0.16, 0.19]);
    expect(b.groups.map((g) => g.flag)).toEqual(['none', 'higher', 'none', 'none']);
    expect(`${f1(b.overall.value)} [${f1(b.overall.lower)}, ${f1(b.overall.upper)}] on ${b.overall.n} answers`).toBe(
      '26.3 [19.6, 32.7] on 570 answers',
    );
    expect([b.test?.statistic.toFixed(2), b.test?.df, b.test?.pValue.toFixed(3)]).toEqual(['10.54', 3, '0.014']);
  });

  it('is this month’s drop real', () => {
    const t = trend(responses, {
      at: 'submittedAt',
      period: 'month',
      timeZone: 'Europe/Berlin',
      metric: 'nps',
      accessor: 'score',
      ...range,
    });
    expect(t.periods.map((p) => [p.label, p.n, f1((p.estimate as { value: number }).value)])).toEqual([
      ['2026-05', 85, '32.9'],
      ['2026-06', 101, '34.7'],
      ['2026-07', 90, '34.4'],
      ['2026-08', 105, '4.8'],
      ['2026-09', 98, '29.6'],
      ['2026-10', 91, '24.2'],
    ]);
    const aug = t.periods[3];
    const d = aug?.vsPrevious as { difference: number; lower: number; upper: number; pValue: number };
    expect(`${signed(d.difference)} [${signed(d.lower)}, ${signed(d.upper)}]`).toBe('−29.7 [−51.3, −6.1]');
    expect([d.pValue.toFixed(4), aug?.adjustedPValue?.toFixed(3)]).toEqual(['0.0127', '0.063']);
    expect(t.periods[4]?.adjustedPValue?.toFixed(3)).toBe('0.123');
    expect(t.periods.every((p) => p.flag === 'none' && !p.partial)).toBe(true);
    expect(t.trendTest?.pValue.toFixed(2)).toBe('0.19');
  });

  it('trailing 30-day NPS', () => {
    const t = trend(responses, {
      at: 'submittedAt',
      period: 'day',
      timeZone: 'Europe/Berlin',
      metric: 'nps',
      accessor: 'score',
      window: { days: 30 },
      ...range,
    });
    const last = t.periods.at(-1);
    const r = last?.rolling?.estimate as { value: number; lower: number; upper: number };
    expect([last?.label, last?.rolling?.n, `${f1(r.value)} [${f1(r.lower)}, ${f1(r.upper)}]`]).toEqual([
      '2026-10-31',
      90,
      '24.4 [7.3, 40.0]',
    ]);
    expect(page).toContain('2026-10-02 … 2026-10-31: NPS 24.4 [7.3, 40.0], n = 90');
    const aug = t.periods.find((p) => p.label === '2026-08-31');
    const a = aug?.rolling?.estimate as { value: number; lower: number; upper: number };
    expect(`${f1(a.value)} [${f1(a.lower)}, ${f1(a.upper)}] on ${aug?.rolling?.n} answers`).toBe(
      '3.0 [−13.2, 18.9] on 101 answers',
    );
  });
});
