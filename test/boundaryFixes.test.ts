import { describe, expect, it } from 'vitest';
import {
  breakdown,
  calendarPeriod,
  churnRate,
  churnRateByExposure,
  fcrFromCounts,
  kaplanMeier,
  meanInterval,
  npsFromCounts,
  previousPeriod,
  revenueRetention,
  trend,
} from '../src/index.ts';
import { createSurveyResponseSchema } from '../src/schemas/index.ts';
import { thrown } from './helpers/thrown.ts';

describe('the last options that ignored a misspelled key refuse it, naming the closest', () => {
  it.each([
    ['churnRate', () => churnRate({ customersAtStart: 100, churned: 5 }, { confidance: 0.9 } as never)],
    ['churnRateByExposure', () => churnRateByExposure({ churned: 5, exposure: 100 }, { confidance: 0.9 } as never)],
    ['fcrFromCounts', () => fcrFromCounts({ firstContact: 7, total: 10 }, { confidance: 0.9 } as never)],
    ['kaplanMeier', () => kaplanMeier([1, 2, 3], [1, 0, 1], { confidance: 0.9 } as never)],
  ])('%s', (_, call) => {
    const e = thrown(call);
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain("'confidance'");
    expect(e.message).toContain("'confidence'");
  });

  it('kaplanMeier with null options is INVALID_OPTION, not a TypeError', () => {
    expect(thrown(() => kaplanMeier([1, 2, 3], [1, 0, 1], null as never)).code).toBe('INVALID_OPTION');
  });
});

describe('hostile shapes are refused by name', () => {
  it('a hole in journeyStages is a missing stage name at its index', () => {
    const withHole = ['trial', 'x', 'paid'];
    delete withHole[1];
    const e = thrown(() => createSurveyResponseSchema({ journeyStages: withHole as never }));
    expect([e.code, e.index]).toEqual(['INVALID_OPTION', 1]);
  });

  it('breakdown and trend refuse an array-like of impossible length before allocating', () => {
    const absurd = { length: Number.MAX_SAFE_INTEGER };
    expect(thrown(() => breakdown(absurd as never, { by: 'channel', metric: 'nps' } as never)).message).toMatch(
      /length 9007199254740991/,
    );
    const options = { at: 'at', period: 'day', timeZone: 'UTC', metric: 'nps' };
    expect(thrown(() => trend(absurd as never, options as never)).code).toBe('INVALID_VALUE');
  });

  it('previousPeriod checks steps before negating them', () => {
    const p = calendarPeriod('2026-05-01', { period: 'month', timeZone: 'UTC' });
    expect(thrown(() => previousPeriod(p, Symbol('x') as never)).code).toBe('INVALID_OPTION');
    expect(previousPeriod(p).label).toBe('2026-04');
  });
});

describe('a bootstrap over data that does not vary warns ZERO_VARIANCE, like the other methods', () => {
  it('NPS bootstrap with every answer a promoter', () => {
    const r = npsFromCounts({ promoters: 40, passives: 0, detractors: 0 }, { method: 'bootstrap', seed: 1 });
    expect([r.lower, r.upper]).toEqual([100, 100]);
    expect(r.warnings.map((w) => w.code)).toContain('ZERO_VARIANCE');
  });

  it('meanInterval BCa on equal values', () => {
    const r = meanInterval([5, 5, 5, 5], { method: 'bootstrap-bca', seed: 1 });
    expect(r.warnings.map((w) => w.code)).toContain('ZERO_VARIANCE');
  });

  it('revenueRetention of customers who all keep their MRR', () => {
    const same = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, startMrr: 100, endMrr: 100 }));
    const r = revenueRetention(same, { seed: 1, resamples: 1000 });
    expect(r.grr.warnings.map((w) => w.code)).toContain('ZERO_VARIANCE');
  });
});
