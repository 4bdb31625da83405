import { describe, expect, it } from 'vitest';
import { CxMetricsError, effectiveSampleSize, seededRandom } from '../../src/index.ts';
import { randomBinomial, randomGamma } from '../../src/stats/random.ts';

function moments(draw: () => number, count: number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / count;
  return { mean, variance: (squares - count * mean * mean) / (count - 1) };
}

describe('seededRandom', () => {
  it('gives different streams for different seeds, including nearby and fractional ones', () => {
    const first = (seed: number) => seededRandom(seed)();
    const values = new Set([0, 1, 2, 1.5, -1, 1e9].map(first));
    expect(values.size).toBe(6);
  });

  it('is roughly uniform (seeded, 8 bins × 20 000 draws, chi-square well below the 0.999 critical value 24.3)', () => {
    const rng = seededRandom(123);
    const bins = new Array<number>(8).fill(0);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const bin = Math.floor(rng() * 8);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    const expected = draws / 8;
    const chi2 = bins.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(24.3);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => seededRandom(Number.NaN)).toThrow(CxMetricsError);
  });
});

describe('random variates (seeded, moments within 5 standard errors)', () => {
  it.each([
    [10, 0.3],
    [1000, 0.002],
    [1000, 0.45],
    [1_000_000, 0.7],
    [50, 0.999],
  ])('randomBinomial(%i, %f) has mean np and variance np(1 − p)', (n, p) => {
    const rng = seededRandom(n + p);
    const count = 20_000;
    const { mean, variance } = moments(() => randomBinomial(n, p, rng), count);
    const npq = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * Math.sqrt(npq)) / Math.sqrt(count));
    // Relative standard error of a sample variance: √((2 + excess kurtosis)/count).
    const excessKurtosis = (1 - 6 * p * (1 - p)) / npq;
    expect(Math.abs(variance / npq - 1)).toBeLessThan(5 * Math.sqrt((2 + excessKurtosis) / count));
  });

  it('randomBinomial stays within 0…n', () => {
    const rng = seededRandom(4);
    for (let i = 0; i < 5000; i++) {
      const k = randomBinomial(37, 0.6, rng);
      expect(Number.isInteger(k) && k >= 0 && k <= 37).toBe(true);
    }
  });

  it.each([0.3, 1, 2.5, 400])('randomGamma(%f) has mean and variance equal to the shape', (shape) => {
    const rng = seededRandom(shape);
    const count = 20_000;
    const { mean, variance } = moments(() => randomGamma(shape, rng), count);
    expect(Math.abs(mean - shape)).toBeLessThan((5 * Math.sqrt(shape)) / Math.sqrt(count));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
  });
});

describe('effectiveSampleSize', () => {
  it('is (Σw)²/Σw²', () => {
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 1, 1, 5])).toBeCloseTo(64 / 28, 14);
  });
  it('names the index of a bad weight and refuses all-zero weights', () => {
    expect(() => effectiveSampleSize([1, -1])).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', index: 1 }));
    expect(() => effectiveSampleSize([0, 0])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
});
