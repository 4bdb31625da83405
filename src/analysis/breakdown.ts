import { CxMetricsError } from '../errors.ts';
import { breakdownText } from '../format/analysisText.ts';
import type { Loose } from '../format/kinds.ts';
import { printable } from '../format/printable.ts';
import { closestName } from '../options.ts';
import { ownField, ownFieldReader } from '../ownField.ts';
import { describe } from '../stats/validate.ts';
import type { ResultBySummaryKind, SummaryByMetric } from '../summary/typeMaps.ts';
import type { Summary, SummaryMetric } from '../summary/types.ts';
import type { CxWarning, Difference } from '../types.ts';
import { warning } from '../warnings.ts';
import { adjustPValues, type PAdjustMethod } from './adjustPValues.ts';
import { histogramsByField } from './histogramsByField.ts';
import {
  type Comparable,
  comparableOf,
  compareComparables,
  estimateOrNull,
  flagOf,
  type GroupTest,
  groupTest,
  planMetric,
  resultN,
  summarizeByCode,
} from './metricPlan.ts';
import { readRecords } from './records.ts';
import { type BreakdownStep, type BreakdownStepTest, stepComparisons } from './stepComparisons.ts';

/**
 * A group key: the value of a `by` field (or of a `by` function) for one record. A missing
 * (undefined) value is the key `null`.
 *
 * @example
 * const key: BreakdownKeyValue = 'email'
 * key // => 'email'
 */
export type BreakdownKeyValue = string | number | boolean | null;

/**
 * What to group by: a field name, or a function of the record (and its index) returning a key.
 *
 * @example
 * const byWeekday: BreakdownBy<{ at: string }> = (r) => new Date(r.at).getUTCDay()
 * byWeekday({ at: '2026-05-01' }, 0) // => 5
 */
export type BreakdownBy<T> = (keyof T & string) | ((record: T, index: number) => BreakdownKeyValue);

/** The result type of `estimate` for a metric's summary. @internal */
export type MetricResult<M extends SummaryMetric> = ResultBySummaryKind[SummaryByMetric[M]['kind']];

/**
 * Options of `breakdown`: what to group by, which metric, how to adjust the many comparisons, and
 * the metric's own options (those of `summarize` and `estimate`, e.g. `accessor`, `scale`,
 * `method`, `confidence`).
 *
 * @example
 * const rows = [{ channel: 'email', score: 10 }, { channel: 'chat', score: 3 }]
 * breakdown(rows, { by: 'channel', metric: 'nps', accessor: 'score' }).groups.length // => 2
 */
export interface BreakdownOptions<T, M extends SummaryMetric = SummaryMetric> {
  /** A field name, a function `(record, index) => key`, or a list of them (a cross-tab). */
  by: BreakdownBy<T> | readonly BreakdownBy<T>[];
  /** A metric name of `summarize`: 'nps', 'csat', 'ces', 'proportion', 'mean', … */
  metric: M;
  /** The p-value adjustment across the groups, any `adjustPValues` method; `'holm'` by default. */
  adjust?: PAdjustMethod;
  /** A group is flagged when its adjusted p-value is below this level; 0.05 by default. */
  level?: number;
  /**
   * Order of the groups: `'key'` (default: journey stages in journey order, else numbers
   * ascending, then strings in code-unit order, then false, true, and null last), `'size'` (most
   * records first), or a list of key values (those first, in that order; the rest by key).
   */
  order?: 'key' | 'size' | readonly BreakdownKeyValue[];
  /** The metric's options (`accessor`, `scale`, `method`, `confidence`, …). */
  [option: string]: unknown;
}

/**
 * One group of a breakdown: its estimate, and how it differs from all the other records.
 *
 * @example
 * const rows = [...Array(40).fill({ ch: 'a', q: 10 }), ...Array(40).fill({ ch: 'b', q: 2 })]
 * const g = breakdown(rows, { by: 'ch', metric: 'nps', accessor: 'q' }).groups[0]
 * [g.key, g.label, g.records, g.flag] // => ['a', 'a', 40, 'higher']
 */
export interface BreakdownGroup<R = unknown> {
  /** The key (a tuple of keys for a cross-tab). */
  key: BreakdownKeyValue | BreakdownKeyValue[];
  /** The key as text: `'email'`, `'email × mobile'`, `'(missing)'` for null. */
  label: string;
  /** Records in the group. */
  records: number;
  /** Answers the estimate rests on (its `n`); 0 without an estimate. */
  n: number;
  /** The metric's usual result for the group, or null when it has too few answers for one. */
  estimate: R | null;
  /** This group minus all the others (signed), with its interval and p-value; null when it cannot be compared. */
  vsRest: Difference | null;
  /** vsRest's p-value, unadjusted. */
  pValue: number | null;
  /** The p-value adjusted across the groups (`adjust`). */
  adjustedPValue: number | null;
  /** `'higher'` / `'lower'` than the rest when the adjusted p-value is below `level`, else `'none'`. */
  flag: 'higher' | 'lower' | 'none';
  /** The group's summary (merge it with others, or estimate it with other options). */
  summary: Summary;
  /** SMALL_SAMPLE and the estimate's and comparison's warnings. */
  warnings: CxWarning[];
  /** A funnel only: each step's conversion against the other groups', adjusted across the groups at that step. */
  steps?: BreakdownStep[];
}

/**
 * The result of `breakdown`.
 *
 * @example
 * const rows = [{ ch: 'a', ok: true }, { ch: 'a', ok: false }, { ch: 'b', ok: true }]
 * const b = breakdown(rows, { by: 'ch', metric: 'proportion', accessor: 'ok' })
 * [b.kind, b.metric, b.by, b.overall.value, b.records] // => ['breakdown', 'proportion', ['ch'], 2 / 3, 3]
 */
export interface BreakdownResult<R = unknown> {
  kind: 'breakdown';
  metric: SummaryMetric;
  /** The `by` fields ('by[0]' … for functions without a name). */
  by: string[];
  /** The metric on all records. */
  overall: R;
  groups: BreakdownGroup<R>[];
  /** Any difference across the groups at all? Null when it cannot be tested (a NO_TEST warning says why). */
  test: GroupTest | null;
  adjust: PAdjustMethod;
  level: number;
  /** Records read. */
  records: number;
  warnings: CxWarning[];
  /** A funnel only: the test of equal conversion across the groups at each step (`test` is end to end). */
  steps?: BreakdownStepTest[];
}

/** Groups with fewer answers than this are warned about (SMALL_SAMPLE); they are never hidden. */
const SMALL_GROUP = 30;

/**
 * The default customer-journey stages, in journey order: keys that are all among them come out in
 * this order. The same list as `JOURNEY_STAGES` of 'cx-metrics/schemas' (kept here so the main
 * entry does not load zod; test/analysis/breakdown.test.ts checks they agree).
 */
const JOURNEY_ORDER: readonly string[] = [
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'support',
  'renewal',
  'advocacy',
];

interface Bucket {
  key: BreakdownKeyValue[];
  /** The group's number in first-seen order (its code in `codes`). */
  code: number;
  /** Records in the group. */
  size: number;
}

interface Grouping {
  /** Each record's group code. */
  codes: Int32Array;
  /** The groups, by code. */
  buckets: Bucket[];
}

/**
 * The metric for each segment, and each segment against all the others, with the many
 * comparisons adjusted: "which channel is worse than the rest?".
 *
 * One pass over the records puts each in its group; each group is read once into its summary
 * (`summarize`); the overall figure is the merge of all groups' summaries and each group's "rest"
 * the merge of the others' (prefix and suffix merges, so k groups cost O(k) merges), never a
 * second reading. `vsRest` is the signed difference group − rest: `compareNps` (trinomial
 * variance, adjusted Wald) for NPS, `compareProportions` (Newcombe's hybrid score interval and the
 * pooled z-test) for CSAT, FCR, SLA, churn and proportions, `compareMeans` (Welch) for CES and
 * means. The p-values are adjusted across the groups with `adjustPValues` — Holm (1979) by default,
 * which keeps the family-wise error rate whatever the dependence between the comparisons — and a
 * group is flagged `higher` or `lower` only when its adjusted p-value is below `level`. `test`
 * asks whether the groups differ at all: Pearson's chi-square homogeneity test for proportions,
 * the Wald test on the k net scores for NPS (Cochran's Q with the trinomial variance), Welch's
 * (1951) ANOVA for means (doi:10.1093/biomet/38.3-4.330).
 *
 * Small groups are shown and warned (SMALL_SAMPLE below 30 answers), never hidden; a group too
 * small for an estimate at all has `estimate: null`. Groups are ordered by key (see `order`):
 * journey stages in journey order. Records whose `by` field is missing form the group `null`
 * ('(missing)'). Any metric of `summarize` works, through the summary registry; one without a
 * comparison (durations) gets its estimates and a NO_TEST warning. Accessor functions receive the
 * record's index in `records`.
 *
 * @param records - the records (survey responses, tickets, …) as the metric reads them
 * @param options - `by`, `metric`, `adjust`, `level`, `order`, and the metric's options
 * @returns overall, groups[] (key, estimate, vsRest, adjustedPValue, flag), test, warnings
 * @throws CxMetricsError EMPTY_INPUT for no records; INVALID_OPTION for a missing or unknown `by`
 *   field (one no record has, with the closest name), an unknown metric or option; INVALID_VALUE
 *   for a key that is not a string, number, boolean or null (with the record's index), and as the
 *   metric for a bad answer (with the record's index in `records`)
 * @example
 * const rows = [
 *   ...Array(60).fill({ channel: 'email', score: 10 }), ...Array(40).fill({ channel: 'email', score: 5 }),
 *   ...Array(30).fill({ channel: 'phone', score: 9 }), ...Array(70).fill({ channel: 'phone', score: 3 }),
 * ]
 * const b = breakdown(rows, { by: 'channel', metric: 'nps', accessor: 'score' })
 * b.overall.value // => -10 (to 1e-12)
 * b.groups.map((g) => [g.label, g.estimate.value.toFixed(1), g.flag]) // => [['email', '20.0', 'higher'], ['phone', '-40.0', 'lower']]
 * b.groups[1].vsRest.difference // => -60 (to 1e-12)
 * b.test.df // => 1
 */
export function breakdown<T, M extends SummaryMetric>(
  records: ArrayLike<T>,
  options: BreakdownOptions<T, M>,
): BreakdownResult<MetricResult<M>> {
  const fn = 'breakdown';
  const { plan, own } = planMetric(fn, options, ['by', 'order']);
  const bys = readBy(fn, own.by);
  const order = readOrder(fn, own.order);
  const items = readRecords(fn, records);
  // One field and a histogram metric: one loop straight into the groups' histograms; else the
  // group codes, then each group's summary.
  const single = bys.length === 1 && typeof bys[0] === 'string' ? bys[0] : undefined;
  const fused = single === undefined ? undefined : histogramsByField(fn, plan, items, single);
  const grouping = fused ?? groupCodes(fn, items, bys);
  // A funnel counts customers: all of a customer's events must be in one group (never fused).
  if (fused === undefined && plan.family.regroup !== undefined) {
    const codes = (grouping as Grouping).codes;
    plan.family.regroup(fn, items, plan.summarizeOptions, codes, 'constant', (c) =>
      labelOf((grouping.buckets[c] as Bucket).key),
    );
  }
  const warnings: CxWarning[] = [];
  const byNames = bys.map((b, i) => (typeof b === 'string' ? b : b.name !== '' ? b.name : `by[${i}]`));

  const list = sortBuckets([...grouping.buckets], order);
  const labels = list.map((b) => labelOf(b.key));
  const labelByCode = new Map(list.map((b, i) => [b.code, labels[i] as string]));
  const byCode =
    fused?.summaries ??
    summarizeByCode(
      fn,
      plan,
      items,
      (grouping as Grouping).codes,
      grouping.buckets.length,
      (c) => `group ${labelByCode.get(c)}`,
    );
  const summaries = list.map((b) => byCode[b.code] as Summary);
  const k = summaries.length;
  const merge = (a: Summary, b: Summary) => plan.family.merge(fn, a, b);
  // Prefix and suffix merges: overall = prefix[k−1], rest of group i = prefix[i−1] + suffix[i+1].
  const prefix: Summary[] = [];
  const suffix: Summary[] = new Array(k);
  for (let i = 0; i < k; i++) {
    const s = summaries[i] as Summary;
    prefix.push(i === 0 ? s : merge(prefix[i - 1] as Summary, s));
  }
  for (let i = k - 1; i >= 0; i--)
    suffix[i] = i === k - 1 ? (summaries[i] as Summary) : merge(summaries[i] as Summary, suffix[i + 1] as Summary);
  const overallSummary = prefix[k - 1] as Summary;
  const overall = plan.family.estimate(plan.family.metric, overallSummary, plan.estimateOptions);

  const comparables: Comparable[] = [];
  const groups: BreakdownGroup[] = list.map((b, i) => {
    const label = labels[i] as string;
    const where = `${fn}: group ${label}`;
    const gw: CxWarning[] = [];
    const summary = summaries[i] as Summary;
    const est = estimateOrNull(plan, summary, where, gw);
    const comparable = comparableOf(summary, est, plan);
    comparables.push(comparable);
    let vsRest: Difference | null = null;
    if (k > 1) {
      const rest =
        i === 0
          ? (suffix[1] as Summary)
          : i === k - 1
            ? (prefix[k - 2] as Summary)
            : merge(prefix[i - 1] as Summary, suffix[i + 1] as Summary);
      const restEstimate =
        'weights' in rest && rest.weights !== undefined ? estimateOrNull(plan, rest, where, []) : null;
      vsRest = compareComparables(plan, comparable, comparableOf(rest, restEstimate, plan), where, gw);
    }
    const n = resultN(est);
    const estWarnings = (est as { warnings?: CxWarning[] } | null)?.warnings ?? [];
    if (est !== null && n < SMALL_GROUP && !estWarnings.some((w) => w.code === 'SMALL_SAMPLE')) {
      gw.push(
        warning(
          'SMALL_SAMPLE',
          `${where}: ${n} answers; below ${SMALL_GROUP} the interval and the comparison are rough`,
        ),
      );
    }
    for (const w of estWarnings) gw.push(w);
    return {
      key: b.key.length === 1 ? (b.key[0] as BreakdownKeyValue) : b.key,
      label,
      records: b.size,
      n,
      estimate: est,
      vsRest,
      pValue: vsRest === null ? null : vsRest.pValue,
      adjustedPValue: null,
      flag: 'none' as const,
      summary,
      warnings: gw,
    };
  });
  if (k === 1) warnings.push(warning('NO_TEST', `${fn}: one group only (${labels[0]}); nothing to compare it with`));
  const small = groups.filter((g) => g.warnings.some((w) => w.code === 'SMALL_SAMPLE')).map((g) => g.label);
  if (small.length > 0) {
    warnings.push(
      warning(
        'SMALL_SAMPLE',
        `${fn}: small group(s) ${small.join(', ')}: shown, but their estimates and comparisons are rough`,
      ),
    );
  }
  const withP = groups.filter((g) => g.pValue !== null);
  if (withP.length > 0) {
    const adjusted = adjustPValues(
      withP.map((g) => g.pValue as number),
      { method: plan.adjust },
    );
    withP.forEach((g, j) => {
      g.adjustedPValue = adjusted[j] as number;
      g.flag = flagOf(g.vsRest, g.adjustedPValue, plan.level);
    });
  }
  const test = k > 1 ? groupTest(comparables, fn, warnings) : null;
  const steps = stepComparisons(fn, plan, summaries, labels, warnings);
  if (steps !== undefined) {
    groups.forEach((g, i) => {
      g.steps = steps.groups[i] as BreakdownStep[];
    });
  }
  const result: BreakdownResult = {
    kind: 'breakdown',
    metric: plan.family.metric,
    by: byNames,
    overall,
    groups,
    test,
    adjust: plan.adjust,
    level: plan.level,
    records: items.length,
    warnings,
  };
  if (steps !== undefined) result.steps = steps.tests;
  return printable(result, (r) => breakdownText(r as unknown as Loose)) as BreakdownResult<MetricResult<M>>;
}

type By = string | ((record: unknown, index: number) => unknown);

function readBy(fn: string, by: unknown): By[] {
  if (by === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: by is required: a field name, a function (record) => key, or a list of them`,
    );
  }
  const list = Array.isArray(by) ? by : [by];
  if (list.length === 0)
    throw new CxMetricsError('INVALID_OPTION', `${fn}: by is an empty list; expected at least one field`);
  list.forEach((b, i) => {
    if (typeof b !== 'string' && typeof b !== 'function') {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: by${Array.isArray(by) ? `[${i}]` : ''} is ${describe(b)}; expected a field name or a function (record, index) => key`,
        { value: b },
      );
    }
  });
  return list as By[];
}

type Order = 'key' | 'size' | readonly unknown[];

function readOrder(fn: string, order: unknown): Order {
  if (order === undefined) return 'key';
  if (order === 'key' || order === 'size' || Array.isArray(order)) return order as Order;
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: order is ${describe(order)}; expected 'key', 'size' or a list of key values`,
    { value: order },
  );
}

function keyValue(fn: string, by: By, j: number, record: unknown, i: number): BreakdownKeyValue {
  let v: unknown;
  if (typeof by === 'string') {
    v = record !== null && typeof record === 'object' ? ownField(record, by) : undefined;
  } else {
    v = by(record, i);
  }
  if (v === undefined || v === null) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return v as BreakdownKeyValue;
  const name = typeof by === 'string' ? `'${by}'` : `by[${j}]`;
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: the ${name} of record at index ${i} is ${describe(v)}; a group key must be a string, number, boolean or null (map it to one with a by function)`,
    { index: i, value: v },
  );
}

/**
 * Each record's group: one pass computing a group code per record (a Map lookup of the raw key; a
 * key is validated the first time it is seen).
 */
function groupCodes(fn: string, items: ArrayLike<unknown>, bys: By[]): Grouping {
  const n = items.length;
  const codes = new Int32Array(n);
  const buckets: Bucket[] = [];
  const single = bys.length === 1 ? bys[0] : undefined;
  if (typeof single === 'string') {
    // The common case, kept monomorphic: one field read and one Map lookup per record.
    const lookup = new Map<unknown, Bucket>();
    const get = ownFieldReader(single);
    for (let i = 0; i < n; i++) {
      const r = items[i];
      const v = get(r);
      let bucket = lookup.get(v);
      if (bucket === undefined) {
        const key = keyValue(fn, single, 0, r, i);
        bucket = key !== v ? lookup.get(key) : undefined;
        if (bucket === undefined) {
          bucket = { key: [key], code: buckets.length, size: 0 };
          buckets.push(bucket);
          lookup.set(key, bucket);
        }
        lookup.set(v, bucket);
      }
      codes[i] = bucket.code;
      bucket.size++;
    }
  } else {
    const lookup = new Map<string, Bucket>();
    for (let i = 0; i < n; i++) {
      const r = items[i];
      const key = bys.map((b, j) => keyValue(fn, b, j, r, i));
      // Tagged so that no two keys meet: '1' and 1, and NaN or ±Infinity (which JSON writes as null) and null.
      const mapKey = JSON.stringify(
        key.map((v) => (typeof v === 'string' ? `s${v}` : typeof v === 'number' ? `n${v}` : v)),
      );
      let bucket = lookup.get(mapKey);
      if (bucket === undefined) {
        bucket = { key, code: buckets.length, size: 0 };
        buckets.push(bucket);
        lookup.set(mapKey, bucket);
      }
      codes[i] = bucket.code;
      bucket.size++;
    }
  }
  bys.forEach((b, j) => {
    if (typeof b === 'string' && buckets.every((k) => k.key[j] === null) && !hasField(items, b)) {
      const sample = firstObject(items);
      const fields = sample === undefined ? [] : Object.keys(sample);
      const guess = closestName(b, fields);
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: no record has the field '${b}' given as by${bys.length > 1 ? `[${j}]` : ''}${
          guess !== undefined
            ? `; did you mean '${guess}'?`
            : fields.length > 0
              ? `; the records have ${fields.map((f) => `'${f}'`).join(', ')}`
              : ''
        }`,
        { value: b },
      );
    }
  });
  return { codes, buckets };
}

function hasField(items: ArrayLike<unknown>, field: string): boolean {
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (r !== null && typeof r === 'object' && Object.hasOwn(r, field)) return true;
  }
  return false;
}

function firstObject(items: ArrayLike<unknown>): object | undefined {
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (r !== null && typeof r === 'object') return r;
  }
  return undefined;
}

function labelOf(key: BreakdownKeyValue[]): string {
  return key.map((v) => (v === null ? '(missing)' : String(v))).join(' × ');
}

function typeRank(v: BreakdownKeyValue): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3;
}

function compareValues(a: BreakdownKeyValue, b: BreakdownKeyValue, stages: boolean): number {
  if (stages && typeof a === 'string' && typeof b === 'string')
    return JOURNEY_ORDER.indexOf(a) - JOURNEY_ORDER.indexOf(b);
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? 0 : Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

function sortBuckets(list: Bucket[], order: Order): Bucket[] {
  const width = list[0]?.key.length ?? 0;
  // A component whose every non-null key is a default journey stage is ordered as the journey.
  const stages = Array.from({ length: width }, (_, j) =>
    list.every((b) => {
      const v = b.key[j];
      return v === null || (typeof v === 'string' && JOURNEY_ORDER.includes(v));
    }),
  );
  const byKey = (x: Bucket, y: Bucket) => {
    for (let j = 0; j < width; j++) {
      const c = compareValues(x.key[j] as BreakdownKeyValue, y.key[j] as BreakdownKeyValue, stages[j] as boolean);
      if (c !== 0) return c;
    }
    return 0;
  };
  if (order === 'size') return list.sort((x, y) => y.size - x.size || byKey(x, y));
  if (order === 'key') return list.sort(byKey);
  const rank = (b: Bucket) => {
    const k = order.findIndex((v) =>
      width === 1 ? Object.is(v, b.key[0]) : Array.isArray(v) && v.every((x, j) => Object.is(x, b.key[j])),
    );
    return k < 0 ? order.length : k;
  };
  return list.sort((x, y) => rank(x) - rank(y) || byKey(x, y));
}
