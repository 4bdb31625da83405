import { CxMetricsError } from '../errors.ts';
import { isBreakdown, isTrend, shownEstimate } from '../format/analysisText.ts';
import { isEstimate, isObject, type Loose } from '../format/kinds.ts';
import {
  axisFormat,
  baseSpec,
  type ChartOptions,
  COLORS,
  chartOptions,
  type DataRow,
  describeValue,
  finiteOrNull,
  type JsonValue,
  type MetricFormat,
  type VegaLiteSpec,
} from './spec.ts';

const SHARE_METRICS = ['csat', 'proportion', 'fcr', 'sla', 'churn'];
const formatOf = (metric: unknown): MetricFormat =>
  SHARE_METRICS.includes(String(metric)) ? 'share' : metric === 'nps' ? 'points' : 'number';
const FLAG_COLORS = {
  domain: ['higher', 'lower', 'none'],
  range: [COLORS.promoters, COLORS.detractors, COLORS.interval],
};

/**
 * A Vega-Lite v5 segment chart of a `breakdown`: each group's estimate and interval on one row,
 * coloured by its flag (higher / lower than the rest after the adjustment, or no evidence), and
 * the overall value as a dashed rule.
 *
 * Rows keep the breakdown's order (journey stages in journey order). Data is inlined as
 * `datasets.groups` (`group`, `value`, `lower`, `upper`, `n`, `flag`, `adjustedPValue`) and
 * `datasets.overall` (`value`); groups without an estimate are left out of the chart (they stay in
 * the table). The adjustment (Holm by default) follows Holm (1979), as `adjustPValues`.
 *
 * @param result - a breakdown result
 * @param options - `title`, `width`, `height` (per row)
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not a breakdown result; INVALID_OPTION
 *   for bad options
 * @example
 * const rows = [...Array(40).fill({ ch: 'a', q: 10 }), ...Array(40).fill({ ch: 'b', q: 2 })]
 * const spec = segmentChart(breakdown(rows, { by: 'ch', metric: 'nps', accessor: 'q' }))
 * spec.datasets.groups.map((g) => [g.group, g.flag]) // => [['a', 'higher'], ['b', 'lower']]
 */
export function segmentChart(result: unknown, options: ChartOptions = {}): VegaLiteSpec {
  const fn = 'segmentChart';
  const opts = chartOptions(fn, options, []);
  if (!isBreakdown(result)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected a breakdown result, got ${describeValue(result)}`);
  }
  const r = result as Loose;
  const format = formatOf(r.metric);
  const groups: DataRow[] = [];
  for (const g of r.groups as unknown[]) {
    const e = isObject(g) ? shownEstimate(g.estimate) : undefined;
    if (!isObject(g) || !isEstimate(e)) continue;
    groups.push({
      group: String(g.label ?? g.key),
      value: finiteOrNull(e.value),
      lower: finiteOrNull(e.lower),
      upper: finiteOrNull(e.upper),
      n: e.n,
      flag: typeof g.flag === 'string' ? g.flag : 'none',
      adjustedPValue: typeof g.adjustedPValue === 'number' ? g.adjustedPValue : null,
    });
  }
  const whole = shownEstimate(r.overall);
  const overall: DataRow[] = isEstimate(whole) ? [{ value: finiteOrNull(whole.value) }] : [];
  const by = Array.isArray(r.by) ? r.by.join(' × ') : 'group';
  const metric = r.metric === 'nps' ? 'NPS' : String(r.metric);
  const x = { type: 'quantitative', title: metric, axis: { format: axisFormat(format) } };
  const y = { field: 'group', type: 'nominal', sort: null, title: by };
  return {
    ...baseSpec(
      `${metric} by ${by}: estimates with intervals, flagged against the rest`,
      opts.title ?? `${metric} by ${by}`,
      { groups, overall },
      `${String(r.adjust)}-adjusted at ${String(r.level)}; dashed: overall`,
    ),
    width: opts.width ?? 360,
    height: { step: opts.height ?? 24 },
    layer: [
      {
        data: { name: 'groups' },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          x: { field: 'lower', ...x },
          x2: { field: 'upper' },
          color: { field: 'flag', scale: FLAG_COLORS, title: 'vs rest' },
        },
      },
      {
        data: { name: 'groups' },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          x: { field: 'value', ...x },
          color: { field: 'flag', scale: FLAG_COLORS, title: 'vs rest' },
          tooltip: [
            { field: 'group', type: 'nominal' },
            { field: 'value', type: 'quantitative', format: axisFormat(format) },
            { field: 'n', type: 'quantitative' },
            { field: 'adjustedPValue', type: 'quantitative', format: '.3g' },
          ],
        },
      },
      {
        data: { name: 'overall' },
        mark: { type: 'rule', strokeDash: [4, 3], color: COLORS.reference },
        encoding: { x: { field: 'value', ...x } },
      },
    ],
  };
}

/**
 * A Vega-Lite v5 trend chart of a `trend`: the interval of each period as a band, its estimate as
 * a line with points, the rolling figure (when the trend has a window) as a second line, and the
 * changes flagged against the previous period marked.
 *
 * Periods are placed at their start instant (a temporal axis); empty periods leave a gap. Data is
 * inlined as `datasets.periods` (`label`, `start`, `value`, `lower`, `upper`, `n`, `flag`,
 * `partial`, `rolling`). The period-to-period p-values are adjusted across the series as in
 * `adjustPValues` (Holm (1979) by default).
 *
 * @param result - a trend result
 * @param options - `title`, `width`, `height`
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not a trend result; INVALID_OPTION for
 *   bad options
 * @example
 * const rows = [{ at: '2026-05-03', score: 9 }, { at: '2026-06-20', score: 10 }, { at: '2026-07-02', score: 3 }]
 * const spec = trendChart(trend(rows, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' }))
 * spec.datasets.periods.map((p) => p.label) // => ['2026-05', '2026-06', '2026-07']
 */
export function trendChart(result: unknown, options: ChartOptions = {}): VegaLiteSpec {
  const fn = 'trendChart';
  const opts = chartOptions(fn, options, []);
  if (!isTrend(result)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected a trend result, got ${describeValue(result)}`);
  }
  const r = result as Loose;
  const format = formatOf(r.metric);
  const periods: DataRow[] = (r.periods as unknown[]).filter(isObject).map((p) => {
    const shown = shownEstimate(p.estimate);
    const e = isEstimate(shown) ? shown : undefined;
    const rollingShown = isObject(p.rolling) ? shownEstimate(p.rolling.estimate) : undefined;
    const rolling = isEstimate(rollingShown) ? rollingShown.value : undefined;
    return {
      label: String(p.label),
      start: String(p.start),
      value: e === undefined ? null : finiteOrNull(e.value),
      lower: e === undefined ? null : finiteOrNull(e.lower),
      upper: e === undefined ? null : finiteOrNull(e.upper),
      n: typeof p.n === 'number' ? p.n : 0,
      flag: typeof p.flag === 'string' ? p.flag : 'none',
      partial: p.partial === true,
      rolling: rolling === undefined ? null : finiteOrNull(rolling),
    };
  });
  const metric = r.metric === 'nps' ? 'NPS' : String(r.metric);
  const x = { field: 'start', type: 'temporal', title: `${String(r.period)} (${String(r.timeZone)})` };
  const y = { type: 'quantitative', title: metric, axis: { format: axisFormat(format) } };
  const layers: JsonLayer[] = [
    {
      mark: { type: 'area', opacity: 0.25, color: COLORS.interval },
      encoding: { x, y: { field: 'lower', ...y }, y2: { field: 'upper' } },
    },
    {
      mark: { type: 'line', point: true, color: COLORS.point },
      encoding: {
        x,
        y: { field: 'value', ...y },
        tooltip: [
          { field: 'label', type: 'nominal' },
          { field: 'value', type: 'quantitative', format: axisFormat(format) },
          { field: 'n', type: 'quantitative' },
          { field: 'flag', type: 'nominal' },
        ],
      },
    },
  ];
  // Only when something is flagged: an empty layer would have an infinite extent.
  if (periods.some((p) => p.flag !== 'none')) {
    layers.push({
      transform: [{ filter: "datum.flag !== 'none'" }],
      mark: { type: 'point', size: 140, shape: 'diamond', filled: true },
      encoding: { x, y: { field: 'value', ...y }, color: { field: 'flag', scale: FLAG_COLORS, title: 'vs previous' } },
    });
  }
  if (isObject(r.window)) {
    layers.push({
      mark: { type: 'line', strokeDash: [6, 3], color: COLORS.reference },
      encoding: { x, y: { field: 'rolling', ...y } },
    });
  }
  return {
    ...baseSpec(
      `${metric} by ${String(r.period)}: estimates with intervals${isObject(r.window) ? ', rolling figure dashed' : ''}`,
      opts.title ?? `${metric} by ${String(r.period)}`,
      { periods },
      `${String(r.adjust)}-adjusted changes vs the previous period marked`,
    ),
    width: opts.width ?? 480,
    height: opts.height ?? 240,
    data: { name: 'periods' },
    layer: layers,
  };
}

type JsonLayer = { [key: string]: JsonValue };

/** The chart of a breakdown or trend result, or undefined. @internal */
export function analysisChartFor(x: unknown): VegaLiteSpec | undefined {
  if (isBreakdown(x)) return segmentChart(x);
  if (isTrend(x)) return trendChart(x);
  return undefined;
}
