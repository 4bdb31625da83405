import type { ScoreHistogram, Summary } from '../summary/types.ts';
import type { MetricPlan } from './metricPlan.ts';

// The fast path of `breakdown` and `trend` for score-histogram metrics (NPS, CSAT, CES): one loop
// over the records adds each answer to its group's histogram, where the general path would copy
// the records into one array per group and read each array. It accepts only what the families'
// own readers accept without a warning — integers on the scale, null/undefined as skipped answers,
// records without another survey's `type` — and gives up (returns undefined) on anything else, so
// the general path produces the family's own result or error. Equal to summarizing each group's
// records, to the last count (test/analysis/breakdown.test.ts).

/** The summary kinds the histogram loops count. @internal */
export const HISTOGRAM_KINDS: readonly string[] = ['nps-summary', 'csat-summary', 'ces-summary'];

/** One histogram summary per group code, or undefined when the fast loop does not apply. @internal */
export function groupedHistograms(
  fn: string,
  plan: MetricPlan,
  items: ArrayLike<unknown>,
  codes: Int32Array,
  k: number,
): Summary[] | undefined {
  const o = plan.summarizeOptions;
  if (!HISTOGRAM_KINDS.includes(plan.family.kind) || o.weights !== undefined || plan.read !== undefined)
    return undefined;
  const accessor = o.accessor;
  if (accessor !== undefined && typeof accessor !== 'string' && typeof accessor !== 'function') return undefined;
  // The family's summary of no answers carries the resolved scale (and checks the options).
  const empty = plan.family.summarize(`${fn}('${plan.family.metric}')`, [], o) as Summary &
    ScoreHistogram & {
      scale: { min: number };
    };
  const points = empty.counts.length;
  const min = empty.scale.min;
  const survey = plan.family.metric;
  const counts = new Float64Array(k * points);
  const skipped = new Float64Array(k);
  const n = items.length;
  if (typeof accessor === 'string') {
    // Own properties only (see ownField.ts): the last prototype seen and whether its chain has the name.
    let proto: object | null = Object.prototype;
    let inherited = accessor in Object.prototype;
    for (let i = 0; i < n; i++) {
      const record = items[i];
      const code = codes[i] as number;
      if (code < 0) continue;
      if (record === null || record === undefined) {
        skipped[code] = (skipped[code] as number) + 1;
        continue;
      }
      if (typeof record !== 'object') return undefined;
      const type = (record as { type?: unknown }).type;
      if (type !== undefined && type !== survey) return undefined;
      let v = (record as Record<string, unknown>)[accessor];
      if (v !== undefined) {
        const p = Object.getPrototypeOf(record) as object | null;
        if (p !== proto) {
          proto = p;
          inherited = p !== null && accessor in p;
        }
        if (inherited && !Object.hasOwn(record, accessor)) v = undefined;
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
  } else {
    const read = accessor as ((record: unknown, index: number) => unknown) | undefined;
    for (let i = 0; i < n; i++) {
      const record = items[i];
      const code = codes[i] as number;
      if (code < 0) continue;
      if (read !== undefined && record !== null && typeof record === 'object') {
        const type = (record as { type?: unknown }).type;
        if (type !== undefined && type !== survey) return undefined;
      }
      // Accessor functions see the record's index in the caller's input, as on the general path.
      const v = read === undefined ? record : read(record, i);
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
  }
  const out: Summary[] = [];
  for (let c = 0; c < k; c++) {
    out.push({
      ...empty,
      counts: Array.from(counts.subarray(c * points, (c + 1) * points)),
      skipped: skipped[c] as number,
    } as Summary);
  }
  return out;
}
