import { describe, expect, it } from 'vitest';
import {
  betaCdf,
  chiSquareCdf,
  effectiveSampleSize,
  gammaCdf,
  MAX_BOOTSTRAP_DRAWS,
  meanInterval,
  normalCdf,
  poissonRateInterval,
  proportionInterval,
  proportionSampleSize,
  quantile,
  quantileInterval,
  seededRandom,
  tCdf,
} from '../../src/index.ts';
import { thrown } from '../helpers/thrown.ts';

// The boundary of every exported statistics function: options through checkOptions (undefined =
// defaults, not a plain object or an unknown key = INVALID_OPTION with the closest name), and
// arguments checked so that nothing inside fails with a bare TypeError or answers NaN.

type Call = (options: unknown) => unknown;
const withOptions: [name: string, call: Call, misspelt: Record<string, unknown>, expected: string][] = [
  ['proportionInterval', (o) => proportionInterval(42, 50, o as never), { methd: 'wald' }, 'method'],
  ['meanInterval', (o) => meanInterval([5, 7, 10], o as never), { resample: 1000 }, 'resamples'],
  ['quantile', (o) => quantile([1, 2, 3, 4], 0.5, o as never), { typ: 6 }, 'type'],
  ['quantileInterval', (o) => quantileInterval([1, 2, 3, 4, 5, 6], 0.5, o as never), { confidance: 0.9 }, 'confidence'],
  ['poissonRateInterval', (o) => poissonRateInterval(10, 1000, o as never), { confidance: 0.9 }, 'confidence'],
  ['proportionSampleSize', (o) => proportionSampleSize(0.5, 0.05, o as never), { confidance: 0.9 }, 'confidence'],
];

describe('statistics functions check their options object', () => {
  it.each(withOptions)('%s(…, undefined) gives the defaults', (_, call) => {
    expect(call(undefined)).toEqual(call({}));
  });

  it.each(withOptions)('%s refuses options that are not a plain object with INVALID_OPTION', (name, call) => {
    for (const bad of [null, 0.9, 'wilson', [], new Date(0)]) {
      const error = thrown(() => call(bad));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(new RegExp(`^${name}: options must be a plain object`));
    }
  });

  it.each(withOptions)(
    '%s refuses a misspelt option key, naming the closest valid one',
    (name, call, misspelt, valid) => {
      const error = thrown(() => call(misspelt));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toBe(`${name}: unknown option '${Object.keys(misspelt)[0]}'; did you mean '${valid}'?`);
    },
  );
});

describe('distribution functions refuse a NaN or non-number point instead of answering NaN', () => {
  const cdfs: [string, (x: unknown) => number][] = [
    ['normalCdf', (x) => normalCdf(x as number)],
    ['tCdf', (x) => tCdf(x as number, 5)],
    ['chiSquareCdf', (x) => chiSquareCdf(x as number, 3)],
    ['gammaCdf', (x) => gammaCdf(x as number, 2)],
    ['betaCdf', (x) => betaCdf(x as number, 2, 3)],
  ];

  it.each(cdfs)(
    '%s refuses NaN, a string, undefined, null or an object as the point with INVALID_VALUE',
    (name, cdf) => {
      for (const bad of [Number.NaN, '1', undefined, null, {}]) {
        const error = thrown(() => cdf(bad));
        expect(error.code).toBe('INVALID_VALUE');
        expect(error.message).toMatch(new RegExp(`^${name}: \\w+ is .*; expected a number`));
      }
    },
  );

  it.each(cdfs)('%s takes ±Infinity: 0 and 1', (_, cdf) => {
    expect(cdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(cdf(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('functions taking values refuse what is not an array of them', () => {
  it('effectiveSampleSize(null) and of a string are INVALID_VALUE, not a TypeError', () => {
    for (const bad of [null, undefined, '1111', 4]) {
      const error = thrown(() => effectiveSampleSize(bad as never));
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.message).toMatch(/^effectiveSampleSize: expected an array of weights/);
    }
  });

  it('a huge sparse array fails at its first hole, without allocating a copy', () => {
    const error = thrown(() => meanInterval(new Array(2 ** 32 - 1)));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.index).toBe(0);
    expect(error.message).toBe('meanInterval: value at index 0 is undefined; expected a finite number');
  });

  it('an array-like with an impossible or fractional length is refused', () => {
    for (const length of [2 ** 32, 2 ** 53, -1, 1.5, Number.POSITIVE_INFINITY]) {
      const error = thrown(() => quantile({ length } as ArrayLike<number>, 0.5));
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.message).toMatch(
        /^quantile: the values' length is .*; expected a whole number from 0 to 4294967295$/,
      );
    }
  });

  it('seededRandom refuses a seed that is not a finite number', () => {
    for (const bad of ['42', Number.NaN, undefined, null]) {
      expect(thrown(() => seededRandom(bad as never)).code).toBe('INVALID_OPTION');
    }
  });
});

describe("meanInterval 'bootstrap-bca' is bounded", () => {
  const counting = () => {
    const next = seededRandom(1);
    const rng = () => {
      rng.calls++;
      return next();
    };
    rng.calls = 0;
    return rng;
  };

  it('on zero-variance data warns ZERO_VARIANCE like the t method and draws nothing', () => {
    const rng = counting();
    const boot = meanInterval([3, 3, 3, 3], { method: 'bootstrap-bca', rng });
    const t = meanInterval([3, 3, 3, 3]);
    expect([boot.lower, boot.value, boot.upper]).toEqual([3, 3, 3]);
    expect(boot.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
    expect(t.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE']);
    expect(rng.calls).toBe(0);
  });

  it('refuses more than MAX_BOOTSTRAP_DRAWS draws before drawing any, stating the cost and the way out', () => {
    expect(MAX_BOOTSTRAP_DRAWS).toBe(1e8);
    const values = Float64Array.from({ length: 100_000 }, (_, i) => i % 97);
    const rng = counting();
    const error = thrown(() => meanInterval(values, { method: 'bootstrap-bca', rng }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(
      "meanInterval: 'bootstrap-bca' on 100 000 values × 10 000 resamples is 1 000 000 000 random draws " +
        '(about 15 s), over the limit of 100 000 000 (MAX_BOOTSTRAP_DRAWS); pass resamples of at most 1 000 for ' +
        "100 000 values, or use method 't'",
    );
    expect(rng.calls).toBe(0);
  });

  it('counts values × resamples: one resample over the limit is refused', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const error = thrown(() => meanInterval(values, { method: 'bootstrap-bca', resamples: 100_001, seed: 1 }));
    expect(error.message).toMatch(/100 001 000 random draws .* pass resamples of at most 100 000 for 1 000 values/);
  });

  it('beyond a million values only the t method is offered', () => {
    const values = Float64Array.from({ length: 1_000_001 }, (_, i) => i % 7);
    const error = thrown(() => meanInterval(values, { method: 'bootstrap-bca', resamples: 100, seed: 1 }));
    expect(error.message).toMatch(/use method 't' \(even 100 resamples of 1 000 001 values exceed the limit/);
    expect(meanInterval(values).method).toBe('t');
  });

  it('within the limit the bootstrap runs and stays seeded', () => {
    const values = Float64Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 1000);
    const a = meanInterval(values, { method: 'bootstrap-bca', resamples: 200, seed: 5 });
    const b = meanInterval(values, { method: 'bootstrap-bca', resamples: 200, seed: 5 });
    expect(a).toEqual(b);
    expect(a.lower).toBeLessThan(a.value);
    expect(a.upper).toBeGreaterThan(a.value);
  });
});
