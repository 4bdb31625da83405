import { describe, expect, it } from 'vitest';
import { cohortRetention, retentionCurve } from '../../src/metrics/retention.ts';
import { fc } from '../helpers/fc.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);

const instant = fc.oneof(
  fc.integer({ min: 0, max: 900 }).map((d) => T0 + d * DAY),
  fc.date({ min: new Date(T0), max: new Date(T0 + 900 * DAY), noInvalidDate: true }).map((d) => d.getTime()),
);
interface Span {
  start: number;
  end: number; // Infinity while active
}
const span: fc.Arbitrary<Span> = fc
  .tuple(instant, fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 * DAY })), { freq: 3 }))
  .map(([start, duration]) => ({ start, end: duration === null ? Number.POSITIVE_INFINITY : start + duration }));
const spans = fc.array(span, { minLength: 1, maxLength: 60 });
const toRecords = (list: Span[]) =>
  list.map((s, i) => ({
    id: i,
    startedAt: i % 3 === 0 ? new Date(s.start) : i % 3 === 1 ? new Date(s.start).toISOString() : s.start,
    endedAt: s.end === Number.POSITIVE_INFINITY ? null : new Date(s.end),
  }));
const unit = fc.constantFrom('day', 'week', 'month', 'quarter', 'year');
const period = fc.constantFrom('week', 'month', 'quarter');

describe('retentionCurve properties', () => {
  it('retention is non-increasing, within [0, 1], inside its band; counts add up', () => {
    fc.assert(
      fc.property(spans, instant, unit, (list, asOf, u) => {
        const started = list.filter((s) => s.start <= asOf);
        fc.pre(started.length > 0);
        const curve = retentionCurve(toRecords(list), { asOf, unit: u });
        let previous = 1;
        for (const p of curve.points) {
          expect(p.survival).toBeLessThanOrEqual(previous);
          expect(p.survival).toBeGreaterThanOrEqual(0);
          expect(p.lower).toBeLessThanOrEqual(p.survival + 1e-12);
          expect(p.survival).toBeLessThanOrEqual(p.upper + 1e-12);
          expect(p.time).toBeGreaterThanOrEqual(0);
          previous = p.survival;
        }
        expect(curve.n).toBe(started.length);
        expect(curve.excluded).toBe(list.length - started.length);
        expect(curve.churned).toBe(started.filter((s) => s.end <= asOf).length);
        expect(curve.churned + curve.active).toBe(curve.n);
        const { median } = curve;
        expect(median.lower).toBeLessThanOrEqual(median.value);
        expect(median.value).toBeLessThanOrEqual(median.upper);
        if (median.value === Number.POSITIVE_INFINITY) {
          expect(curve.warnings.map((w) => w.code)).toContain('NOT_REACHED');
        }
      }),
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(spans, instant, (list, asOf) => {
        fc.pre(list.some((s) => s.start <= asOf));
        const records = toRecords(list);
        const copy = structuredClone(records);
        retentionCurve(records, { asOf });
        expect(records).toEqual(copy);
      }),
    );
  });
});

/** Naive reference: the start of the calendar period holding t and the k-th boundary after it. */
function boundary(p: 'week' | 'month' | 'quarter', t: number, k: number): number {
  const d = new Date(t);
  if (p === 'week') {
    const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const sinceMonday = (d.getUTCDay() + 6) % 7;
    return midnight - sinceMonday * DAY + 7 * k * DAY;
  }
  const month = p === 'quarter' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  return Date.UTC(d.getUTCFullYear(), month + (p === 'quarter' ? 3 : 1) * k, 1);
}

describe('cohortRetention properties', () => {
  it('cells are within [0, 1] and a cohort’s active count never exceeds the previous period’s', () => {
    fc.assert(
      fc.property(spans, instant, period, (list, asOf, p) => {
        fc.pre(list.some((s) => s.start <= asOf));
        const table = cohortRetention(toRecords(list), { period: p, asOf });
        for (const row of table.cohorts) {
          let previous = row.size;
          row.cells.forEach((cell, k) => {
            expect(cell.period).toBe(k);
            expect(cell.cohort).toBe(row.cohort);
            expect(cell.atStart).toBe(row.size);
            expect(cell.active).toBeLessThanOrEqual(previous);
            expect(cell.active).toBeGreaterThanOrEqual(0);
            for (const x of [cell.retained.lower, cell.retained.value, cell.retained.upper]) {
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(1);
            }
            expect(cell.retained.value).toBe(cell.active / cell.atStart);
            previous = cell.active;
          });
        }
        expect(table.cohorts.reduce((sum, row) => sum + row.size, 0)).toBe(table.n);
      }),
    );
  });

  it('agrees with a naive count: active at the k-th boundary, cells only up to asOf', () => {
    fc.assert(
      fc.property(spans, instant, period, (list, asOf, p) => {
        const started = list.filter((s) => s.start <= asOf);
        fc.pre(started.length > 0);
        const table = cohortRetention(toRecords(list), { period: p, asOf });
        const cohortStarts = [...new Set(started.map((s) => boundary(p, s.start, 0)))].sort((a, b) => a - b);
        expect(table.cohorts.map((row) => Date.parse(row.start))).toEqual(cohortStarts);
        for (const row of table.cohorts) {
          const start = Date.parse(row.start);
          const members = started.filter((s) => boundary(p, s.start, 0) === start);
          expect(row.size).toBe(members.length);
          const expected: number[] = [];
          if (boundary(p, start, 1) <= asOf) {
            expected.push(members.filter((s) => s.end > s.start).length);
            for (let k = 1; boundary(p, start, k) <= asOf; k++) {
              expected.push(members.filter((s) => s.end > boundary(p, start, k)).length);
            }
          }
          expect(row.cells.map((cell) => cell.active)).toEqual(expected);
        }
      }),
    );
  });

  it('never mutates its input and ignores the order of the records', () => {
    fc.assert(
      fc.property(spans, instant, period, (list, asOf, p) => {
        fc.pre(list.some((s) => s.start <= asOf));
        const records = toRecords(list);
        const copy = structuredClone(records);
        const forward = cohortRetention(records, { period: p, asOf });
        expect(records).toEqual(copy);
        expect(cohortRetention([...records].reverse(), { period: p, asOf })).toEqual(forward);
      }),
    );
  });
});
