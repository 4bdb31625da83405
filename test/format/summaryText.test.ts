import { deepStrictEqual } from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  calendarPeriod,
  estimate,
  mergeSummaries,
  type NpsSummary,
  nextPeriod,
  previousPeriod,
  type Summary,
  summarize,
} from '../../src/index.ts';
import { summariesFromRows } from '../../src/sql/index.ts';
import { fc } from '../helpers/fc.ts';

const tickets = [
  { id: 1, createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T10:00Z', agentReplies: 1 },
  { id: 2, createdAt: '2026-05-01T09:00Z', resolvedAt: '2026-05-01T12:00Z', agentReplies: 3 },
  { id: 3, createdAt: '2026-05-01T09:00Z' },
];
const customers = [
  { id: 1, startedAt: '2026-01-01', endedAt: '2026-02-10' },
  { id: 2, startedAt: '2026-01-01' },
];
const window = { from: '2026-02-01', to: '2026-03-01' };

// Each kind and the line it prints as: the counts and what the summary was made under, never an
// estimate (the lines are the contract; the counts are those of the inputs beside them).
const CASES: [string, () => Summary, string][] = [
  ['nps', () => summarize('nps', [10, 9, 3, null, 8]), 'nps summary: n=4 (0–10 scale), 1 skipped'],
  [
    'nps on its own scale',
    () => summarize('nps', [5, 1, null], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }),
    'nps summary: n=2 (1–5 scale, detractors ≤ 3, promoters ≥ 5), 1 skipped',
  ],
  [
    'weighted nps',
    () => summarize('nps', [10, 0], { weights: [3, 1] }),
    'nps summary: n=2 (0–10 scale), 0 skipped, weighted',
  ],
  ['csat', () => summarize('csat', [5, 4, 2, null]), 'csat summary: n=3 (1–5 scale, satisfied ≥ 4), 1 skipped'],
  ['ces', () => summarize('ces', [7, 6, 2]), 'ces summary: n=3 (1–7 scale, easy ≥ 5), 0 skipped'],
  ['proportion', () => summarize('proportion', { successes: 4200, n: 5000 }), 'proportion summary: 4,200 of 5,000'],
  ['mean', () => summarize('mean', [1, 2, 3, 4.5]), 'mean summary: n=4, mean 2.625, M2 6.6875'],
  [
    'fcr',
    () => summarize('fcr', tickets, { definition: 'one-touch' }),
    'fcr summary (one-touch): 1 of 2 resolved at first contact; left out 1 unresolved',
  ],
  [
    'sla',
    () => summarize('sla', [1000, 5000, 7_200_000], { targetMs: 3_600_000 }),
    'sla summary (resolution within 1 h, elapsed time): 2 met, 1 missed, 0 pending',
  ],
  [
    'ttr',
    () => summarize('ttr', [5, 1, 5], { events: [1, 1, 0] } as never),
    'ttr summary (elapsed time): n=3, 2 completed, 1 censored',
  ],
  [
    'churn (cohort)',
    () => summarize('churn', customers, window),
    'churn summary (cohort, 2026-02-01T00:00:00.000Z to 2026-03-01T00:00:00.000Z): 1 of 2 customers churned',
  ],
];

describe('summaries print as one line of what they count, and stay plain JSON', () => {
  it.each(CASES)('a %s summary: String, template literal and util.inspect give its line', (_, make, line) => {
    const s = make();
    expect(String(s)).toBe(line);
    expect(`${s}`).toBe(line);
    expect(inspect(s)).toBe(line);
    expect([s].join('')).toBe(line);
  });

  it.each(CASES)('a %s summary: JSON, structuredClone, spreading and equality see the fields only', (_, make) => {
    const s = make();
    const plain = JSON.parse(JSON.stringify(s)) as Summary;
    expect(Object.keys(s)).toEqual(Object.keys(plain));
    expect(s).toStrictEqual(plain);
    deepStrictEqual(s, plain);
    expect(structuredClone(s)).toStrictEqual(plain);
    expect({ ...s }).toStrictEqual(plain);
    // Copies are bare objects again.
    expect(String(plain)).toBe('[object Object]');
    expect(String(structuredClone(s))).toBe('[object Object]');
  });

  it.each(CASES)('a %s summary: estimate and mergeSummaries give what they give for its JSON', (_, make) => {
    const s = make();
    const plain = JSON.parse(JSON.stringify(s)) as Summary;
    expect(estimate(s as never)).toStrictEqual(estimate(plain as never));
    const merged = mergeSummaries(s, s);
    expect(merged).toStrictEqual(mergeSummaries(plain, plain));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(mergeSummaries(plain, plain)));
    expect(String(merged)).not.toBe('[object Object]');
    // The inputs are not touched: a plain summary given to mergeSummaries stays bare.
    expect(String(plain)).toBe('[object Object]');
  });

  it('an exposure churn summary names its exposure and unit', () => {
    const s = summarize('churn', customers, { ...window, definition: 'exposure', unit: 'month' } as never);
    expect(String(s)).toMatch(
      /^churn summary \(exposure, 2026-02-01T00:00:00\.000Z to 2026-03-01T00:00:00\.000Z\): 1 churned over [\d.]+ months of exposure, 2 customers$/,
    );
  });

  it('a CES summary on a lower-is-easier scale says easy ≤ its threshold', () => {
    const s = summarize('ces', [1, 4, 2], { direction: 'lower-is-easier' } as never);
    expect(String(s)).toBe(
      `ces summary: n=3 (1–5 scale, easy ≤ ${s.kind === 'ces-summary' && s.scale.easyThreshold}), 0 skipped`,
    );
  });

  it('merged summaries print their merged counts, with thousands separators', () => {
    const a = summarize('proportion', { successes: 999, n: 1000 });
    const b = summarize('proportion', { successes: 1, n: 1 });
    expect(`${mergeSummaries(a, b)}`).toBe('proportion summary: 1,000 of 1,001');
  });

  it("docs/summaries.md's printed lines are what those summaries print", () => {
    const fcr = { kind: 'fcr-summary', version: 1, definition: 'one-touch', total: 50, firstContact: 41 };
    const fcrFull = { ...fcr, unresolved: 0, missingField: 0, windowOpen: 0 };
    expect(String(mergeSummaries(fcrFull as Summary))).toBe(
      'fcr summary (one-touch): 41 of 50 resolved at first contact',
    );
    const schedule = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] } };
    const sla = summarize('sla', tickets.slice(0, 1), { targetMs: 4 * 3_600_000, businessHours: schedule } as never);
    const counted = { ...JSON.parse(JSON.stringify(sla)), met: 90, missed: 10, pending: 2 } as Summary;
    expect(String(mergeSummaries(counted))).toBe(
      'sla summary (resolution within 4 h, business hours): 90 met, 10 missed, 2 pending',
    );
    const nps = { ...JSON.parse(JSON.stringify(summarize('nps', []))), skipped: 12 } as NpsSummary;
    nps.counts = nps.counts.map((_, k) => (k === 10 ? 1234 : 0));
    expect(String(mergeSummaries(nps))).toBe('nps summary: n=1,234 (0–10 scale), 12 skipped');
  });

  it('summaries read from SQL rows print as their line', () => {
    const [entry] = summariesFromRows(
      'nps',
      [
        { cx_score: 9, cx_count: 2 },
        { cx_score: null, cx_count: 1 },
      ],
      {
        columns: { score: 'score' },
      },
    );
    expect(String(entry?.summary)).toBe('nps summary: n=2 (0–10 scale), 1 skipped');
    expect(JSON.parse(JSON.stringify(entry?.summary))).toStrictEqual(entry?.summary);
  });

  it('a summary its owner broke still prints its kind, never throws', () => {
    const s = summarize('nps', [10]) as { counts: unknown };
    s.counts = null;
    expect(String(s)).toBe('nps-summary');
  });

  it('property: an NPS summary counts its answered and skipped scores, and its JSON estimates the same', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), { minLength: 1 }), (xs) => {
        const s = summarize('nps', xs);
        const answered = xs.filter((x) => x !== null).length;
        expect(String(s)).toBe(`nps summary: n=${answered} (0–10 scale), ${xs.length - answered} skipped`);
        const plain = JSON.parse(JSON.stringify(s)) as Summary;
        expect(s).toStrictEqual(plain);
        if (answered > 0) expect(estimate(s as never)).toStrictEqual(estimate(plain as never));
      }),
      { numRuns: 100 },
    );
  });
});

describe('calendar periods print as their label, zone and half-open range', () => {
  const april = calendarPeriod('2026-03-31T22:30Z', { period: 'month', timeZone: 'Europe/Berlin' });

  it('String, template literal and util.inspect give the label and range', () => {
    const line = '2026-04 in Europe/Berlin [2026-03-31T22:00:00.000Z, 2026-04-30T22:00:00.000Z)';
    expect(String(april)).toBe(line);
    expect(`${april}`).toBe(line);
    expect(inspect(april)).toBe(line);
  });

  it('nextPeriod and previousPeriod return printable periods too', () => {
    expect(`${nextPeriod(april)}`).toBe(
      '2026-05 in Europe/Berlin [2026-04-30T22:00:00.000Z, 2026-05-31T22:00:00.000Z)',
    );
    const w1 = calendarPeriod('2026-01-01', { period: 'week', timeZone: 'UTC' });
    expect(`${previousPeriod(w1)}`).toBe('2025-W52 in UTC [2025-12-22T00:00:00.000Z, 2025-12-29T00:00:00.000Z)');
  });

  it('JSON, structuredClone, spreading and equality see the fields only', () => {
    const plain = JSON.parse(JSON.stringify(april)) as typeof april;
    expect(Object.keys(april)).toEqual(Object.keys(plain));
    expect(april).toStrictEqual(plain);
    deepStrictEqual(april, plain);
    expect(structuredClone(april)).toStrictEqual(plain);
    expect(nextPeriod(plain)).toStrictEqual(nextPeriod(april));
    expect(String(plain)).toBe('[object Object]');
  });
});
