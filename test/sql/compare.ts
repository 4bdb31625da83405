import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readCsvTable } from '../../examples/csv.ts';
import { calendarPeriod, estimate, type Summary } from '../../src/index.ts';
import { type SqlMetric, type SummaryQueryOptions, summariesFromRows, summaryQuery } from '../../src/sql/index.ts';
import type { Engine } from './engines.ts';

// Shared by the engine tests: the sample tables as text and parsed, deterministic generated data,
// and comparisons that demand counts exactly and every other number to 1e-12 (relative).

export function readData(path: string): { text: string; rows: Record<string, string>[] } {
  const text = readFileSync(new URL(path, import.meta.url), 'utf8');
  return { text, rows: readCsvTable(text).rows.map((r) => r.values) };
}

/** Counts (integers on both sides) exactly; other numbers to `tol` relative (absolute near 0); the rest deeply. */
export function expectSame(actual: unknown, expected: unknown, tol = 1e-12, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Object.is(actual, expected)) return; // ±Infinity (an unreached percentile) and NaN included
    if (Number.isInteger(expected) && Number.isInteger(actual)) {
      expect(actual, path).toBe(expected);
      return;
    }
    const err = Math.abs(actual - expected);
    if (!(err <= tol * Math.max(1, Math.abs(expected)))) {
      expect.fail(`${path}: expected ${expected}, got ${actual} (error ${err.toExponential(2)})`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => {
      expectSame((actual as unknown[])[i], e, tol, `${path}[${i}]`);
    });
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    expect(Object.keys(a).sort(), `${path} keys`).toEqual(Object.keys(e).sort());
    for (const key of Object.keys(e)) expectSame(a[key], e[key], tol, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** Run the metric's query on the engine and read the summaries back, keyed by group and period. */
export async function viaSql<M extends SqlMetric>(
  engine: Engine,
  metric: M,
  options: Omit<SummaryQueryOptions<M>, 'dialect'>,
): Promise<Map<string, Summary>> {
  const o = { ...options, dialect: engine.dialect } as SummaryQueryOptions<M>;
  const { text, params } = summaryQuery(metric, o);
  const rows = await engine.query(text, params);
  const out = new Map<string, Summary>();
  for (const s of summariesFromRows(metric, rows, o)) {
    out.set(JSON.stringify([...Object.values(s.group), ...(s.period ? [s.period.label] : [])]), s.summary as Summary);
  }
  return out;
}

/** The SQL summaries equal the in-memory ones, group by group, and so do their estimates. */
export function expectSameSummaries(actual: Map<string, Summary>, expected: Map<string, Summary>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, e] of expected) {
    const a = actual.get(key) as Summary;
    expectSame(a, e, 1e-12, key);
    let r: unknown;
    try {
      r = estimate(e);
    } catch (error) {
      expect(() => estimate(a)).toThrow((error as Error).message);
      continue;
    }
    expectSame(estimate(a), r, 1e-12, `estimate ${key}`);
  }
}

/** A seeded generator (mulberry32), so the generated tables are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The calendar period label of an instant in a time zone, by the library's calendarPeriod (in memory). */
export function periodLabel(ms: number, unit: 'day' | 'week' | 'month' | 'quarter' | 'year', timeZone: string): string {
  // Every zone's offset is a multiple of 15 minutes, so one label per quarter hour (cached).
  const slot = `${timeZone} ${unit} ${Math.floor(ms / 900_000)}`;
  let label = LABELS.get(slot);
  if (label === undefined) {
    label = computeLabel(ms, unit, timeZone);
    LABELS.set(slot, label);
  }
  return label;
}

const LABELS = new Map<string, string>();

function computeLabel(ms: number, unit: 'day' | 'week' | 'month' | 'quarter' | 'year', timeZone: string): string {
  return calendarPeriod(ms, { period: unit, timeZone }).label;
}

/** Group items by a key function, keeping first-appearance order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}
