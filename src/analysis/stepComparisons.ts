import type { FunnelSummary, Summary } from '../summary/types.ts';
import type { CxWarning, Difference } from '../types.ts';
import { adjustPValues } from './adjustPValues.ts';
import {
  type Comparable,
  compareComparables,
  flagOf,
  type GroupTest,
  groupTest,
  type MetricPlan,
} from './metricPlan.ts';

// The per-step comparisons of a funnel breakdown: for each step of the funnel, each group's
// conversion converted / (converted + dropped) against the pooled other groups', the p-values
// adjusted across the groups of that step (each step its own family of tests, as a breakdown per
// step would be), and the chi-square test of equal conversion at that step.

/**
 * One step of one group of a funnel breakdown: the group's conversion at the step against all
 * other groups' (signed: this group minus the rest).
 *
 * @example
 * const events = []
 * for (let i = 0; i < 80; i++) {
 *   const device = i < 40 ? 'desktop' : 'mobile'
 *   events.push({ customerId: i, stage: 'cart', at: '2026-06-01', device })
 *   if (device === 'desktop' ? i < 32 : i < 56) events.push({ customerId: i, stage: 'checkout', at: '2026-06-01', device })
 * }
 * const b = breakdown(events, { by: 'device', metric: 'funnel', stages: ['cart', 'checkout'], asOf: '2026-07-01' })
 * const s = b.groups[1].steps[0]
 * [s.from, s.to, s.flag] // => ['cart', 'checkout', 'lower']
 * s.vsRest.difference // => -0.4 (to 1e-12)
 */
export interface BreakdownStep {
  from: string;
  to: string;
  /** The group's conversion at this step minus the other groups' pooled conversion; null when either side has no decided customer. */
  vsRest: Difference | null;
  pValue: number | null;
  /** Adjusted across the groups at this step. */
  adjustedPValue: number | null;
  flag: 'higher' | 'lower' | 'none';
}

/**
 * The test of equal conversion across the groups at one step of a funnel breakdown (Pearson's
 * chi-square homogeneity test, as `breakdown`'s `test` is for the end-to-end conversion).
 *
 * @example
 * const events = [{ customerId: 1, stage: 'cart', at: '2026-06-01', device: 'mobile' }, { customerId: 2, stage: 'cart', at: '2026-06-01', device: 'desktop' }]
 * const b = breakdown(events, { by: 'device', metric: 'funnel', stages: ['cart', 'checkout'], asOf: '2026-07-01' })
 * [b.steps[0].from, b.steps[0].to, b.steps[0].test.df] // => ['cart', 'checkout', 1]
 */
export interface BreakdownStepTest {
  from: string;
  to: string;
  test: GroupTest | null;
}

/** Per-step comparisons of a funnel breakdown; undefined for any other metric. @internal */
export function stepComparisons(
  fn: string,
  plan: MetricPlan,
  summaries: readonly Summary[],
  labels: readonly string[],
  warnings: CxWarning[],
): { groups: BreakdownStep[][]; tests: BreakdownStepTest[] } | undefined {
  const first = summaries[0];
  if (first === undefined || first.kind !== 'funnel-summary') return undefined;
  const funnels = summaries as readonly FunnelSummary[];
  const k = funnels.length;
  const groups: BreakdownStep[][] = funnels.map(() => []);
  const tests: BreakdownStepTest[] = [];
  for (let step = 0; step < first.stages.length - 1; step++) {
    const from = first.stages[step] as string;
    const to = first.stages[step + 1] as string;
    const counts = funnels.map((s) => {
      const converted = s.reached[step + 1] as number;
      const dropped = (s.reached[step] as number) - converted - (s.pending[step] as number);
      return { successes: converted, n: converted + dropped };
    });
    const total = counts.reduce((a, c) => ({ successes: a.successes + c.successes, n: a.n + c.n }), {
      successes: 0,
      n: 0,
    });
    const comparables: Comparable[] = counts.map((c) => ({ kind: 'proportion', ...c, weighted: false }));
    const row: BreakdownStep[] = counts.map((c, i) => {
      let vsRest: Difference | null = null;
      const rest = { successes: total.successes - c.successes, n: total.n - c.n };
      if (k > 1 && c.n > 0 && rest.n > 0) {
        vsRest = compareComparables(
          plan,
          comparables[i] as Comparable,
          { kind: 'proportion', ...rest, weighted: false },
          `${fn}: group ${labels[i]}, ${from} → ${to}`,
          [],
        );
      }
      return { from, to, vsRest, pValue: vsRest === null ? null : vsRest.pValue, adjustedPValue: null, flag: 'none' };
    });
    const withP = row.filter((r) => r.pValue !== null);
    if (withP.length > 0) {
      const adjusted = adjustPValues(
        withP.map((r) => r.pValue as number),
        { method: plan.adjust },
      );
      withP.forEach((r, j) => {
        r.adjustedPValue = adjusted[j] as number;
        r.flag = flagOf(r.vsRest, r.adjustedPValue, plan.level);
      });
    }
    row.forEach((r, i) => {
      (groups[i] as BreakdownStep[]).push(r);
    });
    tests.push({ from, to, test: k > 1 ? groupTest(comparables, `${fn}: ${from} → ${to}`, warnings) : null });
  }
  return { groups, tests };
}
