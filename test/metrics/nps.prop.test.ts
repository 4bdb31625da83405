import { describe, expect, it } from 'vitest';
import { type NpsMethod, nps, npsFromCounts } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const METHODS: NpsMethod[] = ['adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes'];
const DETERMINISTIC: NpsMethod[] = ['adjusted-wald', 'wald', 'tango'];

const score = fc.integer({ min: 0, max: 10 });
const answer = fc.option(score, { nil: null, freq: 8 });
const answers = fc.array(answer, { minLength: 1, maxLength: 80 }).filter((a) => a.some((s) => s !== null));
const counts = fc
  .record({
    promoters: fc.nat({ max: 300 }),
    passives: fc.nat({ max: 300 }),
    detractors: fc.nat({ max: 300 }),
  })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);
const method = fc.constantFrom(...METHODS);
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true });
// Few resamples keep the random methods fast; the properties hold for any number.
const fast = { resamples: 200, seed: 9 };

describe('nps properties', () => {
  it('bounds stay inside [−100, 100] and lower ≤ upper for every method', () => {
    fc.assert(
      fc.property(counts, method, confidence, (c, m, conf) => {
        const r = npsFromCounts(c, { method: m, confidence: conf, ...fast });
        expect(r.lower).toBeGreaterThanOrEqual(-100);
        expect(r.upper).toBeLessThanOrEqual(100);
        expect(r.lower).toBeLessThanOrEqual(r.upper);
        expect(r.value).toBeGreaterThanOrEqual(-100);
        expect(r.value).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('lower ≤ value ≤ upper for wald, tango and bootstrap; adjusted-wald and bayes warn whenever they exclude it', () => {
    fc.assert(
      fc.property(counts, method, confidence, (c, m, conf) => {
        const r = npsFromCounts(c, { method: m, confidence: conf, ...fast });
        const inside = r.lower <= r.value + 1e-9 && r.value <= r.upper + 1e-9;
        const warned = r.warnings.some((w) => w.code === 'ESTIMATE_OUTSIDE_INTERVAL');
        if (m === 'adjusted-wald' || m === 'bayes') expect(inside || warned).toBe(true);
        else expect(inside).toBe(true);
        expect(warned).toBe(!inside);
      }),
    );
  });

  it('is invariant to the order of the answers', () => {
    fc.assert(
      fc.property(answers, fc.integer(), method, (a, seed, m) => {
        const shuffled = fc.sample(fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }), {
          seed,
          numRuns: 1,
        })[0] as typeof a;
        expect(nps(shuffled, { method: m, ...fast })).toEqual(nps(a, { method: m, ...fast }));
      }),
    );
  });

  it('adding a promoter never lowers NPS, adding a detractor never raises it', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const before = nps(a).value;
        expect(nps([...a, 10]).value).toBeGreaterThanOrEqual(before);
        expect(nps([...a, 0]).value).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('swapping promoters and detractors negates the value and mirrors the interval', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...DETERMINISTIC), confidence, (c, m, conf) => {
        const r = npsFromCounts(c, { method: m, confidence: conf });
        const s = npsFromCounts(
          { promoters: c.detractors, passives: c.passives, detractors: c.promoters },
          { method: m, confidence: conf },
        );
        expect(s.value).toBeCloseTo(-r.value, 9);
        expect(s.lower).toBeCloseTo(-r.upper, 7);
        expect(s.upper).toBeCloseTo(-r.lower, 7);
      }),
    );
  });

  it('a higher confidence gives a wider interval containing the narrower one', () => {
    fc.assert(
      fc.property(counts, method, confidence, confidence, (c, m, c1, c2) => {
        const [lo, hi] = c1 < c2 ? [c1, c2] : [c2, c1];
        const narrow = npsFromCounts(c, { method: m, confidence: lo, ...fast });
        const wide = npsFromCounts(c, { method: m, confidence: hi, ...fast });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-9);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-9);
      }),
    );
  });

  it('nps(scores) equals npsFromCounts of its counts', () => {
    fc.assert(
      fc.property(answers, method, (a, m) => {
        const fromScores = nps(a, { method: m, ...fast });
        const fromCounts = npsFromCounts(
          { promoters: fromScores.promoters, passives: fromScores.passives, detractors: fromScores.detractors },
          { method: m, ...fast },
        );
        // Everything but the skip count and the function named in warning messages.
        const { skipped: _s, warnings: w1, ...rest } = fromScores;
        const { skipped: _t, warnings: w2, ...restCounts } = fromCounts;
        expect(rest).toEqual(restCounts);
        expect(w1.map((w) => w.code)).toEqual(w2.map((w) => w.code));
      }),
    );
  });

  it('the same seed gives the same bootstrap and bayes result', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom<NpsMethod>('bootstrap', 'bayes'), fc.integer(), (c, m, seed) => {
        expect(npsFromCounts(c, { method: m, seed, resamples: 200 })).toEqual(
          npsFromCounts(c, { method: m, seed, resamples: 200 }),
        );
      }),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const copy = [...a];
        const weights = a.map((_, i) => 1 + (i % 3));
        const weightsCopy = [...weights];
        nps(a, { weights });
        expect(a).toEqual(copy);
        expect(weights).toEqual(weightsCopy);
      }),
    );
  });

  it('equal weights give the unweighted interval', () => {
    fc.assert(
      fc.property(answers, fc.double({ min: 0.1, max: 50, noNaN: true, noDefaultInfinity: true }), (a, w) => {
        const plain = nps(a);
        const weighted = nps(a, { weights: a.map(() => w) });
        expect(weighted.value).toBeCloseTo(plain.value, 9);
        expect(weighted.lower).toBeCloseTo(plain.lower, 9);
        expect(weighted.upper).toBeCloseTo(plain.upper, 9);
        expect(weighted.n).toBeCloseTo(plain.n, 9);
      }),
    );
  });
});
