import { describe, expect, it } from 'vitest';
import { findQuantile } from '../../src/stats/kaplanMeierQuantile.ts';
import { streamQuantile } from '../../src/stats/kaplanMeierStream.ts';
import { fc } from '../helpers/fc.ts';

// streamQuantile reads R's findq in one pass and stops early; findQuantile prepares the whole
// curve first (the transcription the R fixture checks). They must agree on every curve: levels
// that fall and rise (a band), NA (NaN) slots, repeats, flats exactly at p or within 2⁻²⁶ of it
// (the midpoint rules), ties that the ±2⁻²⁶ shift rounds together.
const TOL = 2 ** -26;
const p = fc.oneof(fc.constantFrom(TOL, 0.25, 0.5, 0.75, 0.9, 1), fc.double({ min: TOL, max: 1, noNaN: true }));

function curveNear(q: number) {
  const level = fc.oneof(
    fc.constantFrom(q, q + TOL / 2, q - TOL / 2, q + TOL, q - TOL, q + 2 * TOL, Number.NaN, 0, 1),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: q - 1e-7, max: q + 1e-7, noNaN: true }),
  );
  return fc.array(fc.tuple(fc.double({ min: 0.001, max: 10, noNaN: true }), level), { maxLength: 40 }).map((rows) => {
    let t = 0;
    const x = [0];
    const y = [0];
    for (const [dt, v] of rows) {
      t += dt;
      x.push(t);
      y.push(v);
    }
    return { x, y };
  });
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('streamQuantile', () => {
  it('equals findQuantile (prepared curve) on any curve and p', () => {
    fc.assert(
      fc.property(
        p.chain((q) => fc.tuple(fc.constant(q), curveNear(q))),
        ([q, { x, y }]) => {
          const streamed = streamQuantile(
            x.length - 1,
            (k) => x[k + 1] as number,
            (k) => y[k + 1] as number,
            q,
          );
          const prepared = findQuantile(x, y, q);
          expect(same(streamed, prepared), `p = ${q}: streamed ${streamed}, prepared ${prepared}`).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads no further than it must: a curve past p + 2·tol early is not read to its end', () => {
    let read = 0;
    const m = 1000;
    const q = streamQuantile(
      m,
      (k) => k + 1,
      (k) => {
        read = Math.max(read, k + 1);
        return (k + 1) / m;
      },
      0.1005,
    );
    expect(q).toBe(101); // the first level ≥ 0.1005 is 101/1000, at time 101
    expect(read).toBeLessThan(110);
  });
});
