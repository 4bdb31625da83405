import { CxMetricsError } from '../errors.ts';
import { isShareLike } from '../format/figures.ts';
import { isNps, isObject } from '../format/kinds.ts';
import { pValueLabel } from '../format/numbers.ts';
import type { Difference } from '../types.ts';
import {
  axisFormat,
  baseSpec,
  type ChartOptions,
  COLORS,
  chartOptions,
  type DataRow,
  describeValue,
  drawableEstimate,
  labelFormat,
  type MetricFormat,
  type VegaLiteSpec,
} from './spec.ts';

/**
 * Options of `comparisonChart`.
 *
 * @example
 * const d = compareNps({ promoters: 49, passives: 23, detractors: 18 }, { promoters: 41, passives: 30, detractors: 35 })
 * const spec = comparisonChart(d, { labels: ['March', 'February'], title: 'NPS, March vs February', width: 320 })
 * spec.datasets.groups.map((row) => row.group) // => ['March', 'February']
 * spec.title.text // => 'NPS, March vs February'
 */
export interface ComparisonChartOptions extends ChartOptions {
  /** Names of the two groups; `['a', 'b']` by default. */
  labels?: readonly [string, string];
  /** Name of the metric for titles; inferred: 'NPS', 'share', 'mean' or 'value'. */
  metric?: string;
}

/**
 * A Vega-Lite v5 chart of a two-group comparison: on top each group's estimate with its
 * interval; below the difference a − b with its interval against a dashed line at 0, the p-value
 * in the title of that panel.
 *
 * Takes any Difference (`compareNps`, `compareProportions`, `compareMeans`). NPS differences are
 * drawn in points; for proportions the groups are shares (%) and the difference is in percentage
 * points; means in their own units. An interval that crosses the zero line is a difference the
 * data cannot tell from none at that confidence. Data is inlined as `datasets.groups` (`group`,
 * `value`, `lower`, `upper`, `n`) and `datasets.difference` (`label`, `difference`, `lower`,
 * `upper`, `pValue`).
 *
 * @param difference - a Difference (NpsDifference, CompareMeansResult, …)
 * @param options - `labels` (the two group names), `metric`, `title`, `width`, `height`
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not a Difference with finite
 *   numbers and lower ≤ upper (groups included); INVALID_OPTION for bad options
 * @example
 * const d = compareNps({ promoters: 49, passives: 23, detractors: 18 }, { promoters: 41, passives: 30, detractors: 35 })
 * const spec = comparisonChart(d, { labels: ['March', 'February'] })
 * spec.datasets.groups.map((row) => row.group) // => ['March', 'February']
 * spec.datasets.difference[0].label // => 'March − February'
 */
export function comparisonChart(difference: Difference, options: ComparisonChartOptions = {}): VegaLiteSpec {
  const fn = 'comparisonChart';
  const opts = chartOptions(fn, options, ['labels', 'metric']);
  const labels = opts.labels ?? ['a', 'b'];
  if (
    !Array.isArray(labels) ||
    labels.length !== 2 ||
    !labels.every((l) => typeof l === 'string') ||
    labels[0] === labels[1]
  ) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: labels must be two different strings; got ${describeValue(labels)}`,
    );
  }
  if (opts.metric !== undefined && typeof opts.metric !== 'string') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: metric must be a string; got ${describeValue(opts.metric)}`);
  }
  const d = difference as unknown;
  if (!isObject(d) || typeof d.difference !== 'number' || typeof d.pValue !== 'number') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a Difference (from compareNps, compareProportions or compareMeans); got ${describeValue(d)}`,
      { value: d },
    );
  }
  const diff = [d.difference, d.lower, d.upper];
  if (!diff.every((x) => typeof x === 'number' && Number.isFinite(x)) || (d.lower as number) > (d.upper as number)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the difference ${describeValue(d.difference)} has interval [${describeValue(d.lower)}, ${describeValue(d.upper)}]; expected finite numbers with lower ≤ upper`,
      { value: d },
    );
  }
  const a = drawableEstimate(fn, 'group a', d.a);
  const b = drawableEstimate(fn, 'group b', d.b);
  const [la, lb] = labels as unknown as readonly [string, string];
  const nps = isNps(a) && isNps(b);
  const shares = !nps && isShareLike(a) && isShareLike(b);
  const groupFormat: MetricFormat = nps ? 'points' : shares ? 'share' : 'number';
  const metric =
    opts.metric ??
    (nps ? 'NPS' : shares ? 'share' : typeof d.t === 'number' && typeof d.df === 'number' ? 'mean' : 'value');
  // Differences of shares read best in percentage points.
  const scale = shares ? 100 : 1;
  const groups: DataRow[] = [
    { group: la, value: a.value, lower: a.lower, upper: a.upper, n: Number.isFinite(a.n) ? a.n : null },
    { group: lb, value: b.value, lower: b.lower, upper: b.upper, n: Number.isFinite(b.n) ? b.n : null },
  ];
  const label = `${la} − ${lb}`;
  const rows: DataRow[] = [
    {
      label,
      difference: scale * (d.difference as number),
      lower: scale * (d.lower as number),
      upper: scale * (d.upper as number),
      pValue: d.pValue as number,
    },
  ];
  const width = opts.width ?? 360;
  const step = opts.height ?? 30;
  const diffTitle = shares ? 'difference (percentage points)' : nps ? 'difference (points)' : 'difference';
  const method = typeof d.method === 'string' ? d.method : '';
  const confidence = typeof d.confidence === 'number' ? ` ${Number((100 * d.confidence).toFixed(4))}%` : '';
  const groupTooltip = [
    { field: 'group', type: 'nominal' },
    { field: 'value', type: 'quantitative', format: labelFormat(groupFormat), title: metric },
    { field: 'lower', type: 'quantitative', format: labelFormat(groupFormat) },
    { field: 'upper', type: 'quantitative', format: labelFormat(groupFormat) },
    { field: 'n', type: 'quantitative' },
  ];
  return {
    ...baseSpec(
      `Comparison of ${metric} between ${la} and ${lb}, and their difference with its interval`,
      opts.title ?? `${metric}: ${la} vs ${lb}`,
      { groups, difference: rows },
      `${method}${confidence}, ${pValueLabel(d.pValue as number)}`,
    ),
    vconcat: [
      {
        data: { name: 'groups' },
        width,
        height: { step },
        encoding: {
          y: { field: 'group', type: 'nominal', sort: [la, lb], title: null },
        },
        layer: [
          {
            name: 'groupInterval',
            mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
            encoding: {
              x: {
                field: 'lower',
                type: 'quantitative',
                scale: { zero: false },
                axis: { format: axisFormat(groupFormat) },
                title: metric,
              },
              x2: { field: 'upper' },
            },
          },
          {
            name: 'groupValue',
            mark: { type: 'point', filled: true, size: 70, color: COLORS.point },
            encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: groupTooltip },
          },
        ],
      },
      {
        width,
        height: { step },
        layer: [
          {
            name: 'zero',
            data: { values: [{}] },
            mark: { type: 'rule', color: COLORS.reference, strokeDash: [3, 3] },
            encoding: { x: { datum: 0, type: 'quantitative' } },
          },
          {
            name: 'differenceInterval',
            data: { name: 'difference' },
            mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
            encoding: {
              y: { field: 'label', type: 'nominal', title: null },
              x: { field: 'lower', type: 'quantitative', title: diffTitle },
              x2: { field: 'upper' },
            },
          },
          {
            name: 'differenceValue',
            data: { name: 'difference' },
            mark: { type: 'point', filled: true, size: 70, shape: 'diamond', color: COLORS.point },
            encoding: {
              y: { field: 'label', type: 'nominal', title: null },
              x: { field: 'difference', type: 'quantitative' },
              tooltip: [
                { field: 'label', type: 'nominal', title: 'difference' },
                { field: 'difference', type: 'quantitative', format: '.4~g' },
                { field: 'lower', type: 'quantitative', format: '.4~g' },
                { field: 'upper', type: 'quantitative', format: '.4~g' },
                { field: 'pValue', type: 'quantitative', format: '.3~g', title: 'p-value' },
              ],
            },
          },
        ],
      },
    ],
  };
}
