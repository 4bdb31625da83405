import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { mismatch, summaryArray, summaryCount, summaryFields } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { FunnelSummary } from '../summary/types.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import type { FunnelFigures, FunnelResult, FunnelStep } from './funnel.ts';
import {
  countFunnel,
  type FunnelDefinition,
  ORDERS,
  readFunnelDefinition,
  regroupByCustomer,
  type Tally,
} from './funnelCount.ts';
import { funnelText } from './funnelText.ts';
import { checkRecords, iso, type JourneyEvent, round3 } from './records.ts';

// The funnel summary family: customers per stage and pending per step under one stage list and
// definition. `funnel(events, o)` without `by` is `estimate(summarize('funnel', events, o₁), o₂)`.
// A summary is made from whole customers; summaries of disjoint sets of customers merge by adding.

/** Options that shape a funnel summary. @internal */
export const FUNNEL_SUMMARY_KEYS = ['stages', 'asOf', 'within', 'order'] as const;
/** Options of the funnel estimate. @internal */
export const FUNNEL_ESTIMATE_KEYS = ['method', 'confidence'] as const;

/** The interval settings of a funnel's conversions. @internal */
export interface FunnelSettings {
  method: ProportionMethod;
  confidence: number;
}

/** Check method and confidence. @internal */
export function funnelSettings(fn: string, o: Record<string, unknown>): FunnelSettings {
  return {
    method: checkOneOf(fn, 'method', o.method ?? 'wilson', PROPORTION_METHODS),
    confidence: checkConfidence(fn, o.confidence ?? 0.95),
  };
}

/** The summary of one tally under a definition. @internal */
export function funnelSummaryOf(
  def: FunnelDefinition,
  tally: Tally,
  notEntered: number,
  afterAsOf: number,
): FunnelSummary {
  const K = def.stages.length;
  const reached = new Array<number>(K).fill(0);
  reached[K - 1] = tally.completed;
  for (let k = K - 2; k >= 0; k--) {
    reached[k] = (reached[k + 1] as number) + (tally.open[k] as number) + (tally.closed[k] as number);
  }
  return {
    kind: 'funnel-summary',
    version: 1,
    stages: [...def.stages],
    order: def.order,
    withinMs: def.within ?? null,
    asOf: iso(def.asOf),
    reached,
    pending: tally.open.slice(0, K - 1),
    skippedStage: tally.skipped,
    notEntered,
    afterAsOf,
  };
}

function summarizeFunnel(fn: string, input: unknown, o: Record<string, unknown>): FunnelSummary {
  const def = readFunnelDefinition(fn, o);
  // No events is a summary of no customers (an empty period of a trend), not an error.
  const list = Array.isArray(input) && input.length === 0 ? [] : checkRecords<JourneyEvent>(fn, input, 'event');
  const counted = countFunnel(fn, list, def);
  return funnelSummaryOf(def, counted.overall, counted.notEntered, counted.afterAsOf);
}

/** Check a funnel summary from outside and copy it. @internal */
export function checkFunnelSummary(fn: string, s: unknown): FunnelSummary {
  const o = summaryFields(fn, s, 'funnel-summary', [
    'kind',
    'version',
    'stages',
    'order',
    'withinMs',
    'asOf',
    'reached',
    'pending',
    'skippedStage',
    'notEntered',
    'afterAsOf',
  ]);
  const stages = summaryArray(fn, 'stages', o.stages, undefined, (f, name, x) => {
    if (typeof x !== 'string' || x.trim() === '') {
      throw new CxMetricsError('INVALID_VALUE', `${f}: ${name} is ${describe(x)}; expected a stage name`, {
        value: x,
      });
    }
    return x;
  });
  if (stages.length < 2 || new Set(stages).size !== stages.length) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: stages is ${describe(o.stages)}; expected at least two distinct stage names`,
      { value: o.stages },
    );
  }
  const order = o.order;
  if (!ORDERS.includes(order as never)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: order is ${describe(order)}; expected 'strict' or 'any'`, {
      value: order,
    });
  }
  const withinMs = o.withinMs;
  if (withinMs !== null && !(typeof withinMs === 'number' && Number.isFinite(withinMs) && withinMs > 0)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: withinMs is ${describe(withinMs)}; expected a window in ms > 0, or null for none`,
      { value: withinMs },
    );
  }
  const asOf = typeof o.asOf === 'string' ? Date.parse(o.asOf) : Number.NaN;
  if (!Number.isFinite(asOf)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: asOf is ${describe(o.asOf)}; expected an ISO-8601 instant`, {
      value: o.asOf,
    });
  }
  const K = stages.length;
  const reached = summaryArray(fn, 'reached', o.reached, K, summaryCount);
  const pending = summaryArray(fn, 'pending', o.pending, K - 1, summaryCount);
  for (let k = 0; k < K - 1; k++) {
    const left = (reached[k] as number) - (reached[k + 1] as number);
    if (left < 0 || (pending[k] as number) > left) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: reached[${k}] (${reached[k]}) must be at least reached[${k + 1}] (${reached[k + 1]}) + pending[${k}] (${pending[k]})`,
        { value: reached[k] },
      );
    }
    if (withinMs === null && (pending[k] as number) > 0) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: pending[${k}] is ${pending[k]} but there is no window`, {
        value: pending[k],
      });
    }
  }
  return {
    kind: 'funnel-summary',
    version: 1,
    stages,
    order: order as FunnelSummary['order'],
    withinMs: withinMs as number | null,
    asOf: iso(asOf),
    reached,
    pending,
    skippedStage: summaryCount(fn, 'skippedStage', o.skippedStage),
    notEntered: summaryCount(fn, 'notEntered', o.notEntered),
    afterAsOf: summaryCount(fn, 'afterAsOf', o.afterAsOf),
  };
}

function mergeFunnel(fn: string, a: FunnelSummary, b: FunnelSummary): FunnelSummary {
  if (a.stages.length !== b.stages.length || a.stages.some((s, k) => s !== b.stages[k])) {
    throw mismatch(fn, 'stages', a.stages, b.stages);
  }
  if (a.order !== b.order) throw mismatch(fn, 'stage orders', a.order, b.order);
  if (a.withinMs !== b.withinMs) throw mismatch(fn, 'windows (withinMs)', a.withinMs, b.withinMs);
  if (a.asOf !== b.asOf) throw mismatch(fn, 'asOf', a.asOf, b.asOf);
  return {
    ...a,
    stages: [...a.stages],
    reached: a.reached.map((x, k) => x + (b.reached[k] as number)),
    pending: a.pending.map((x, k) => x + (b.pending[k] as number)),
    skippedStage: a.skippedStage + b.skippedStage,
    notEntered: a.notEntered + b.notEntered,
    afterAsOf: a.afterAsOf + b.afterAsOf,
  };
}

/** The figures of one summary: reached per stage, the steps, end to end, and their warnings. @internal */
export function funnelFigures(fn: string, s: FunnelSummary, settings: FunnelSettings): FunnelFigures {
  const { stages, reached } = s;
  const { method, confidence } = settings;
  const K = stages.length;
  const step = (from: number, to: number, dropped: number, pending: number): FunnelStep => {
    const converted = reached[to] as number;
    const n = converted + dropped;
    return {
      from: stages[from] as string,
      to: stages[to] as string,
      reached: reached[from] as number,
      converted,
      dropped,
      pending,
      conversion: n === 0 ? null : printable(proportionIntervalUnchecked(fn, converted, n, method, confidence)),
      dropOff: n === 0 ? null : dropped / n,
    };
  };
  const steps: FunnelStep[] = [];
  let pending = 0;
  let droppedAll = 0;
  for (let k = 0; k < K - 1; k++) {
    const p = s.pending[k] as number;
    const dropped = (reached[k] as number) - (reached[k + 1] as number) - p;
    steps.push(step(k, k + 1, dropped, p));
    pending += p;
    droppedAll += dropped;
  }
  const endToEnd = step(0, K - 1, droppedAll, pending);
  const warnings: CxWarning[] = [];
  const customers = reached[0] as number;
  const completed = reached[K - 1] as number;
  if (pending > 0) {
    warnings.push(
      warning(
        'PENDING',
        `${fn}: ${pending} customer(s) are still inside their window at asOf (${s.asOf}) without having reached '${stages[K - 1]}': pending, neither converted nor dropped, left out of the conversions' n; ` +
          `once their windows close, the end-to-end conversion will lie between ${round3(completed / customers)} and ${round3((completed + pending) / customers)}`,
      ),
    );
  }
  if (s.skippedStage > 0) {
    warnings.push(
      warning(
        'SKIPPED_STAGE',
        `${fn}: ${s.skippedStage} customer(s) have an event at a stage beyond the last one they reached in order (a stage skipped, or reached out of order); with order 'strict' such events do not count`,
      ),
    );
  }
  if (s.withinMs === null && customers > completed) {
    warnings.push(
      warning(
        'NO_WINDOW',
        `${fn}: no within window: a customer who had not reached the next stage by asOf counts as dropped however recently they arrived; pass within (e.g. { days: 30 }) to count those still inside it as pending`,
      ),
    );
  }
  return {
    customers,
    stages: stages.map((stage, k) => ({ stage, reached: reached[k] as number })),
    steps,
    endToEnd,
    skippedStage: s.skippedStage,
    warnings,
  };
}

/** The funnel's result from its summary (no groups). @internal */
export function estimateFunnelSummary(fn: string, s: FunnelSummary, settings: FunnelSettings): FunnelResult {
  if ((s.reached[0] as number) === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: no customer entered the funnel (reached[0] is 0${s.notEntered > 0 ? `; ${s.notEntered} customer(s) have events but none at the first stage '${s.stages[0]}'` : ''}); expected at least one`,
    );
  }
  const figures = funnelFigures(fn, s, settings);
  const notes: CxWarning[] = [];
  if (s.notEntered > 0) {
    notes.push(
      warning(
        'EXCLUDED',
        `${fn}: ${s.notEntered} customer(s) have events but none at the first stage '${s.stages[0]}' by asOf: with order 'strict' they never entered the funnel and are left out (counted in notEntered); order: 'any' counts a later stage as implying the earlier ones`,
      ),
    );
  }
  if (s.afterAsOf > 0) {
    notes.push(
      warning(
        'AFTER_AS_OF',
        `${fn}: ${s.afterAsOf} event(s) after asOf (${s.asOf}) are left out: they had not happened when the data was taken`,
      ),
    );
  }
  const result: FunnelResult = {
    kind: 'funnel',
    ...figures,
    warnings: [...figures.warnings, ...notes],
    order: s.order,
    asOf: s.asOf,
    withinMs: s.withinMs,
    notEntered: s.notEntered,
    afterAsOf: s.afterAsOf,
  };
  return printable(result, funnelText);
}

/** The funnel summary family. @internal */
export const FUNNEL_FAMILY: SummaryFamily<FunnelSummary, FunnelResult> = {
  metric: 'funnel',
  kind: 'funnel-summary',
  summarizeKeys: FUNNEL_SUMMARY_KEYS,
  estimateKeys: FUNNEL_ESTIMATE_KEYS,
  summarize: summarizeFunnel,
  merge: mergeFunnel,
  check: checkFunnelSummary,
  estimate: (fn, s, o) => estimateFunnelSummary(fn, s, funnelSettings(fn, o)),
  distinctKeys: ['order'],
  regroup: regroupByCustomer,
};
