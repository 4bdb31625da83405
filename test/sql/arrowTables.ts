import {
  DateDay,
  DateMillisecond,
  makeData,
  makeVector,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  type Vector,
} from 'apache-arrow';

// Building Arrow tables from records for the Arrow-input tests: time columns in every unit Arrow
// has, written from exact integers (apache-arrow's own builders go through doubles, and
// `BigInt(ms * 1e6)` is not exact past 2^53 ns), and tables split into several record batches.

/** The time units of a Timestamp or Date column. */
export const TIME_UNITS = ['s', 'ms', 'us', 'ns', 'date32', 'date64'] as const;
export type TimeUnitName = (typeof TIME_UNITS)[number];

/** The granularity (ms) a unit can hold exactly: whole seconds, ms, or days for Date32. */
export const UNIT_STEP_MS: Record<TimeUnitName, number> = {
  s: 1000,
  ms: 1,
  us: 1,
  ns: 1,
  date32: 86_400_000,
  date64: 1,
};

function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8) + 1);
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] as number) | (1 << (i & 7));
  });
  return { nullBitmap, nullCount };
}

/** Epoch ms (integers, multiples of the unit's step; null = null) as a time column in `unit`. */
export function timeVector(ms: readonly (number | null)[], unit: TimeUnitName): Vector {
  const { nullBitmap, nullCount } = validity(ms);
  const length = ms.length;
  if (unit === 'date32') {
    const data = Int32Array.from(ms, (m) => (m === null ? 0 : m / 86_400_000));
    return makeVector(makeData({ type: new DateDay(), length, nullCount, nullBitmap, data }));
  }
  const scale = { s: 0n, ms: 1n, us: 1000n, ns: 1_000_000n, date64: 1n }[unit];
  const data = BigInt64Array.from(ms, (m) =>
    m === null ? 0n : unit === 's' ? BigInt(m / 1000) : BigInt(m) * (scale as bigint),
  );
  const type = {
    s: new TimestampSecond(),
    ms: new TimestampMillisecond(),
    us: new TimestampMicrosecond(),
    ns: new TimestampNanosecond(),
    date64: new DateMillisecond(),
  }[unit];
  return makeVector(makeData({ type, length, nullCount, nullBitmap, data } as never));
}

/** A table of the given columns split into record batches at `cuts` (row indices). */
export function chunkedTable(columns: Record<string, Vector>, cuts: readonly number[] = []): Table {
  const whole = new Table(columns);
  if (cuts.length === 0) return whole;
  const bounds = [0, ...cuts, whole.numRows];
  const parts: Table[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) parts.push(whole.slice(bounds[k], bounds[k + 1]));
  return new Table(parts.flatMap((p) => p.batches));
}
