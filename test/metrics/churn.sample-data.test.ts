import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../examples/csv.ts';
import { churn } from '../../src/metrics/churn.ts';
import { convertChurnRate } from '../../src/metrics/convertChurnRate.ts';
import { customerLifetimeValue } from '../../src/metrics/customerLifetimeValue.ts';
import { cohortRetention, retentionCurve } from '../../src/metrics/retention.ts';
import { revenueRetention } from '../../src/metrics/revenueRetention.ts';
import { parseCustomers } from '../../src/schemas/index.ts';

// The figures quoted in docs/churn.md and examples/data/subscriptions.README.md.
const text = readFileSync(new URL('../../examples/data/subscriptions.csv', import.meta.url), 'utf8');
const { rows } = readCsvTable(text, ['id', 'started_at', 'ended_at', 'plan', 'mrr', 'mrr_2025_01_01']);
interface Row {
  id: string;
  started_at: string;
  ended_at: string;
  plan: string;
  mrr: string;
  mrr_2025_01_01: string;
}
const values = rows.map((row) => row.values as unknown as Row);
const customers = values.map((v) => ({ id: v.id, startedAt: v.started_at, endedAt: v.ended_at }));
const asOf = '2026-01-01';
const pct = (x: number) => (100 * x).toFixed(2);

describe('examples/data/subscriptions.csv', () => {
  it('parses with the Customer schema: 403 customers, 304 active', () => {
    const parsed = parseCustomers(
      values.map((v) => ({ id: v.id, startedAt: v.started_at, endedAt: v.ended_at, plan: v.plan, mrr: v.mrr })),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(403);
    expect(parsed.data.filter((c) => c.endedAt === undefined).length).toBe(304);
  });

  it('gives the churn figures quoted in the docs', () => {
    const december = churn(customers, { from: '2025-12-01', to: asOf });
    expect([december.churned, december.n, pct(december.value), pct(december.lower), pct(december.upper)]).toEqual([
      8,
      292,
      '2.74',
      '1.39',
      '5.31',
    ]);
    const year = churn(customers, { from: '2025-01-01', to: asOf });
    expect([year.churned, year.n, pct(year.value), pct(year.lower), pct(year.upper)]).toEqual([
      38,
      141,
      '26.95',
      '20.31',
      '34.81',
    ]);
    const perMonth = churn(customers, { from: '2025-01-01', to: asOf, definition: 'exposure', unit: 'month' });
    expect([perMonth.churned, Math.round(perMonth.exposure ?? 0), pct(perMonth.value)]).toEqual([70, 2641, '2.65']);
    const june = churn(customers, { from: '2025-06-01', to: '2025-07-01' });
    expect([june.churned, june.n]).toEqual([2, 204]);
    const annual = convertChurnRate(june, { from: 'month', to: 'year' });
    expect([annual.value, annual.lower, annual.upper].map((x) => (100 * x).toFixed(1))).toEqual([
      '11.2',
      '3.2',
      '34.8',
    ]);
  });

  it('gives the retention figures quoted in the docs', () => {
    const curve = retentionCurve(customers, { asOf, unit: 'month' });
    const at = (t: number) => curve.points.filter((p) => p.time <= t).at(-1)?.survival ?? 1;
    expect([at(3), at(12), at(18)].map((s) => Math.round(100 * s))).toEqual([88, 71, 64]);
    expect(curve.median.value).toBe(Number.POSITIVE_INFINITY);
    expect(curve.median.lower.toFixed(1)).toBe('20.2');
    expect(curve.warnings.map((w) => w.code)).toEqual(['NOT_REACHED']);
    const table = cohortRetention(customers, { period: 'quarter', asOf });
    expect(table.cohorts[0]?.cells.map((c) => Math.round(100 * c.retained.value))).toEqual([
      100, 94, 86, 81, 69, 53, 47, 42, 33,
    ]);
    expect(table.cohorts.map((row) => row.size)).toEqual([36, 39, 45, 50, 53, 58, 60, 62]);
  });

  it('gives the revenue retention and CLV figures quoted in the docs', () => {
    const records = values
      .filter((v) => v.mrr_2025_01_01 !== '')
      .map((v) => ({ id: v.id, startMrr: Number(v.mrr_2025_01_01), endMrr: v.ended_at === '' ? Number(v.mrr) : 0 }));
    const r = revenueRetention(records, { seed: 1 });
    expect(r.n).toBe(141);
    expect([r.grr.value, r.grr.lower, r.grr.upper].map((x) => (100 * x).toFixed(1))).toEqual(['73.0', '55.8', '88.7']);
    expect([r.nrr.value, r.nrr.lower, r.nrr.upper].map((x) => (100 * x).toFixed(1))).toEqual(['81.8', '62.1', '100.4']);
    // ARPA of the same customers whose churn it is divided by: the 292 active on 1 December (as the
    // demo's CLV section), not the 304 active at the export.
    const start = Date.parse('2025-12-01');
    const cohort = values.filter(
      (v) => Date.parse(v.started_at) <= start && (v.ended_at === '' || Date.parse(v.ended_at) > start),
    );
    const arpa = cohort.reduce((sum, v) => sum + Number(v.mrr), 0) / cohort.length;
    expect([cohort.length, Math.round(arpa)]).toEqual([292, 654]);
    const december = churn(customers, { from: '2025-12-01', to: asOf });
    expect(december.n).toBe(cohort.length);
    const clv = customerLifetimeValue({ arpa, churnRate: december, margin: 0.8 });
    expect([clv.value, clv.lower, clv.upper].map((x) => Math.round(x))).toEqual([19110, 9856, 37540]);
  });
});

describe('records parsed by the Customer schema', () => {
  it('are accepted as they are (types and values)', () => {
    const parsed = parseCustomers(values.map((v) => ({ id: v.id, startedAt: v.started_at, endedAt: v.ended_at })));
    const window = { from: '2025-12-01', to: asOf };
    expect(churn(parsed.data, window)).toEqual(churn(customers, window));
    expect(retentionCurve(parsed.data, { asOf }).points).toEqual(retentionCurve(customers, { asOf }).points);
  });
});
