import { adjustPValues, type PAdjustMethod } from '../analysis/adjustPValues.ts';
import type { ProportionHomogeneityTest } from '../analysis/proportionHomogeneityTest.ts';
import type { ProportionsDifference } from '../compare/compareProportions.ts';
import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import { type FunnelOptions, type FunnelResult, type FunnelStep, funnel } from './funnel.ts';
import type { GroupBy, JourneyEvent } from './records.ts';
import { compareSegments, type SegmentVersusRest, segmentSettings } from './segments.ts';

/**
 * Options of `funnelBy`: those of `funnel` with `by` required, and how the many comparisons are
 * adjusted.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01', device: 'mobile' }, { customerId: 2, stage: 'visit', at: '2026-06-01', device: 'desktop' }]
 * funnelBy(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', by: 'device', adjust: 'bh' }).keys // => ['desktop', 'mobile']
 */
export interface FunnelByOptions extends Omit<FunnelOptions, 'by'> {
  /** The segment of each customer (read on the event at which they entered): an event field or a function. Required. */
  by: GroupBy<JourneyEvent>;
  /** p-value adjustment across the segments of each step (any `adjustPValues` method); `'holm'` by default. */
  adjust?: PAdjustMethod;
  /** A segment is flagged when its adjusted p-value is below this; 0.05 by default. */
  level?: number;
}

/**
 * One segment at one step: its counts, its conversion, and the conversion against all other
 * segments (signed: this segment minus the rest).
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01', device: 'mobile' }, { customerId: 1, stage: 'cart', at: '2026-06-01', device: 'mobile' }, { customerId: 2, stage: 'visit', at: '2026-06-01', device: 'desktop' }]
 * const s = funnelBy(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', by: 'device' }).steps[0].segments[1]
 * [s.key, s.reached, s.converted, s.vsRest.difference] // => ['mobile', 1, 1, 1]
 */
export interface FunnelSegmentStep extends SegmentVersusRest {
  key: string;
  reached: number;
  converted: number;
  dropped: number;
  pending: number;
  /** converted / (converted + dropped) with its interval; null when every customer is pending. */
  conversion: Estimate | null;
  /** The segment's conversion minus the other segments' pooled conversion (compareProportions); null when either side has no decided customer. */
  vsRest: ProportionsDifference | null;
}

/**
 * One step of a funnel by segment: every segment against the rest, and the test of any difference
 * across the segments.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01', device: 'mobile' }, { customerId: 2, stage: 'visit', at: '2026-06-01', device: 'desktop' }]
 * const step = funnelBy(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', by: 'device' }).steps[0]
 * [step.from, step.to, step.segments.length] // => ['visit', 'cart', 2]
 */
export interface FunnelStepBySegment {
  from: string;
  to: string;
  segments: FunnelSegmentStep[];
  /** Pearson's chi-square test of equal conversion across the segments (R's prop.test); null when fewer than 2 segments have decided customers. */
  test: ProportionHomogeneityTest | null;
  warnings: CxWarning[];
}

/**
 * Where one segment loses the most customers against the others: a step whose conversion is
 * lower than the rest's after the adjustment across every step and segment.
 *
 * @example
 * const m: MomentOfAbandonment = { key: 'mobile', from: 'cart', to: 'checkout', difference: -0.24, adjustedPValue: 0.001 }
 * m.difference < 0 // => true
 */
export interface MomentOfAbandonment {
  key: string;
  from: string;
  to: string;
  /** The segment's conversion minus the rest's at that step (negative). */
  difference: number;
  /** Adjusted across every step × segment comparison of the funnel. */
  adjustedPValue: number;
}

/**
 * Result of `funnelBy`.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01', device: 'mobile' }]
 * const r = funnelBy(events, { stages: ['visit', 'cart'], asOf: '2026-07-01', by: 'device' })
 * [r.kind, r.by, r.funnel.kind, r.momentOfAbandonment] // => ['funnel-by', 'device', 'funnel', null]
 */
export interface FunnelByResult {
  kind: 'funnel-by';
  /** The `by` field, or 'function'. */
  by: string;
  /** The segments, sorted by key (as `funnel`'s groups). */
  keys: string[];
  /** The funnel itself, overall and per segment (`groups`). */
  funnel: FunnelResult;
  steps: FunnelStepBySegment[];
  endToEnd: FunnelStepBySegment;
  /** The step and segment with the largest flagged shortfall against the rest, or null. */
  momentOfAbandonment: MomentOfAbandonment | null;
  adjust: PAdjustMethod;
  level: number;
  warnings: CxWarning[];
}

const KEYS = ['stages', 'asOf', 'within', 'order', 'by', 'method', 'confidence', 'adjust', 'level'] as const;

/**
 * A funnel by segment (device, channel, campaign): each step's conversion in each segment
 * against all the other segments, with the many comparisons adjusted — "where do mobile
 * customers drop out?".
 *
 * `funnel` counts the customers (its rules: `order`, `within`, pending customers neither
 * converted nor dropped); a customer's segment is read on the event at which they entered.
 * For each step, and end to end, each segment's conversion converted / (converted + dropped) is
 * compared with the pooled conversion of the other segments (customers with no segment are in
 * neither) by `compareProportions` — Newcombe's (1998) hybrid score interval and the pooled
 * z-test — and the p-values are adjusted across the segments of that step (Holm 1979 by
 * default; each step is its own family, as a breakdown per step would be). `test` is Pearson's
 * chi-square test of equal conversion across the segments. The moment of abandonment is the
 * step and segment whose conversion falls furthest below the rest among the comparisons still
 * below `level` after adjusting every step × segment comparison together (end to end left out,
 * as it is made of the steps); null when none is.
 *
 * @param events - journey events `{ customerId, stage, at, … }` (see `funnel`)
 * @param options - `funnel`'s options with `by` required, plus `adjust` and `level`
 * @returns FunnelByResult (`kind: 'funnel-by'`): `steps` and `endToEnd` with a comparison per
 *   segment, `momentOfAbandonment`, the `funnel`, warnings
 * @throws CxMetricsError as `funnel`; INVALID_OPTION for a missing `by`, a bad `adjust` or `level`
 * @example
 * const events = []
 * for (let i = 0; i < 100; i++) {
 *   const device = i < 50 ? 'desktop' : 'mobile'
 *   events.push({ customerId: i, stage: 'cart', at: '2026-06-01', device })
 *   if (device === 'desktop' ? i < 40 : i < 70) events.push({ customerId: i, stage: 'checkout', at: '2026-06-01', device })
 * }
 * const r = funnelBy(events, { stages: ['cart', 'checkout'], asOf: '2026-07-01', by: 'device' })
 * r.steps[0].segments.map((s) => [s.key, s.conversion.value, s.flag]) // => [['desktop', 0.8, 'higher'], ['mobile', 0.4, 'lower']]
 * r.momentOfAbandonment.key // => 'mobile'
 */
export function funnelBy(events: readonly JourneyEvent[], options: FunnelByOptions): FunnelByResult {
  const fn = 'funnelBy';
  if (options === undefined)
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { stages, asOf, by } are required`);
  const o = checkOptions(fn, options, KEYS);
  if (o.by === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: by is required: an event field (e.g. 'device') or a function (event, index) => segment`,
    );
  }
  const settings = segmentSettings(fn, o);
  const { adjust: _a, level: _l, ...funnelOptions } = o;
  let f: FunnelResult;
  try {
    f = funnel(events, funnelOptions as FunnelOptions);
  } catch (error) {
    if (error instanceof CxMetricsError && error.message.startsWith('funnel:')) {
      const init: { index?: number; value?: unknown } = { value: error.value };
      if (error.index !== undefined) init.index = error.index;
      throw new CxMetricsError(error.code, `${fn}${error.message.slice('funnel'.length)}`, init);
    }
    throw error;
  }
  const groups = f.groups ?? [];
  const keys = groups.map((g) => g.key);
  const stepAt = (k: number, g: { steps: FunnelStep[]; endToEnd: FunnelStep }) =>
    k < 0 ? g.endToEnd : (g.steps[k] as FunnelStep);
  const bySegment = (k: number): FunnelStepBySegment => {
    const overallStep = stepAt(k, f);
    const where = `${fn}: ${overallStep.from} → ${overallStep.to}`;
    const { comparisons, test, warnings } = compareSegments(
      where,
      'decided customers',
      groups.map((g) => {
        const s = stepAt(k, g);
        return { key: g.key, successes: s.converted, n: s.converted + s.dropped };
      }),
      settings,
    );
    return {
      from: overallStep.from,
      to: overallStep.to,
      segments: groups.map((g, j) => {
        const s = stepAt(k, g);
        return {
          key: g.key,
          reached: s.reached,
          converted: s.converted,
          dropped: s.dropped,
          pending: s.pending,
          conversion: s.conversion,
          ...(comparisons[j] as SegmentVersusRest),
        } as FunnelSegmentStep;
      }),
      test,
      warnings,
    };
  };
  const steps = f.steps.map((_, k) => bySegment(k));
  const endToEnd = bySegment(-1);

  // The moment of abandonment: all step × segment comparisons adjusted together.
  const cells = steps.flatMap((step) => step.segments.map((s) => ({ step, s }))).filter((c) => c.s.pValue !== null);
  let moment: MomentOfAbandonment | null = null;
  if (cells.length > 0) {
    const adjusted = adjustPValues(
      cells.map((c) => c.s.pValue as number),
      { method: settings.adjust },
    );
    cells.forEach((c, j) => {
      const p = adjusted[j] as number;
      const d = (c.s.vsRest as ProportionsDifference).difference;
      if (!(p < settings.level) || !(d < 0)) return;
      if (moment === null || d < (moment as MomentOfAbandonment).difference) {
        moment = { key: c.s.key, from: c.step.from, to: c.step.to, difference: d, adjustedPValue: p };
      }
    });
  }
  const warnings: CxWarning[] = [...f.warnings];
  if (keys.length < 2) {
    warnings.push(
      warning(
        'NO_TEST',
        `${fn}: ${keys.length} segment(s); at least two are needed to compare a segment with the rest`,
      ),
    );
  }
  const result: FunnelByResult = {
    kind: 'funnel-by',
    by: typeof o.by === 'string' ? o.by : 'function',
    keys,
    funnel: f,
    steps,
    endToEnd,
    momentOfAbandonment: moment,
    adjust: settings.adjust,
    level: settings.level,
    warnings,
  };
  return printable(result, funnelByText);
}

function pp(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${(100 * Math.abs(x)).toFixed(1)} pp`;
}

function funnelByText(r: FunnelByResult): string {
  const head = `Funnel by ${r.by} (${r.keys.length} segments, ${r.steps.length} steps)`;
  const m = r.momentOfAbandonment;
  if (m === null) return `${head}: no segment converts lower than the rest at any step after adjustment`;
  return `${head}: ${m.key} loses most at ${m.from} → ${m.to} (${pp(m.difference)} vs the rest, adjusted p = ${m.adjustedPValue.toPrecision(2)})`;
}
