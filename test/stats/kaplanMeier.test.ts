import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/errors.ts';
import { kaplanMeier } from '../../src/intervals/kaplanMeier.ts';
import type { KaplanMeierConfType } from '../../src/stats/kaplanMeier.ts';
import { findQuantile, kaplanMeierQuantile } from '../../src/stats/kaplanMeierQuantile.ts';
import fixture from '../fixtures/r-survival-km.json' with { type: 'json' };
import { expectClose } from '../helpers/close.ts';

// Reference: R 4.2.2, survival 3.5.3 — survfit(Surv(durations, events) ~ 1, conf.type = confType)
// and quantile(fit, c(0.25, 0.5, 0.75)) (test/fixtures/r-survival-km.json, `kaplanMeier`).
// The JSON writer wrote every vector as an array (no length-1 scalars occur) and every NA / Inf
// as null: std.err is Inf where the curve drops to 0 (Greenwood's d/(n(n − d)) with d = n); the
// band is NA there, and for log-log also where survival is 1; a quantile or bound never reached
// is NA. How each null maps to our result is asserted case by case below.
type Case = (typeof fixture.kaplanMeier)[number];
const TOL = 1e-9;

function checkPoints(c: Case): void {
  const km = kaplanMeier(c.durations, c.events, { confType: c.confType as KaplanMeierConfType });
  expect(km.points.map((p) => p.time)).toEqual(c.time);
  expect(km.points.map((p) => p.atRisk)).toEqual(c.nRisk);
  expect(km.points.map((p) => p.events)).toEqual(c.nEvent);
  km.points.forEach((point, k) => {
    const at = `${c.confType} point ${k} (t = ${point.time})`;
    expectClose(point.survival, c.survival[k] as number, TOL, `${at} survival`);
    const se = c.stdErr[k] ?? null;
    if (se === null) {
      // R: Inf, where everyone at risk has the event.
      expect(point.survival).toBe(0);
      expect(point.standardError).toBe(Number.POSITIVE_INFINITY);
    } else expectClose(point.standardError, se, TOL, `${at} std.err`);
    const lower = c.lower[k] ?? null;
    const upper = c.upper[k] ?? null;
    if (lower === null || upper === null) {
      // R: NA. Survival 0 → we report [0, 1]; log-log at survival 1 (no events yet) → [1, 1].
      expect(lower).toBeNull();
      expect(upper).toBeNull();
      if (point.survival === 0) expect([point.lower, point.upper]).toEqual([0, 1]);
      else {
        expect(c.confType).toBe('log-log');
        expect([point.survival, point.lower, point.upper]).toEqual([1, 1, 1]);
      }
    } else {
      expectClose(point.lower, lower, TOL, `${at} lower`);
      expectClose(point.upper, upper, TOL, `${at} upper`);
    }
  });
}

function checkQuantiles(c: Case, index: number): void {
  const km = kaplanMeier(c.durations, c.events, { confType: c.confType as KaplanMeierConfType });
  c.quantiles.p.forEach((p, k) => {
    const q = kaplanMeierQuantile(km, p);
    const at = `${c.confType} quantile ${p}`;
    const codes = q.warnings.map((w) => w.code);
    for (const [field, code] of [
      ['value', 'NOT_REACHED'],
      ['lower', 'LOWER_NOT_REACHED'],
      ['upper', 'UPPER_NOT_REACHED'],
    ] as const) {
      const expected = c.quantiles[field][k] ?? null;
      if (expected === null && !(index === 27 && field === 'lower')) {
        expect(q[field], `${at} ${field}`).toBe(Number.POSITIVE_INFINITY);
        expect(codes).toContain(code);
      } else if (expected !== null) {
        expectClose(q[field], expected, TOL, `${at} ${field}`);
        expect(codes).not.toContain(code);
      }
    }
  });
}

describe('kaplanMeier agrees with R survival 3.5.3 survfit', () => {
  it('covers 24 data sets × 3 conf types at 95%', () => {
    expect(fixture.kaplanMeier).toHaveLength(72);
    expect(new Set(fixture.kaplanMeier.map((c) => c.confType))).toEqual(new Set(['log', 'log-log', 'plain']));
  });
  it.each(fixture.kaplanMeier.map((c, i) => [`case ${i}: n = ${c.durations.length}, ${c.confType}`, c] as const))(
    '%s: time, n.risk, n.event, surv, std.err, lower, upper',
    (_, c) => {
      checkPoints(c);
    },
  );
});

describe('kaplanMeier quantiles agree with R quantile.survfit (Brookmeyer–Crowley)', () => {
  it.each(fixture.kaplanMeier.map((c, i) => [`case ${i}: n = ${c.durations.length}, ${c.confType}`, c, i] as const))(
    '%s: 25/50/75% with lower and upper',
    (_, c, i) => {
      checkQuantiles(c, i);
    },
  );

  it('exercises the midpoint rule: some R quantiles lie between observed times', () => {
    const between = fixture.kaplanMeier.flatMap((c) =>
      c.quantiles.value.filter((v) => v !== null && !c.time.includes(v)),
    );
    expect(between.length).toBeGreaterThan(20);
  });

  it('differs from R in one documented way: a lower bound R leaves NA when the curve drops straight to 0', () => {
    // Case 27 (log): the curve falls from above 0.25 to 0 at the last time, 18.75, while the
    // lower band never reached 0.25 before; R's band is NA at survival 0, so its lower bound is
    // NA. The lower band is 0 wherever survival is 0, so the bound is 18.75 = the estimate.
    const c = fixture.kaplanMeier[27] as Case;
    expect(c.confType).toBe('log');
    expect(c.quantiles.lower[2]).toBeNull();
    const q = kaplanMeierQuantile(kaplanMeier(c.durations, c.events, { confType: 'log' }), 0.75);
    expect([q.value, q.lower, q.upper]).toEqual([18.75, 18.75, Number.POSITIVE_INFINITY]);
  });
});

describe('kaplanMeier worked example (docs/kaplan-meier.md)', () => {
  // 6 tickets: resolved at 2, 3, 5, 9 days; still open at 3 and 8 days (censored).
  const durations = [2, 3, 3, 5, 8, 9];
  const events = [true, true, false, true, false, true];
  const km = kaplanMeier(durations, events);

  it('counts at risk, events and censored at each distinct time', () => {
    expect(km.points.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
      [2, 6, 1, 0],
      [3, 5, 1, 1],
      [5, 3, 1, 0],
      [8, 2, 0, 1],
      [9, 1, 1, 0],
    ]);
  });

  it('multiplies the conditional survivals (1 − d/n)', () => {
    const expected = [5 / 6, (5 / 6) * (4 / 5), (5 / 6) * (4 / 5) * (2 / 3), (5 / 6) * (4 / 5) * (2 / 3), 0];
    km.points.forEach((p, k) => {
      expectClose(p.survival, expected[k] as number, 1e-15);
    });
  });

  it("reports Greenwood's standard error of −log S, infinite where S drops to 0", () => {
    const expected = [Math.sqrt(1 / 30), Math.sqrt(1 / 30 + 1 / 20), Math.sqrt(1 / 30 + 1 / 20 + 1 / 6)];
    expected.forEach((se, k) => {
      expectClose(km.points[k]?.standardError as number, se, 1e-15);
    });
    expect(km.points[2]?.standardError).toBe(0.5);
    expect(km.points[4]?.standardError).toBe(Number.POSITIVE_INFINITY);
  });

  it('builds the log-log band S^exp(±zσ/log S) by default', () => {
    const z = 1.959963984540054;
    const s = 4 / 9;
    const sigma = 0.5;
    expect(km.confType).toBe('log-log');
    expect(km.confidence).toBe(0.95);
    expectClose(km.points[2]?.lower as number, s ** Math.exp((-z * sigma) / Math.log(s)), 1e-14);
    expectClose(km.points[2]?.upper as number, s ** Math.exp((z * sigma) / Math.log(s)), 1e-14);
    expect(km.warnings).toEqual([]);
  });

  it('reads the median and its interval off the curve and the band', () => {
    // S first ≤ 0.5 at t = 5; the lower band is below 0.5 from t = 2; the upper band never is.
    expect(km.median).toMatchObject({ value: 5, lower: 2, upper: Number.POSITIVE_INFINITY, p: 0.5, n: 6 });
    expect(km.median.method).toBe('brookmeyer-crowley');
    expect(km.median.warnings.map((w) => w.code)).toEqual(['UPPER_NOT_REACHED']);
    expect(km.median).toEqual(kaplanMeierQuantile(km, 0.5));
  });
});

describe('kaplanMeier quantile conventions (R quantile.survfit)', () => {
  it('takes the midpoint when the curve sits exactly at 1 − p on a flat stretch', () => {
    // S = 0.75, 0.5, 0.25, 0: S = 0.5 on [2, 3), so the median is (2 + 3)/2.
    expect(kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]).median.value).toBe(2.5);
  });

  it('counts a curve within 2⁻²⁶ of 1 − p as exactly there (rounded products)', () => {
    // 1 − S at t = 3 is 0.30000000000000004 in binary64, yet the 0.3 quantile is a midpoint.
    const km = kaplanMeier([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Array(10).fill(1));
    expect(1 - (km.points[2]?.survival as number)).not.toBe(0.3);
    expect(kaplanMeierQuantile(km, 0.3).value).toBe(3.5);
    expect(kaplanMeierQuantile(km, 0.7).value).toBe(7.5);
  });

  it('uses the last time for a flat at 1 − p at the end of the curve', () => {
    // S = 0.75, 0.5, then censored at 3 and 4: the median is (2 + 4)/2.
    expect(kaplanMeier([1, 2, 3, 4], [1, 1, 0, 0]).median.value).toBe(3);
  });

  it('reports Infinity and NOT_REACHED when survival never falls to 1 − p', () => {
    const km = kaplanMeier([1, 2, 3, 4, 5], [1, 0, 0, 0, 0]);
    expect(km.median.value).toBe(Number.POSITIVE_INFINITY);
    expect(km.median.upper).toBe(Number.POSITIVE_INFINITY);
    expect(km.median.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['NOT_REACHED', 'UPPER_NOT_REACHED']));
    expect(kaplanMeierQuantile(km, 0.1).value).toBe(1);
  });

  it('gives 0 at p = 0 and the time the curve reaches 0 at p = 1', () => {
    const km = kaplanMeier([4, 1, 3, 2], [1, 1, 1, 1]);
    expect(kaplanMeierQuantile(km, 0)).toMatchObject({ value: 0, lower: 0, upper: 0 });
    expect(kaplanMeierQuantile(km, 1).value).toBe(4);
  });

  it('keeps lower ≤ value ≤ upper when the curve drops straight to 0', () => {
    const km = kaplanMeier([1, 2, 3], [0, 0, 1], { confType: 'log' });
    expect(km.median).toMatchObject({ value: 3, lower: 3, upper: Number.POSITIVE_INFINITY });
  });

  it('rejects p outside [0, 1]', () => {
    const km = kaplanMeier([1, 2], [1, 1]);
    expect(() => kaplanMeierQuantile(km, 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_VALUE', value: 1.5 }));
    expect(() => kaplanMeierQuantile(km, Number.NaN)).toThrow(/kaplanMeier.*p is NaN; expected a number from 0 to 1/);
  });

  it('findQuantile reads the first crossing of a band that is not monotone (R sorts by level)', () => {
    // y = 1 − band rises, dips, rises. R's approx sorts the knots by y and would map p = 0.04 to
    // the knot at y = 0.05 (x = 3); the band first reaches 0.04 at x = 2.
    const x = [0, 1, 2, 3, 4];
    const y = [0, 0.02, 0.1, 0.05, 0.3];
    expect(findQuantile(x, y, 0.04)).toBe(2);
    expect(findQuantile(x, y, 0.2)).toBe(4);
    expect(findQuantile(x, y, 0.31)).toBeNaN();
    expect(findQuantile([0, 1, 2], [0, Number.NaN, 0.5], 0.4)).toBe(2);
  });

  it('keeps the lower bound at or below the estimate when the log-log lower band rises (shrunk counterexample)', () => {
    // At z ≈ 3.117 the log-log lower band is the same at t = 0 (S = 3/4) and t = 1 (S = 1/2), and
    // it rises above that z. R's findq then puts the lower bound of the 25% quantile at 1, above
    // the estimate 0.5; the band first reaches 0.75 at t = 0.
    const km = kaplanMeier([1, 0, 1, 1], [false, true, true, false], { confidence: 0.9981744537992986 });
    const q = kaplanMeierQuantile(km, 0.25);
    expect([q.lower, q.value, q.upper]).toEqual([0, 0.5, Number.POSITIVE_INFINITY]);
    const higher = kaplanMeier([1, 0, 1, 1], [false, true, true, false], { confidence: 0.999 });
    expect(higher.points[1]?.lower).toBeGreaterThan(higher.points[0]?.lower as number);
    expect(kaplanMeierQuantile(higher, 0.25).lower).toBe(0);
  });

  it('answers 0 < p < 2⁻²⁶ as at 2⁻²⁶, where R gives NA (shrunk counterexample)', () => {
    // R's first knot is at 0 + tol, so a smaller p is out of range; the curve sits at level 0,
    // within tol of p, until the first drop: the midpoint rule gives (0 + 0)/2 here.
    const km = kaplanMeier([0], [true]);
    expect(kaplanMeierQuantile(km, 5e-324)).toMatchObject({ value: 0, lower: 0 });
    expect(kaplanMeierQuantile(kaplanMeier([2, 4], [1, 1]), 1e-12).value).toBe(1);
    expect(kaplanMeierQuantile(kaplanMeier([2, 4], [1, 1]), 0.001).value).toBe(2);
  });
});

describe('kaplanMeier bands and warnings', () => {
  const durations = [2, 3, 3, 5, 8, 9];
  const events = [1, 1, 0, 1, 0, 1];

  it("clips 'log' and 'plain' bands to [0, 1] and says so once", () => {
    for (const confType of ['log', 'plain'] as const) {
      const km = kaplanMeier(durations, events, { confType });
      expect(km.warnings.map((w) => w.code)).toEqual(['CLIPPED']);
      expect(km.warnings[0]?.message).toMatch(new RegExp(`kaplanMeier: the '${confType}' band`));
      for (const p of km.points) {
        expect(p.lower).toBeGreaterThanOrEqual(0);
        expect(p.upper).toBeLessThanOrEqual(1);
      }
    }
  });

  it('widens the band with the confidence', () => {
    const narrow = kaplanMeier(durations, events, { confidence: 0.8 });
    const wide = kaplanMeier(durations, events, { confidence: 0.99 });
    narrow.points.slice(0, 4).forEach((p, k) => {
      expect(wide.points[k]?.lower).toBeLessThan(p.lower);
      expect(wide.points[k]?.upper).toBeGreaterThan(p.upper);
    });
  });

  it('gives a band of [1, 1] before the first event, for every conf type', () => {
    for (const confType of ['log-log', 'log', 'plain'] as const) {
      const first = kaplanMeier([1, 2, 3], [0, 1, 1], { confType }).points[0];
      expect(first).toMatchObject({ survival: 1, lower: 1, upper: 1, standardError: 0 });
    }
  });

  it('warns ZERO_EVENTS when nothing happened', () => {
    const km = kaplanMeier([5, 1, 3], [0, 0, 0]);
    expect(km.points.map((p) => p.survival)).toEqual([1, 1, 1]);
    expect(km.warnings.map((w) => w.code)).toEqual(['ZERO_EVENTS']);
    expect(km.median.value).toBe(Number.POSITIVE_INFINITY);
  });

  it('handles a single observation and time 0', () => {
    const km = kaplanMeier([0], [1]);
    expect(km.points).toEqual([
      { time: 0, atRisk: 1, events: 1, censored: 0, survival: 0, lower: 0, upper: 1, standardError: Infinity },
    ]);
    expect(km.median.value).toBe(0);
    expect(km.n).toBe(1);
  });
});

describe('kaplanMeier inputs', () => {
  it('accepts booleans, 0/1 and typed arrays alike', () => {
    const a = kaplanMeier([3, 1, 2, 2], [true, false, true, true]);
    const b = kaplanMeier(new Float64Array([3, 1, 2, 2]), new Uint8Array([1, 0, 1, 1]));
    const c = kaplanMeier(new Int32Array([3, 1, 2, 2]), [1, 0, 1, 1]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it('does not mutate its inputs', () => {
    const durations = [5, 1, 4, 1, 3];
    const events = [1, 0, 1, 1, 0];
    const typed = new Float64Array(durations);
    kaplanMeier(durations, events);
    kaplanMeier(typed, events);
    expect(durations).toEqual([5, 1, 4, 1, 3]);
    expect(events).toEqual([1, 0, 1, 1, 0]);
    expect(Array.from(typed)).toEqual([5, 1, 4, 1, 3]);
  });

  it('returns plain data that holds no function; quantiles from the result or its JSON are the same', () => {
    const km = kaplanMeier([1, 2, 3, 4], [1, 0, 1, 1]);
    expect(Object.values(km).some((v) => typeof v === 'function')).toBe(false);
    const json = JSON.parse(JSON.stringify(km));
    for (const p of [0.25, 0.5, 0.75]) expect(kaplanMeierQuantile(json, p)).toEqual(kaplanMeierQuantile(km, p));
    expect(() => kaplanMeierQuantile({ ...json, confType: 'logit' }, 0.5)).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        message: expect.stringMatching(/^kaplanMeierQuantile: confType/),
      }),
    );
    expect(Object.keys(json).sort()).toEqual(['confType', 'confidence', 'kind', 'median', 'n', 'points', 'warnings']);
    expect(json.median.value).toBe(km.median.value);
    expect(json.points.at(-1).standardError).toBeNull(); // Infinity
  });

  it('rejects empty input', () => {
    expect(() => kaplanMeier([], [])).toThrow(
      expect.objectContaining({
        name: 'CxMetricsError',
        code: 'EMPTY_INPUT',
        message: expect.stringMatching(/^kaplanMeier: /),
      }),
    );
  });

  it('rejects arrays of different lengths', () => {
    expect(() => kaplanMeier([1, 2, 3], [1, 0])).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        message: 'kaplanMeier: durations has 3 elements but events has 2; expected one event flag per duration',
      }),
    );
  });

  it.each([
    [-1, 'duration at index 1 is -1; expected a finite number ≥ 0'],
    [Number.NaN, 'duration at index 1 is NaN; expected a finite number ≥ 0'],
    [Number.POSITIVE_INFINITY, 'duration at index 1 is Infinity; expected a finite number ≥ 0'],
    ['2', 'duration at index 1 is "2"; expected a finite number ≥ 0'],
    [null, 'duration at index 1 is null; expected a finite number ≥ 0'],
  ])('rejects the duration %s with its index and value', (bad, message) => {
    const error = catchError(() => kaplanMeier([1, bad as number, 3], [1, 1, 1]));
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error).toMatchObject({ code: 'INVALID_VALUE', index: 1, message: `kaplanMeier: ${message}` });
    expect(Object.is(error.value, bad)).toBe(true);
  });

  it.each([
    [2, '2'],
    [0.5, '0.5'],
    ['1', '"1"'],
    [undefined, 'undefined'],
    [Number.NaN, 'NaN'],
  ])('rejects the event flag %s with its index and value', (bad, shown) => {
    const error = catchError(() => kaplanMeier([1, 2, 3], [1, 0, bad as number]));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      index: 2,
      message: `kaplanMeier: event flag at index 2 is ${shown}; expected true or 1 (event) or false or 0 (censored)`,
    });
    expect(Object.is(error.value, bad)).toBe(true);
  });

  it('rejects what is not an array', () => {
    expect(() => kaplanMeier(5 as unknown as number[], [1])).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: 'kaplanMeier: durations must be an array, got 5' }),
    );
    expect(() => kaplanMeier([1], null as unknown as number[])).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', message: 'kaplanMeier: events must be an array, got null' }),
    );
  });

  it('rejects bad options with INVALID_OPTION', () => {
    expect(() => kaplanMeier([1], [1], { confidence: 1 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        value: 1,
        message: expect.stringMatching(/^kaplanMeier: confidence/),
      }),
    );
    expect(() => kaplanMeier([1], [1], { confType: 'logit' as KaplanMeierConfType })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        value: 'logit',
        message: "kaplanMeier: confType is \"logit\"; expected one of 'log-log', 'log', 'plain'",
      }),
    );
  });
});

function catchError(f: () => unknown): CxMetricsError {
  try {
    f();
  } catch (e) {
    return e as CxMetricsError;
  }
  throw new Error('expected an error');
}
