import { describe, expect, it } from 'vitest';
import { churn, estimate, fcr, mergeSummaries, slaAttainment, summarize, ttr } from '../../src/index.ts';
import { expectSameResult } from '../helpers/sameResult.ts';

// Mirrors "Support and churn summaries" in docs/summaries.md, so the numbers printed there stay true.
const may = [
  {
    id: 1,
    createdAt: '2026-05-04T09:00Z',
    firstResponseAt: '2026-05-04T09:20Z',
    resolvedAt: '2026-05-04T11:00Z',
    reopens: 0,
  },
  {
    id: 2,
    createdAt: '2026-05-05T09:00Z',
    firstResponseAt: '2026-05-05T10:00Z',
    resolvedAt: '2026-05-06T09:00Z',
    reopens: 1,
  },
  {
    id: 3,
    createdAt: '2026-05-06T09:00Z',
    firstResponseAt: '2026-05-06T09:05Z',
    resolvedAt: '2026-05-06T10:00Z',
    reopens: 0,
  },
];
const june = [
  {
    id: 4,
    createdAt: '2026-06-01T09:00Z',
    firstResponseAt: '2026-06-01T09:30Z',
    resolvedAt: '2026-06-01T11:00Z',
    reopens: 0,
  },
  { id: 5, createdAt: '2026-06-02T09:00Z', firstResponseAt: '2026-06-02T09:10Z' },
];
const asOf = '2026-06-03T09:00Z';
const hour = 3_600_000;

describe('docs/summaries.md: support and churn summaries', () => {
  it('fcr: May summarizes to the counts shown; May and June merge to 0.75 [0.301, 0.954]', () => {
    const options = { definition: 'no-reopen', asOf } as const;
    expect(summarize('fcr', may, options)).toEqual({
      kind: 'fcr-summary',
      version: 1,
      definition: 'no-reopen',
      total: 3,
      firstContact: 2,
      unresolved: 0,
      missingField: 0,
      windowOpen: 0,
      withField: 3,
    });
    const r = estimate(mergeSummaries(summarize('fcr', may, options), summarize('fcr', june, options)));
    expect([r.value, r.lower.toFixed(3), r.upper.toFixed(3), r.n, r.unresolved]).toEqual([
      0.75,
      '0.301',
      '0.954',
      4,
      1,
    ]);
    expectSameResult(r, fcr([...may, ...june], options));
  });

  it('sla: met 2 / missed 1 in May, met 1 / missed 1 in June, 0.6 together', () => {
    const a = summarize('sla', may, { targetMs: 4 * hour, asOf });
    const b = summarize('sla', june, { targetMs: 4 * hour, asOf });
    expect([a.met, a.missed, b.met, b.missed]).toEqual([2, 1, 1, 1]);
    const r = estimate(mergeSummaries(a, b));
    expect(r.value).toBe(0.6);
    expectSameResult(r, slaAttainment([...may, ...june], 4 * hour, { asOf }));
  });

  it('ttr: the tables shown, merged; median 2 h [1 h, ∞), restricted mean 10.6 h', () => {
    expect(summarize('ttr', june, { asOf })).toEqual({
      kind: 'ttr-summary',
      version: 1,
      clock: 'elapsed',
      unit: 'ms',
      times: [7200000, 86400000],
      events: [1, 0],
      censored: [0, 1],
    });
    const t = mergeSummaries(summarize('ttr', may, { asOf }), summarize('ttr', june, { asOf }));
    expect([t.times, t.events, t.censored]).toEqual([
      [3600000, 7200000, 86400000],
      [1, 2, 1],
      [0, 0, 1],
    ]);
    const r = estimate(t);
    expect([r.method, r.median.value / hour, r.median.lower / hour, r.median.upper]).toEqual([
      'kaplan-meier',
      2,
      1,
      Number.POSITIVE_INFINITY,
    ]);
    expect((r.mean.value / hour).toFixed(1)).toBe('10.6');
    expectSameResult(r, ttr([...may, ...june], { asOf }));
  });

  it('churn: the cohort and exposure summaries shown', () => {
    const customers = [
      { id: 'a', startedAt: '2026-01-10', endedAt: '2026-03-05' },
      { id: 'b', startedAt: '2026-02-01' },
      { id: 'c', startedAt: '2026-02-20', endedAt: '2026-04-02' },
      { id: 'd', startedAt: '2026-03-10', endedAt: '2026-03-20' },
    ];
    const window = { from: '2026-03-01', to: '2026-04-01' };
    expect(summarize('churn', customers, window)).toEqual({
      kind: 'churn-summary',
      version: 1,
      definition: 'cohort',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      customersAtStart: 3,
      churned: 1,
    });
    const e = summarize('churn', customers, { ...window, definition: 'exposure', unit: 'month' });
    expect(e).toMatchObject({ definition: 'exposure', churned: 2, unit: 'month', customers: 4 });
    expect(e.definition === 'exposure' && e.exposure.toFixed(4)).toBe('2.4969');
    expectSameResult(estimate(e), churn(customers, { ...window, definition: 'exposure', unit: 'month' }));
  });
});
