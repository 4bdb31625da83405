import { describe, expect, it } from 'vitest';
import {
  effectiveSampleSize,
  meanInterval,
  PROPORTION_METHODS,
  poissonRateInterval,
  proportionInterval,
  quantile,
  quantileInterval,
  seededRandom,
} from '../../src/index.ts';
import { binomialCdf } from '../../src/stats/binomialCdf.ts';
import { fc } from '../helpers/fc.ts';

const finite = (min = -1e6, max = 1e6) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true });
const trials = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe('proportionInterval properties', () => {
  it('stays in [0, 1] with lower ≤ value ≤ upper for every method', () => {
    fc.assert(
      fc.property(trials, fc.constantFrom(...PROPORTION_METHODS), confidence, ([x, n], method, conf) => {
        const ci = proportionInterval(x, n, { method, confidence: conf });
        expect(0).toBeLessThanOrEqual(ci.lower);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(ci.value + 1e-12);
        expect(ci.value).toBeLessThanOrEqual(ci.upper + 1e-12);
      }),
    );
  });

  it('mirrors under successes ↔ failures', () => {
    fc.assert(
      fc.property(trials, fc.constantFrom(...PROPORTION_METHODS), confidence, ([x, n], method, conf) => {
        const a = proportionInterval(x, n, { method, confidence: conf });
        const b = proportionInterval(n - x, n, { method, confidence: conf });
        expect(b.lower).toBeCloseTo(1 - a.upper, 10);
        expect(b.upper).toBeCloseTo(1 - a.lower, 10);
      }),
    );
  });

  it('nests: a higher confidence gives a wider interval containing the narrower', () => {
    fc.assert(
      fc.property(trials, fc.constantFrom(...PROPORTION_METHODS), confidence, confidence, ([x, n], method, c1, c2) => {
        const [lo, hi] = c1 < c2 ? [c1, c2] : [c2, c1];
        const narrow = proportionInterval(x, n, { method, confidence: lo });
        const wide = proportionInterval(x, n, { method, confidence: hi });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-12);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-12);
      }),
    );
  });
});

describe('quantile and quantileInterval properties', () => {
  const values = fc.array(finite(), { minLength: 1, maxLength: 200 });
  const p = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });

  it('quantile is non-decreasing in p and between min and max', () => {
    fc.assert(
      fc.property(values, p, p, (v, p1, p2) => {
        const [a, b] = p1 < p2 ? [p1, p2] : [p2, p1];
        expect(quantile(v, a)).toBeLessThanOrEqual(quantile(v, b));
        expect(quantile(v, a)).toBeGreaterThanOrEqual(Math.min(...v));
        expect(quantile(v, b)).toBeLessThanOrEqual(Math.max(...v));
      }),
    );
  });

  it('quantile scales with the data: minutes vs hours differ by exactly 60 for powers-of-two-safe values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 100 }), p, (v, q) => {
        const hours = v.map((x) => x * 4); // exact scaling
        expect(quantile(hours, q)).toBeCloseTo(4 * quantile(v, q), 6);
      }),
    );
  });

  it('reports its true binomial coverage, at least the requested one whenever n allows', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0.01, max: 0.99, noNaN: true }), confidence, (v, q, conf) => {
        const ci = quantileInterval(v, q, { confidence: conf });
        const n = v.length;
        const exact = binomialCdf(ci.upperRank - 1, n, q) - binomialCdf(ci.lowerRank - 1, n, q);
        expect(ci.achievedConfidence).toBeCloseTo(exact, 12);
        const best = 1 - q ** n - (1 - q) ** n;
        if (best >= conf + 1e-12) expect(ci.achievedConfidence).toBeGreaterThanOrEqual(conf);
        expect(ci.warnings.length > 0).toBe(ci.achievedConfidence < conf);
        expect(ci.lower).toBeLessThanOrEqual(ci.value);
        expect(ci.value).toBeLessThanOrEqual(ci.upper);
      }),
    );
  });

  it('quantileInterval is equivariant under positive scaling', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 100 }), p, (v, q) => {
        const a = quantileInterval(v, q);
        const b = quantileInterval(
          v.map((x) => x * 60),
          q,
        );
        expect(b.lower).toBe(a.lower * 60);
        expect(b.upper).toBe(a.upper * 60);
        expect(b.achievedConfidence).toBe(a.achievedConfidence);
      }),
    );
  });
});

describe('meanInterval properties', () => {
  const sample = fc.array(finite(-1e3, 1e3), { minLength: 2, maxLength: 100 });

  it('contains the mean and is equivariant under scaling and shifting', () => {
    fc.assert(
      fc.property(sample, finite(0.01, 100), finite(-100, 100), (v, k, shift) => {
        const a = meanInterval(v);
        const b = meanInterval(v.map((x) => k * x + shift));
        expect(a.lower).toBeLessThanOrEqual(a.value);
        expect(a.value).toBeLessThanOrEqual(a.upper);
        const tol = 1e-7 * (1 + Math.abs(k * a.upper) + Math.abs(shift));
        expect(Math.abs(b.lower - (k * a.lower + shift))).toBeLessThan(tol);
        expect(Math.abs(b.upper - (k * a.upper + shift))).toBeLessThan(tol);
      }),
    );
  });
});

describe('poissonRateInterval properties', () => {
  it('contains the rate and nests with confidence', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), finite(0.01, 1e6), confidence, confidence, (k, e, c1, c2) => {
        const [lo, hi] = c1 < c2 ? [c1, c2] : [c2, c1];
        const narrow = poissonRateInterval(k, e, { confidence: lo });
        const wide = poissonRateInterval(k, e, { confidence: hi });
        expect(narrow.lower).toBeLessThanOrEqual(narrow.value);
        expect(narrow.value).toBeLessThanOrEqual(narrow.upper);
        // Relative 1e-12 slack: confidences a few ulps apart give bounds a few ulps apart.
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower * (1 + 1e-12));
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper * (1 - 1e-12));
      }),
    );
  });
});

describe('seededRandom and effectiveSampleSize properties', () => {
  it('seededRandom returns numbers in [0, 1) and the same stream for the same seed', () => {
    fc.assert(
      fc.property(finite(-1e12, 1e12), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const u = a();
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          expect(b()).toBe(u);
        }
      }),
    );
  });

  it('Kish n_eff lies between 1 and the number of positive weights, and equals it for equal weights', () => {
    fc.assert(
      fc.property(fc.array(finite(0, 100), { minLength: 1, maxLength: 100 }), (w) => {
        const positive = w.filter((x) => x > 0).length;
        fc.pre(positive > 0);
        const n = effectiveSampleSize(w);
        expect(n).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(n).toBeLessThanOrEqual(positive + 1e-9);
        expect(effectiveSampleSize(w.map(() => 2.5))).toBeCloseTo(w.length, 9);
      }),
    );
  });
});
