import { describe, expect, it } from 'vitest';
import {
  ces,
  csat,
  estimate,
  type MeanSummary,
  mergeSummaries,
  nps,
  type Summary,
  type SummaryMetric,
  summarize,
} from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';
import { expectSameResult } from '../helpers/sameResult.ts';

type Survey = 'nps' | 'csat' | 'ces';
const MAX: Record<Survey, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };
const metricOf = { nps, csat, ces } as const;

const survey = fc.constantFrom<Survey>('nps', 'csat', 'ces');
const answersOf = (s: Survey) =>
  fc.array(fc.option(fc.integer({ min: MAX[s][0], max: MAX[s][1] }), { nil: null, freq: 6 }), {
    minLength: 1,
    maxLength: 120,
  });
// Weights within 12 orders of magnitude, and zeros (weights spanning beyond ~1e150 are refused:
// see surveySummaries.test.ts).
const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true, noDefaultInfinity: true });

/** A survey, its answers, optional weights, and options split into summarize / estimate parts. */
const cases = survey.chain((s) =>
  fc
    .record({
      answers: answersOf(s),
      weighted: fc.boolean(),
      weightSeed: fc.array(weight, { minLength: 120, maxLength: 120 }),
      confidence,
      npsMethod: fc.constantFrom('adjusted-wald', 'wald', 'tango', 'bootstrap', 'bayes'),
      shareMethod: fc.constantFrom('wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys', 'wald'),
      missing: fc.constantFrom('exclude', 'as-passive'),
      seed: fc.integer(),
    })
    .map((c) => {
      const weights = c.weighted ? c.answers.map((_, i) => c.weightSeed[i] as number) : undefined;
      const shaping: Record<string, unknown> = weights === undefined ? {} : { weights };
      const interval: Record<string, unknown> =
        s === 'nps'
          ? { method: c.npsMethod, confidence: c.confidence, missing: c.missing, seed: c.seed, resamples: 200 }
          : { method: c.shareMethod, confidence: c.confidence };
      return { survey: s, answers: c.answers, shaping, interval };
    }),
);

/** Call f, returning its result or the error code it threw. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return { threw: (error as { code?: string }).code };
  }
}

/** Random cut points splitting xs into k parts (some may be empty). */
function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const to of [...at, xs.length]) {
    parts.push(xs.slice(from, to));
    from = to;
  }
  return parts;
}

function closeRelative(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

describe('survey summaries: properties', () => {
  it('every metric function is exactly estimate(summarize(…)), results and errors alike', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const direct = outcome(() =>
          (metricOf[c.survey] as (x: unknown, o: unknown) => unknown)(c.answers, { ...c.shaping, ...c.interval }),
        );
        const viaSummary = outcome(() =>
          estimate(summarize(c.survey as SummaryMetric, c.answers, c.shaping), c.interval),
        );
        expectSameResult(viaSummary, direct);
      }),
    );
  });

  it('a summary survives JSON.parse(JSON.stringify(s)) unchanged in meaning', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const s = summarize(c.survey as SummaryMetric, c.answers, c.shaping);
        const copy = JSON.parse(JSON.stringify(s)) as Summary;
        expect(copy).toStrictEqual(s);
        expect(outcome(() => estimate(copy, c.interval))).toStrictEqual(outcome(() => estimate(s, c.interval)));
      }),
    );
  });

  it('any split into parts, summarized, merged in any order, equals the whole (counts exactly, weighted sums to 1e-12)', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.nat(), { maxLength: 6 }), fc.integer(), (c, cuts, seed) => {
        const indices = c.answers.map((_, i) => i);
        const parts = split(indices, cuts);
        const order = fc.sample(fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }), {
          seed,
          numRuns: 1,
        })[0] as number[][];
        const pick = (idx: number[]) => {
          const o: Record<string, unknown> = { ...c.shaping };
          if (o.weights !== undefined) o.weights = idx.map((i) => (o.weights as number[])[i]);
          return summarize(
            c.survey as SummaryMetric,
            idx.map((i) => c.answers[i]),
            o,
          );
        };
        const merged = mergeSummaries(order.map(pick)) as Extract<Summary, { counts: number[] }>;
        const whole = summarize(c.survey as SummaryMetric, c.answers, c.shaping) as Extract<
          Summary,
          { counts: number[] }
        >;
        expect(merged.counts).toEqual(whole.counts);
        expect(merged.skipped).toBe(whole.skipped);
        expect(merged.scale).toEqual(whole.scale);
        if (whole.weights === undefined) {
          expect(merged).toStrictEqual(whole);
          expect(outcome(() => estimate(merged, c.interval))).toStrictEqual(outcome(() => estimate(whole, c.interval)));
        } else {
          const w = merged.weights;
          expect(w).toBeDefined();
          if (w === undefined) return;
          // Weighted sums are relative to the scale: compare Σw itself.
          const abs = (x: number, scale: number) => x * scale;
          for (let k = 0; k < whole.counts.length; k++) {
            const a = abs(w.sum[k] as number, w.scale);
            const b = abs(whole.weights.sum[k] as number, whole.weights.scale);
            expect(closeRelative(a, b, 1e-12) || Math.abs(a - b) < 1e-300).toBe(true);
            const qa = abs(abs(w.sumSquares[k] as number, w.scale), w.scale);
            const qb = abs(abs(whole.weights.sumSquares[k] as number, whole.weights.scale), whole.weights.scale);
            expect(closeRelative(qa, qb, 1e-12) || Math.abs(qa - qb) < 1e-300).toBe(true);
          }
        }
      }),
    );
  });

  it('typed arrays, records by key and records by function summarize like the plain array', () => {
    fc.assert(
      fc.property(survey, fc.integer({ min: 0, max: 200 }), (s, length) => {
        const [lo, hi] = MAX[s];
        const scores = Array.from({ length }, (_, i) => lo + ((i * 7919 + length) % (hi - lo + 1)));
        const plain = summarize(s, scores);
        expect(summarize(s, Float64Array.from(scores))).toStrictEqual(plain);
        expect(summarize(s, Int16Array.from(scores))).toStrictEqual(plain);
        const records = scores.map((score) => ({ type: s, score }));
        expect(summarize(s, records, { accessor: 'score' })).toStrictEqual(plain);
        expect(summarize(s, records, { accessor: (r: { score: number }) => r.score })).toStrictEqual(plain);
      }),
    );
  });

  it('mean summaries: split and merged (Chan et al.) equal the whole — n exactly, mean and M2 to 1e-9', () => {
    const values = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), {
      minLength: 2,
      maxLength: 100,
    });
    fc.assert(
      fc.property(values, fc.array(fc.nat(), { maxLength: 5 }), (x, cuts) => {
        const whole = summarize('mean', x);
        const merged = mergeSummaries(split(x, cuts).map((part) => summarize('mean', part))) as MeanSummary;
        expect(merged.n).toBe(whole.n);
        const spread = Math.max(...x.map(Math.abs), 1);
        expect(Math.abs(merged.mean - whole.mean)).toBeLessThanOrEqual(1e-12 * spread);
        expect(Math.abs(merged.m2 - whole.m2)).toBeLessThanOrEqual(1e-9 * Math.max(whole.m2, spread * spread * 1e-6));
      }),
    );
  });
});
