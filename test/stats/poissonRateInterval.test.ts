import { describe, expect, it } from 'vitest';
import { poissonRateInterval } from '../../src/index.ts';
import reference from '../fixtures/r-poisson-exact.json' with { type: 'json' };
import { expectRelative } from '../helpers/close.ts';

// Reference: R 4.2.2 poisson.test (test/fixtures/r-poisson-exact.json), including 4000 events
// where the chi-square quantile at 8002 degrees of freedom must be accurate.
describe('poissonRateInterval agrees with R poisson.test to 1e-9 relative', () => {
  it('includes a case with thousands of events', () => {
    expect(Math.max(...reference.cases.map((c) => c.events))).toBeGreaterThanOrEqual(4000);
  });
  it.each(reference.cases.map((c) => [`${c.events} events / ${c.exposure} at ${c.confidence}`, c] as const))(
    '%s',
    (_, c) => {
      const ci = poissonRateInterval(c.events, c.exposure, { confidence: c.confidence });
      expectRelative(ci.value, c.rate, 1e-12);
      expectRelative(ci.lower, c.lower, 1e-9);
      expectRelative(ci.upper, c.upper, 1e-9);
      expect(ci.method).toBe('exact-garwood');
    },
  );
});

describe('poissonRateInterval', () => {
  it('has lower bound 0 and a warning when no events were seen', () => {
    const ci = poissonRateInterval(0, 100);
    expect(ci.lower).toBe(0);
    expectRelative(ci.upper, -Math.log(0.025) / 100, 1e-13); // P(0 events) = e^{−λE} = α/2
    expect(ci.warnings.map((w) => w.code)).toEqual(['ZERO_EVENTS']);
  });

  it('rejects fractional or negative events and non-positive exposure', () => {
    expect(() => poissonRateInterval(1.5, 10)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => poissonRateInterval(-1, 10)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => poissonRateInterval(3, 0)).toThrow(/exposure is 0; expected a finite number greater than 0/);
    expect(() => poissonRateInterval(3, 10, { confidence: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
