import { compareMeans } from '../compare/compareMeans.ts';
import { compareNps } from '../compare/compareNps.ts';
import { compareProportions } from '../compare/compareProportions.ts';
import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { ownFieldReader } from '../ownField.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { familyForMetric } from '../summary/dispatch.ts';
import type { SummaryFamily } from '../summary/family.ts';
import { FAMILIES } from '../summary/registry.ts';
import type { MeanSummary, NpsSummary, ScoreHistogram, Summary } from '../summary/types.ts';
import type { CxWarning, Difference, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import { P_ADJUST_METHODS, type PAdjustMethod } from './adjustPValues.ts';
import { estimateTrendTest } from './estimateTrendTest.ts';
import { groupedHistograms } from './groupedHistograms.ts';
import { meanHomogeneityTest } from './meanHomogeneityTest.ts';
import { npsHomogeneityTest } from './npsHomogeneityTest.ts';
import { proportionHomogeneityTest } from './proportionHomogeneityTest.ts';
import { proportionTrendTest } from './proportionTrendTest.ts';

// What `breakdown` and `trend` share: the metric named by the caller, found in the summary
// registry (so a family added there works here with no change), its options split between
// summarize and estimate, and — by summary kind — how two summaries are compared, and which test
// asks "any difference across groups?" and "a steady trend across periods?". A family whose kind
// is not listed below still gets its estimates, only without comparisons and tests (a NO_TEST
// warning says so).

/** The metric, its family and its options split by side. @internal */
export interface MetricPlan {
  family: SummaryFamily;
  summarizeOptions: Record<string, unknown>;
  estimateOptions: Record<string, unknown>;
  confidence: number;
  adjust: PAdjustMethod;
  level: number;
  /**
   * For a family whose summarize reads plain values only (mean): the `accessor` option, applied
   * here to each record (a field name or a function (record, index) => value).
   */
  read?: (record: unknown, index: number) => unknown;
}

/**
 * Check the options of breakdown/trend: their own keys plus the metric's summarize and estimate
 * keys, INVALID_OPTION (with the closest name) for anything else. @internal
 */
export function planMetric(
  fn: string,
  options: unknown,
  ownKeys: readonly string[],
): { plan: MetricPlan; own: Record<string, unknown> } {
  if (options === null || typeof options !== 'object') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { metric, … } are required`, { value: options });
  }
  const metric = (options as Record<string, unknown>).metric;
  if (metric === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: metric is required: a metric name of summarize ('nps', 'csat', 'ces', 'proportion', 'mean', …)`,
    );
  }
  const family = familyForMetric(FAMILIES, fn, metric);
  const allowed = [
    ...new Set([
      ...ownKeys,
      'metric',
      'metricOptions',
      'adjust',
      'level',
      'accessor',
      ...family.summarizeKeys,
      ...family.estimateKeys,
    ]),
  ];
  const o = checkOptions(fn, options as Record<string, unknown>, allowed) as Record<string, unknown>;
  // A metric option whose name is also one of the analysis' own but means something else (a
  // funnel's stage order, a cart's purchase window) is given in metricOptions.
  const distinct = (family.distinctKeys ?? []).filter((key) => ownKeys.includes(key));
  const metricOptions = readMetricOptions(fn, o.metricOptions, family);
  const summarizeOptions: Record<string, unknown> = {};
  const estimateOptions: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined || key === 'metricOptions') continue;
    const mine = ownKeys.includes(key) || key === 'adjust' || key === 'level';
    if (family.summarizeKeys.includes(key) && !distinct.includes(key)) summarizeOptions[key] = value;
    if (family.estimateKeys.includes(key)) estimateOptions[key] = value;
    if (mine) own[key] = value;
  }
  for (const [key, value] of Object.entries(metricOptions)) {
    if (value === undefined) continue;
    if (family.summarizeKeys.includes(key)) summarizeOptions[key] = value;
    if (family.estimateKeys.includes(key)) estimateOptions[key] = value;
  }
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  const adjust = checkOneOf(fn, 'adjust', o.adjust ?? 'holm', P_ADJUST_METHODS);
  const level = o.level ?? 0.05;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: level is ${describe(level)}; expected a number in (0, 1), e.g. 0.05`,
      {
        value: level,
      },
    );
  }
  const plan: MetricPlan = { family, summarizeOptions, estimateOptions, confidence, adjust, level };
  if (!family.summarizeKeys.includes('accessor') && o.accessor !== undefined) {
    const accessor = o.accessor;
    if (typeof accessor === 'function') plan.read = accessor as (record: unknown, index: number) => unknown;
    else if (typeof accessor === 'string') {
      plan.read = ownFieldReader(accessor);
    } else {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: accessor is ${describe(accessor)}; expected a field name or a function (record, index) => value`,
        { value: accessor },
      );
    }
  }
  return { plan, own };
}

/** The metricOptions of breakdown/trend: the metric's own options, checked. */
function readMetricOptions(fn: string, value: unknown, family: SummaryFamily): Record<string, unknown> {
  if (value === undefined) return {};
  const keys = [...new Set([...family.summarizeKeys, ...family.estimateKeys])];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: metricOptions is ${describe(value)}; expected an object of ${family.metric}'s options (${keys.join(', ')})`,
      { value },
    );
  }
  const checked = checkOptions(`${fn}: metricOptions`, value as Record<string, unknown>, keys) as Record<
    string,
    unknown
  >;
  return checked;
}

/**
 * Summarize one group's records; an error about one record is re-thrown naming the record's index
 * in the caller's input (`indexOf` maps the group's index back) and the group. @internal
 */
export function summarizeGroup(
  fn: string,
  plan: MetricPlan,
  records: unknown[],
  weights: unknown[] | undefined,
  where: string,
  indexOf: (i: number) => number,
): Summary {
  const options: Record<string, unknown> = { ...plan.summarizeOptions };
  if (weights !== undefined) options.weights = weights;
  // Accessor functions see each record's index in the caller's input, not in its group.
  const accessor = options.accessor;
  if (typeof accessor === 'function') {
    const f = accessor as (record: unknown, index: number) => unknown;
    options.accessor = (r: unknown, i: number) => f(r, indexOf(i));
  }
  const read = plan.read;
  try {
    const input = read === undefined ? records : records.map((r, i) => read(r, indexOf(i)));
    return plan.family.summarize(`${fn}('${plan.family.metric}')`, input, options);
  } catch (error) {
    if (error instanceof CxMetricsError && error.index !== undefined) {
      const index = indexOf(error.index);
      const message = error.message.replace(/\bat index \d+/, `at index ${index}`);
      throw new CxMetricsError(error.code, `${message} (${where})`, { index, value: error.value });
    }
    throw error;
  }
}

/**
 * Summaries of k groups given each record's group code (−1: left out): the fast histogram loop
 * when it applies, else a split of the records into one array per group, each summarized by its
 * family (an error about a record names its index in the caller's input). `where(c)` names group
 * c in messages. @internal
 */
export function summarizeByCode(
  fn: string,
  plan: MetricPlan,
  items: ArrayLike<unknown>,
  codes: Int32Array,
  k: number,
  where: (code: number) => string,
): Summary[] {
  const fast = groupedHistograms(fn, plan, items, codes, k);
  if (fast !== undefined) return fast;
  const weights = plan.summarizeOptions.weights as ArrayLike<unknown> | undefined;
  if (weights !== undefined && (weights === null || typeof weights !== 'object' || weights.length !== items.length)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: weights must be an array with one weight per record (${items.length})`,
      { value: weights },
    );
  }
  const records: unknown[][] = Array.from({ length: k }, () => []);
  const indices: number[][] = Array.from({ length: k }, () => []);
  const groupWeights: unknown[][] | undefined = weights === undefined ? undefined : Array.from({ length: k }, () => []);
  for (let i = 0; i < items.length; i++) {
    const code = codes[i] as number;
    if (code < 0) continue;
    (records[code] as unknown[]).push(items[i]);
    (indices[code] as number[]).push(i);
    if (groupWeights !== undefined) (groupWeights[code] as unknown[]).push((weights as ArrayLike<unknown>)[i]);
  }
  return records.map((list, c) =>
    summarizeGroup(fn, plan, list, groupWeights?.[c], where(c), (i) => (indices[c] as number[])[i] ?? i),
  );
}

/**
 * The number of answers a result rests on: its `n`, or for a funnel the end-to-end conversion's
 * (the decided customers); 0 without one. @internal
 */
export function resultN(result: unknown): number {
  const r = result as { n?: unknown; kind?: unknown; endToEnd?: { conversion?: { n?: unknown } | null } } | null;
  if (r === null || typeof r !== 'object') return 0;
  if (typeof r.n === 'number') return r.n;
  const n = r.kind === 'funnel' ? r.endToEnd?.conversion?.n : undefined;
  return typeof n === 'number' ? n : 0;
}

/** The group's estimate, or null with a warning when it has too few answers for one. @internal */
export function estimateOrNull(plan: MetricPlan, summary: Summary, where: string, warnings: CxWarning[]): unknown {
  try {
    return plan.family.estimate(plan.family.metric, summary, plan.estimateOptions);
  } catch (error) {
    if (error instanceof CxMetricsError && (error.code === 'EMPTY_INPUT' || error.code === 'INSUFFICIENT_DATA')) {
      warnings.push(warning('SMALL_SAMPLE', `${where}: no estimate (${error.message})`));
      return null;
    }
    throw error;
  }
}

/** How a summary kind is compared and tested. @internal */
export type Comparable =
  | { kind: 'nps'; summary: NpsSummary; counts: { promoters: number; passives: number; detractors: number } }
  | { kind: 'proportion'; successes: number; n: number; weighted: boolean; estimate?: { value: number; n: number } }
  | {
      kind: 'mean';
      summary: MeanSummary;
      weighted: boolean;
      estimate?: { value: number; n: number; standardError?: number };
    }
  | { kind: 'none' };

/** The comparable form of a summary (`result` is its estimate, used for weighted summaries). @internal */
export function comparableOf(summary: Summary, result: unknown, plan?: MetricPlan): Comparable {
  const r = result as { value?: number; n?: number; standardError?: number } | null;
  const est =
    r !== null && typeof r.value === 'number' && typeof r.n === 'number'
      ? (r as { value: number; n: number })
      : undefined;
  switch (summary.kind) {
    case 'nps-summary': {
      const s = summary;
      const counts = { promoters: 0, passives: 0, detractors: 0 };
      s.counts.forEach((c, k) => {
        const score = s.scale.min + k;
        if (score >= s.scale.promoterMin) counts.promoters += c;
        else if (score <= s.scale.detractorMax) counts.detractors += c;
        else counts.passives += c;
      });
      return { kind: 'nps', summary: s, counts };
    }
    case 'csat-summary': {
      const s = summary;
      let successes = 0;
      let n = 0;
      s.counts.forEach((c, k) => {
        n += c;
        if (s.scale.min + k >= s.scale.satisfiedMin) successes += c;
      });
      return proportionComparable(successes, n, s.weights !== undefined, est);
    }
    case 'ces-summary':
      return meanComparable(histogramMean(summary, summary.scale.min), summary.weights !== undefined, r);
    case 'proportion-summary':
      return proportionComparable(summary.successes, summary.n, false, est);
    case 'mean-summary':
      return meanComparable(summary, false, r);
    case 'fcr-summary':
      return proportionComparable(summary.firstContact, summary.total, false, est);
    case 'sla-summary':
      return proportionComparable(summary.met, summary.met + summary.missed, false, est);
    case 'churn-summary':
      return summary.definition === 'cohort'
        ? proportionComparable(summary.churned, summary.customersAtStart, false, est)
        : { kind: 'none' };
    case 'funnel-summary': {
      // The headline: end-to-end conversion over the decided customers (pending left out).
      const { reached, pending } = summary;
      const decided = (reached[0] as number) - pending.reduce((a, b) => a + b, 0);
      return proportionComparable(reached[reached.length - 1] as number, decided, false, est);
    }
    case 'cart-abandonment-summary': {
      const s = summary;
      return plan?.estimateOptions.definition === 'ended'
        ? proportionComparable(s.abandoned, s.abandoned + s.purchased, false, est)
        : proportionComparable(s.abandoned + s.pending, s.purchased + s.abandoned + s.pending, false, est);
    }
    default:
      return { kind: 'none' };
  }
}

function proportionComparable(
  successes: number,
  n: number,
  weighted: boolean,
  estimate: { value: number; n: number } | undefined,
): Comparable {
  const out: Comparable = { kind: 'proportion', successes, n, weighted };
  if (estimate !== undefined) out.estimate = estimate;
  return out;
}

function meanComparable(summary: MeanSummary, weighted: boolean, r: unknown): Comparable {
  const out: Comparable = { kind: 'mean', summary, weighted };
  const e = r as { value?: unknown; n?: unknown; standardError?: unknown } | null;
  if (e !== null && typeof e.value === 'number' && typeof e.n === 'number' && typeof e.standardError === 'number') {
    out.estimate = { value: e.value, n: e.n, standardError: e.standardError };
  }
  return out;
}

/** n, mean and M2 of a score histogram (unweighted). @internal */
export function histogramMean(h: ScoreHistogram, min: number): MeanSummary {
  let n = 0;
  let sum = 0;
  h.counts.forEach((c, k) => {
    n += c;
    sum += c * (min + k);
  });
  if (n === 0) return { kind: 'mean-summary', version: 1, n: 0, mean: 0, m2: 0 };
  const mean = sum / n;
  let m2 = 0;
  h.counts.forEach((c, k) => {
    const d = min + k - mean;
    m2 += c * d * d;
  });
  return { kind: 'mean-summary', version: 1, n, mean, m2 };
}

/**
 * The signed difference a − b of two groups, or null with a warning when either is too small to
 * compare (n = 0, a mean of fewer than 2 values). @internal
 */
export function compareComparables(
  plan: MetricPlan,
  a: Comparable,
  b: Comparable,
  where: string,
  warnings: CxWarning[],
): Difference | null {
  try {
    const confidence = plan.confidence;
    if (a.kind === 'nps' && b.kind === 'nps') {
      const method = plan.estimateOptions.method === 'wald' ? 'wald' : 'adjusted-wald';
      const options: { method: 'wald' | 'adjusted-wald'; confidence: number; missing?: 'exclude' | 'as-passive' } = {
        method,
        confidence,
      };
      if (plan.estimateOptions.missing !== undefined) options.missing = plan.estimateOptions.missing as 'exclude';
      return compareNps(a.summary, b.summary, options);
    }
    if (a.kind === 'proportion' && b.kind === 'proportion') {
      const ga = a.weighted && a.estimate !== undefined ? a.estimate : { successes: a.successes, n: a.n };
      const gb = b.weighted && b.estimate !== undefined ? b.estimate : { successes: b.successes, n: b.n };
      return compareProportions(ga, gb, { confidence });
    }
    if (a.kind === 'mean' && b.kind === 'mean') {
      const ga = a.weighted && a.estimate !== undefined ? asMeanEstimate(a.estimate, confidence) : a.summary;
      const gb = b.weighted && b.estimate !== undefined ? asMeanEstimate(b.estimate, confidence) : b.summary;
      return compareMeans(ga, gb, { confidence });
    }
  } catch (error) {
    if (error instanceof CxMetricsError && (error.code === 'EMPTY_INPUT' || error.code === 'INSUFFICIENT_DATA')) {
      warnings.push(warning('SMALL_SAMPLE', `${where}: no comparison (${error.message})`));
      return null;
    }
    throw error;
  }
  return null;
}

function asMeanEstimate(e: { value: number; n: number; standardError?: number }, confidence: number): Estimate {
  return {
    value: e.value,
    n: e.n,
    standardError: e.standardError ?? Number.NaN,
    lower: e.value,
    upper: e.value,
    confidence,
    method: 't',
    warnings: [],
  };
}

/**
 * The test of a breakdown: is there any difference across the groups? The statistic, degrees of
 * freedom and p-value of the chi-square homogeneity test (proportions), the Wald test on the net
 * scores (NPS) or Welch's ANOVA (means, with `df2`).
 *
 * @example
 * const rows = [...Array(50).fill({ g: 'a', ok: true }), ...Array(50).fill({ g: 'b', ok: false }), { g: 'b', ok: true }]
 * const t = breakdown(rows, { by: 'g', metric: 'proportion', accessor: 'ok' }).test
 * [t.kind, t.method, t.df] // => ['homogeneity-test', 'chi-square', 1]
 */
export interface GroupTest {
  kind: 'homogeneity-test';
  method: string;
  statistic: number;
  df: number;
  /** Welch's ANOVA only: the denominator degrees of freedom. */
  df2?: number;
  pValue: number;
  warnings: CxWarning[];
}

/**
 * "Any difference across the groups?": the chi-square homogeneity test for proportions, the Wald
 * test on the net scores for NPS, Welch's ANOVA for means; null with a warning when it cannot be
 * run (fewer than 2 groups with data, weighted answers, a metric without a test). @internal
 */
export function groupTest(groups: Comparable[], where: string, warnings: CxWarning[]): GroupTest | null {
  const first = groups[0];
  if (first === undefined || first.kind === 'none') {
    warnings.push(warning('NO_TEST', `${where}: this metric has no test of difference across groups`));
    return null;
  }
  try {
    if (first.kind === 'nps') {
      const used = groups.filter(
        (g) => g.kind === 'nps' && g.counts.promoters + g.counts.passives + g.counts.detractors > 0,
      );
      if (used.length < 2) return tooFew(where, warnings);
      if (used.some((g) => g.kind === 'nps' && g.summary.weights !== undefined)) return weightedNoTest(where, warnings);
      const t = npsHomogeneityTest(used.map((g) => (g as Extract<Comparable, { kind: 'nps' }>).counts));
      return {
        kind: 'homogeneity-test',
        method: t.method,
        statistic: t.statistic,
        df: t.df,
        pValue: t.pValue,
        warnings: t.warnings,
      };
    }
    if (first.kind === 'proportion') {
      const used = groups.filter(
        (g): g is Extract<Comparable, { kind: 'proportion' }> => g.kind === 'proportion' && g.n > 0,
      );
      if (used.length < 2) return tooFew(where, warnings);
      if (used.some((g) => g.weighted)) return weightedNoTest(where, warnings);
      const t = proportionHomogeneityTest(used.map((g) => ({ successes: g.successes, n: g.n })));
      return {
        kind: 'homogeneity-test',
        method: t.method,
        statistic: t.statistic,
        df: t.df,
        pValue: t.pValue,
        warnings: t.warnings,
      };
    }
    const used = groups.filter((g): g is Extract<Comparable, { kind: 'mean' }> => g.kind === 'mean' && g.summary.n > 0);
    if (used.length < 2) return tooFew(where, warnings);
    if (used.some((g) => g.weighted)) return weightedNoTest(where, warnings);
    const t = meanHomogeneityTest(used.map((g) => ({ n: g.summary.n, mean: g.summary.mean, m2: g.summary.m2 })));
    return {
      kind: 'homogeneity-test',
      method: t.method,
      statistic: t.statistic,
      df: t.df1,
      df2: t.df2,
      pValue: t.pValue,
      warnings: t.warnings,
    };
  } catch (error) {
    if (error instanceof CxMetricsError && (error.code === 'INSUFFICIENT_DATA' || error.code === 'EMPTY_INPUT')) {
      warnings.push(warning('NO_TEST', `${where}: no test across groups (${error.message})`));
      return null;
    }
    throw error;
  }
}

function tooFew(where: string, warnings: CxWarning[]): null {
  warnings.push(warning('NO_TEST', `${where}: fewer than 2 groups with answers; nothing to test`));
  return null;
}

function weightedNoTest(where: string, warnings: CxWarning[]): null {
  warnings.push(
    warning('NO_TEST', `${where}: the test across groups needs unweighted counts; weighted answers have none`),
  );
  return null;
}

/**
 * The trend test of a `trend`: a steady rise or fall across the periods? Cochran–Armitage for
 * proportions, the inverse-variance weighted regression on the period estimates for NPS and means;
 * `slope` is the change per period.
 *
 * @example
 * const t: SeriesTrendTest = { kind: 'trend-test', method: 'cochran-armitage', statistic: 4.1, pValue: 0.043, slope: -0.02, warnings: [] }
 * t.slope < 0 // => true
 */
export interface SeriesTrendTest {
  kind: 'trend-test';
  method: string;
  statistic: number;
  pValue: number;
  /** Change per period, in the metric's units (NPS points, share, scale units). */
  slope: number;
  warnings: CxWarning[];
}

/** The series' trend test from either test's result: the fields a trend reports. */
function trendTestOf(t: Omit<SeriesTrendTest, 'kind'>): SeriesTrendTest {
  return {
    kind: 'trend-test',
    method: t.method,
    statistic: t.statistic,
    pValue: t.pValue,
    slope: t.slope,
    warnings: t.warnings,
  };
}

/**
 * "A steady rise or fall?": Cochran–Armitage for proportions, the weighted regression on the
 * period estimates for NPS and means, with the period numbers as scores (empty periods left out,
 * spacing kept). Null with a warning when it cannot be run. @internal
 */
export function seriesTrendTest(
  points: { comparable: Comparable; estimate: unknown; score: number }[],
  where: string,
  warnings: CxWarning[],
): SeriesTrendTest | null {
  const first = points[0]?.comparable;
  if (first === undefined || first.kind === 'none') {
    warnings.push(warning('NO_TEST', `${where}: this metric has no trend test`));
    return null;
  }
  try {
    if (
      first.kind === 'proportion' &&
      !points.some((p) => p.comparable.kind === 'proportion' && p.comparable.weighted)
    ) {
      const used = points.filter((p) => p.comparable.kind === 'proportion' && p.comparable.n > 0);
      if (used.length < 2) return tooFewPeriods(where, warnings, 2);
      const t = proportionTrendTest(
        used.map((p) => {
          const c = p.comparable as Extract<Comparable, { kind: 'proportion' }>;
          return { successes: c.successes, n: c.n };
        }),
        { scores: used.map((p) => p.score) },
      );
      return trendTestOf(t);
    }
    const used = points.filter((p) => {
      const e = p.estimate as { value?: unknown; standardError?: unknown } | null;
      return e !== null && typeof e.value === 'number' && typeof e.standardError === 'number' && e.standardError > 0;
    });
    if (used.length < 3) return tooFewPeriods(where, warnings, 3);
    const t = estimateTrendTest(
      used.map((p) => p.estimate as { value: number; standardError: number }),
      { scores: used.map((p) => p.score) },
    );
    return trendTestOf(t);
  } catch (error) {
    if (error instanceof CxMetricsError && (error.code === 'INSUFFICIENT_DATA' || error.code === 'EMPTY_INPUT')) {
      warnings.push(warning('NO_TEST', `${where}: no trend test (${error.message})`));
      return null;
    }
    throw error;
  }
}

function tooFewPeriods(where: string, warnings: CxWarning[], k: number): null {
  warnings.push(warning('NO_TEST', `${where}: fewer than ${k} periods with an estimate; no trend test`));
  return null;
}

/** 'higher' / 'lower' when the adjusted p-value is below the level, else 'none'. @internal */
export function flagOf(
  difference: Difference | null,
  adjusted: number | null,
  level: number,
): 'higher' | 'lower' | 'none' {
  if (difference === null || adjusted === null || !(adjusted < level)) return 'none';
  return difference.difference > 0 ? 'higher' : difference.difference < 0 ? 'lower' : 'none';
}
