import type { ScoreHistogram, Summary } from '../summary/types.ts';
import { HISTOGRAM_KINDS } from './groupedHistograms.ts';
import type { MetricPlan } from './metricPlan.ts';

// The fastest path of `breakdown`: one `by` field and a score-histogram metric (NPS, CSAT, CES).
// One loop reads each record's key and answer and counts the answer straight into its group's
// row of one flat table (groups × scale points), with no group code per record and no second
// pass. A string key is looked up in a null-prototype dictionary object, not a Map: V8 finds an
// internalized string property through its keyed-load cache, about twice as fast as Map.get on
// the same strings (bench/breakdown.ts). Other keys (numbers, booleans, missing) use a Map, so 1
// and '1' stay two groups. It accepts only what groupedHistograms accepts and gives up (returns
// undefined) on anything else — a key that is not a string, number or boolean, a record that is
// not an object, an answer off the scale, another survey's record — and the general path then
// produces the same result or the error naming the record. Fields are read as own properties only
// (see ownField.ts; the check is inlined, as in scoreHistogram.ts).

/** One group of the grouping: its key, its number in first-seen order, its records. @internal */
export interface FieldBucket {
  key: (string | number | boolean | null)[];
  code: number;
  size: number;
}

/** Groups and their histogram summaries by code, or undefined when the loop does not apply. @internal */
export function histogramsByField(
  fn: string,
  plan: MetricPlan,
  items: ArrayLike<unknown>,
  by: string,
): { buckets: FieldBucket[]; summaries: Summary[] } | undefined {
  const o = plan.summarizeOptions;
  if (!HISTOGRAM_KINDS.includes(plan.family.kind) || o.weights !== undefined || plan.read !== undefined)
    return undefined;
  const accessor = o.accessor;
  if (typeof accessor !== 'string') return undefined;
  const empty = plan.family.summarize(`${fn}('${plan.family.metric}')`, [], o) as Summary &
    ScoreHistogram & { scale: { min: number } };
  const points = empty.counts.length;
  const min = empty.scale.min;
  const survey = plan.family.metric;
  const strings: Record<string, number> = Object.create(null);
  const others = new Map<unknown, number>();
  const buckets: FieldBucket[] = [];
  let capacity = 64;
  let counts = new Int32Array(capacity * points);
  let skipped = new Int32Array(capacity);
  // The own-property checks of the key and the answer (see ownField.ts): the last prototype seen,
  // and whether its chain has a property of either name.
  let proto: object | null = Object.prototype;
  let keyInherited = by in Object.prototype;
  let valueInherited = accessor in Object.prototype;
  const n = items.length;
  for (let i = 0; i < n; i++) {
    const record = items[i];
    let k: unknown;
    let v: unknown;
    if (record === null || record === undefined) {
      k = undefined;
      v = undefined;
    } else if (typeof record === 'object') {
      const type = (record as { type?: unknown }).type;
      if (type !== undefined && type !== survey) return undefined;
      k = (record as Record<string, unknown>)[by];
      v = (record as Record<string, unknown>)[accessor];
      const p = Object.getPrototypeOf(record) as object | null;
      if (p !== proto) {
        proto = p;
        keyInherited = p !== null && by in p;
        valueInherited = p !== null && accessor in p;
      }
      if (keyInherited && k !== undefined && !Object.hasOwn(record, by)) k = undefined;
      if (valueInherited && v !== undefined && !Object.hasOwn(record, accessor)) v = undefined;
    } else return undefined;
    let code: number | undefined;
    if (typeof k === 'string') {
      code = strings[k];
      if (code === undefined) {
        code = buckets.length;
        strings[k] = code;
        buckets.push({ key: [k], code, size: 0 });
      }
    } else {
      code = others.get(k);
      if (code === undefined) {
        if (k !== undefined && k !== null && typeof k !== 'number' && typeof k !== 'boolean') return undefined;
        const key = k === undefined ? null : (k as number | boolean | null);
        code = key !== k ? others.get(key) : undefined;
        if (code === undefined) {
          code = buckets.length;
          buckets.push({ key: [key], code, size: 0 });
          others.set(key, code);
        }
        others.set(k, code);
      }
    }
    if (code >= capacity) {
      capacity *= 2;
      counts = grow(counts, capacity * points);
      skipped = grow(skipped, capacity);
    }
    if (typeof v === 'number') {
      const x = v - min;
      if (x >= 0 && x < points && (x | 0) === x) {
        const at = code * points + x;
        counts[at] = (counts[at] as number) + 1;
        continue;
      }
      return undefined;
    }
    if (v === null || v === undefined) skipped[code] = (skipped[code] as number) + 1;
    else return undefined;
  }
  // No record with the field: the general path says so (INVALID_OPTION with the closest name).
  if (buckets.every((b) => b.key[0] === null)) return undefined;
  // Every record of a group is counted or skipped (else the loop gave up): its size is their sum.
  const summaries: Summary[] = buckets.map((b, c) => {
    const row = Array.from(counts.subarray(c * points, (c + 1) * points));
    b.size = row.reduce((a, x) => a + x, skipped[c] as number);
    return { ...empty, counts: row, skipped: skipped[c] as number } as Summary;
  });
  return { buckets, summaries };
}

function grow(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
