import { CxMetricsError } from '../errors.ts';
import { formatResult } from '../format/formatResult.ts';
import { isNps, isObject } from '../format/kinds.ts';
import type { NpsResult } from '../metrics/nps.ts';
import {
  baseSpec,
  type ChartOptions,
  COLORS,
  chartOptions,
  type DataRow,
  describeValue,
  type VegaLiteSpec,
} from './spec.ts';

const CATEGORIES = ['detractors', 'passives', 'promoters'] as const;

/**
 * Options of `npsBreakdownChart`.
 *
 * @example
 * npsBreakdownChart(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }), { label: 'March' }).datasets.nps[0].group // => 'March'
 */
export interface NpsBreakdownChartOptions extends ChartOptions {
  /** Row label of a single result; `'all'` by default. */
  label?: string;
}

/** The groups to draw, validated: [label, result] in order. */
function groupsOf(fn: string, input: unknown, label: string): [string, NpsResult][] {
  const check = (x: unknown, what: string, index?: number): NpsResult => {
    const details = index === undefined ? { value: x } : { index, value: x };
    if (!isNps(x)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${what} is ${describeValue(x)}; expected an NpsResult (from nps or npsFromCounts)`,
        details,
      );
    }
    const r = x as unknown as NpsResult;
    const numbers = [r.value, r.lower, r.upper, r.shares.promoters, r.shares.passives, r.shares.detractors];
    if (!numbers.every(Number.isFinite) || r.lower > r.upper) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${what} has NPS ${r.value} [${r.lower}, ${r.upper}]; expected finite numbers with lower ≤ upper`,
        details,
      );
    }
    return r;
  };
  if (isNps(input)) return [[label, check(input, 'the result')]];
  if (!isObject(input) || Array.isArray(input)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an NpsResult or a record of NpsResults by group; got ${describeValue(input)}`,
      { value: input },
    );
  }
  const entries = Object.entries(input);
  if (entries.length === 0) {
    throw new CxMetricsError(
      'EMPTY_INPUT',
      `${fn}: the record of results by group is empty; expected at least one group`,
    );
  }
  return entries.map(([group, r], i) => [group, check(r, `group "${group}"`, i)]);
}

/**
 * A Vega-Lite v5 chart of NPS by group: for each group a stacked bar of the shares of detractors,
 * passives and promoters (0–100%), and beside it the NPS (points, −100…100) as a dot with its
 * interval as a line and a reference line at 0.
 *
 * NPS = 100 · (promoters − detractors share), so the right panel restates the bar on the left
 * with the sampling uncertainty added. Data is inlined as `datasets.shares` (one row per group
 * and category: `group`, `category`, `share`, `count`, `order`) and `datasets.nps` (one row per
 * group: `group`, `nps`, `lower`, `upper`, `n`, `method`, `confidence`). Groups keep the
 * record's order. The spec is plain JSON; render it with any Vega-Lite 5 renderer (Jupyter does).
 *
 * @param input - an NpsResult, or a record of NpsResults by group (e.g. by region or month)
 * @param options - `title`, `width` (of each panel), `height` (per group row), `label` (the row
 *   label of a single result, `'all'`)
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not an NpsResult (with the group's
 *   index) or has non-finite numbers; EMPTY_INPUT for an empty record; INVALID_OPTION for bad options
 * @example
 * const spec = npsBreakdownChart({ north: npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }), south: npsFromCounts({ promoters: 30, passives: 30, detractors: 40 }) })
 * spec.datasets.nps.map((row) => row.group) // => ['north', 'south']
 * spec.datasets.nps[1].nps // => -10 (to 1e-12)
 * spec.datasets.shares.length // => 6
 */
export function npsBreakdownChart(
  input: NpsResult | Readonly<Record<string, NpsResult>>,
  options: NpsBreakdownChartOptions = {},
): VegaLiteSpec {
  const fn = 'npsBreakdownChart';
  const opts = chartOptions(fn, options, ['label']);
  if (opts.label !== undefined && typeof opts.label !== 'string') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: label must be a string; got ${describeValue(opts.label)}`);
  }
  const groups = groupsOf(fn, input, opts.label ?? 'all');
  const shares: DataRow[] = groups.flatMap(([group, r]) =>
    CATEGORIES.map((category, order) => ({
      group,
      category,
      share: r.shares[category],
      count: r[category],
      order,
    })),
  );
  const nps: DataRow[] = groups.map(([group, r]) => ({
    group,
    nps: r.value,
    lower: r.lower,
    upper: r.upper,
    n: r.n,
    method: r.method,
    confidence: r.confidence,
  }));
  const width = opts.width ?? 260;
  const step = opts.height ?? 28;
  const order = groups.map(([group]) => group);
  const y = { field: 'group', type: 'nominal', sort: order, title: null };
  const subtitle = groups.length === 1 ? formatResult((groups[0] as [string, NpsResult])[1]) : undefined;
  return {
    ...baseSpec(
      'NPS breakdown: shares of detractors, passives and promoters, and NPS with its interval',
      opts.title ?? 'Net Promoter Score',
      { shares, nps },
      subtitle,
    ),
    hconcat: [
      {
        name: 'breakdown',
        data: { name: 'shares' },
        width,
        height: { step },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: {
            field: 'share',
            type: 'quantitative',
            stack: 'zero',
            scale: { domain: [0, 1] },
            axis: { format: '.0%' },
            title: 'share of answers',
          },
          color: {
            field: 'category',
            type: 'nominal',
            scale: { domain: [...CATEGORIES], range: [COLORS.detractors, COLORS.passives, COLORS.promoters] },
            legend: { orient: 'bottom', title: null },
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'group', type: 'nominal' },
            { field: 'category', type: 'nominal' },
            { field: 'share', type: 'quantitative', format: '.1%' },
            { field: 'count', type: 'quantitative' },
          ],
        },
      },
      {
        width: Math.round(width * 0.8),
        height: { step },
        layer: [
          {
            name: 'zero',
            data: { values: [{}] },
            mark: { type: 'rule', color: COLORS.reference, strokeDash: [3, 3] },
            encoding: { x: { datum: 0, type: 'quantitative' } },
          },
          {
            name: 'interval',
            data: { name: 'nps' },
            mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
            encoding: {
              y,
              x: { field: 'lower', type: 'quantitative', scale: { domain: [-100, 100] }, title: 'NPS (points)' },
              x2: { field: 'upper' },
            },
          },
          {
            name: 'score',
            data: { name: 'nps' },
            mark: { type: 'point', filled: true, size: 70, color: COLORS.point },
            encoding: {
              y,
              x: { field: 'nps', type: 'quantitative' },
              tooltip: [
                { field: 'group', type: 'nominal' },
                { field: 'nps', type: 'quantitative', format: '.1f', title: 'NPS' },
                { field: 'lower', type: 'quantitative', format: '.1f' },
                { field: 'upper', type: 'quantitative', format: '.1f' },
                { field: 'n', type: 'quantitative' },
                { field: 'method', type: 'nominal' },
              ],
            },
          },
          {
            name: 'label',
            data: { name: 'nps' },
            mark: { type: 'text', dy: -11, fontSize: 11 },
            encoding: {
              y,
              x: { field: 'nps', type: 'quantitative' },
              text: { field: 'nps', type: 'quantitative', format: '.1f' },
            },
          },
        ],
      },
    ],
  };
}
