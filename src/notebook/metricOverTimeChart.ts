import { CxMetricsError } from '../errors.ts';
import { isShareLike } from '../format/figures.ts';
import { isEstimate, isNps, isObject } from '../format/kinds.ts';
import type { Estimate } from '../types.ts';
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
 * One period of a metric: its value and interval.
 *
 * @example
 * const points = [{ period: '2025-Q1', value: 31, lower: 25, upper: 37 }, { period: '2025-Q2', value: 35, lower: 29, upper: 41, n: 410 }]
 * metricOverTimeChart(points, { metric: 'NPS', format: 'points' }).datasets.series[1].n // => 410
 */
export interface MetricPoint {
  /** The period: a label ('2025-01', '2025-Q1', 'week 3'), a Date, or a number. */
  period: string | number | Date;
  value: number;
  lower: number;
  upper: number;
  /** Sample size, shown in the tooltip when given. */
  n?: number;
}

/**
 * Options of `metricOverTimeChart`.
 *
 * @example
 * const points = [{ period: 2024, value: 31, lower: 25, upper: 37 }, { period: 2025, value: 35, lower: 29, upper: 41 }]
 * const spec = metricOverTimeChart(points, { metric: 'NPS', format: 'points', periodType: 'ordinal' })
 * [spec.encoding.x.type, spec.encoding.y.axis.format] // => ['ordinal', '.0f']
 */
export interface MetricOverTimeChartOptions extends ChartOptions {
  /** Name of the metric, the y axis title; 'NPS', 'CSAT', … (inferred from Estimates, else 'value'). */
  metric?: string;
  /**
   * How values print: `'share'` (0…1 as %), `'points'` (NPS), `'number'`. Inferred from a record of
   * Estimates (NPS → points, proportions → share); `'number'` otherwise.
   */
  format?: MetricFormat;
  /**
   * Type of the period axis: `'ordinal'` (labels in the given order; the default for strings),
   * `'temporal'` (the default for Dates; strings must be ISO-8601), or `'quantitative'` (the
   * default for numbers).
   */
  periodType?: 'ordinal' | 'temporal' | 'quantitative';
}

function pointsOf(fn: string, input: unknown): { points: MetricPoint[]; estimates: Estimate[] | undefined } {
  if (Array.isArray(input)) {
    if (input.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: no points; expected at least one period`);
    // Indexed, not map: map skipped holes, so a point missing from the array vanished from the
    // chart; a hole is refused at its index (a huge sparse array at its first one).
    const points: MetricPoint[] = [];
    for (let index = 0; index < input.length; index++) {
      const p: unknown = input[index];
      if (!isObject(p)) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: point at index ${index} is ${describeValue(p)}; expected { period, value, lower, upper }`,
          { index, value: p },
        );
      }
      const { period, value, lower, upper, n } = p;
      const periodOk =
        typeof period === 'string' ||
        (typeof period === 'number' && Number.isFinite(period)) ||
        (period instanceof Date && Number.isFinite(period.getTime()));
      if (!periodOk) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: point at index ${index} has period ${describeValue(period)}; expected a string, a finite number or a valid Date`,
          { index, value: p },
        );
      }
      const numbers = [value, lower, upper];
      if (!numbers.every((x) => typeof x === 'number' && Number.isFinite(x)) || (lower as number) > (upper as number)) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: point at index ${index} has value ${describeValue(value)} and interval [${describeValue(lower)}, ${describeValue(upper)}]; expected finite numbers with lower ≤ upper`,
          { index, value: p },
        );
      }
      const point: MetricPoint = {
        period: period as MetricPoint['period'],
        value: value as number,
        lower: lower as number,
        upper: upper as number,
      };
      if (typeof n === 'number' && Number.isFinite(n)) point.n = n;
      points.push(point);
    }
    return { points, estimates: undefined };
  }
  if (!isObject(input) || isEstimate(input)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an array of { period, value, lower, upper } or a record of Estimates by period; got ${describeValue(input)}`,
      { value: input },
    );
  }
  const entries = Object.entries(input);
  if (entries.length === 0)
    throw new CxMetricsError('EMPTY_INPUT', `${fn}: the record is empty; expected at least one period`);
  const estimates = entries.map(([period, e], index) => drawableEstimate(fn, `period "${period}"`, e, index));
  const points = entries.map(([period], index): MetricPoint => {
    const e = estimates[index] as Estimate;
    const point: MetricPoint = { period, value: e.value, lower: e.lower, upper: e.upper };
    if (Number.isFinite(e.n)) point.n = e.n;
    return point;
  });
  return { points, estimates };
}

/**
 * A Vega-Lite v5 chart of a metric over periods: the value as a line with points, its interval as
 * a shaded band.
 *
 * Give points `{ period, value, lower, upper, n? }` (in order) or a record of Estimates keyed by
 * period (e.g. `{ '2025-01': nps(jan), '2025-02': nps(feb) }`, in insertion order). Periods are an
 * ordinal axis in the order given unless they are Dates (temporal) or numbers (quantitative), or
 * `periodType` says otherwise. The band is pointwise: each period's own interval, not a band for
 * the whole curve. Data is inlined as `datasets.series` (`period`, `value`, `lower`, `upper`,
 * `n`; Dates as ISO-8601 strings).
 *
 * @param input - points, or a record of Estimates by period
 * @param options - `metric` (axis title), `format` ('share' | 'points' | 'number'), `periodType`,
 *   `title`, `width`, `height`
 * @returns the Vega-Lite spec
 * @throws CxMetricsError EMPTY_INPUT for no points; INVALID_VALUE (with the index) for a point
 *   or Estimate without finite value and bounds, lower ≤ upper, or with a bad period;
 *   INVALID_OPTION for bad options
 * @example
 * const spec = metricOverTimeChart({ '2025-01': csatFromCounts({ satisfied: 80, total: 100 }), '2025-02': csatFromCounts({ satisfied: 90, total: 100 }) })
 * spec.datasets.series.map((row) => row.value) // => [0.8, 0.9]
 * spec.encoding.y.axis.format // => '.0%'
 */
export function metricOverTimeChart(
  input: readonly MetricPoint[] | Readonly<Record<string, Estimate>>,
  options: MetricOverTimeChartOptions = {},
): VegaLiteSpec {
  const fn = 'metricOverTimeChart';
  const opts = chartOptions(fn, options, ['metric', 'format', 'periodType']);
  if (opts.format !== undefined && !['share', 'points', 'number'].includes(opts.format)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: format must be 'share', 'points' or 'number'; got ${describeValue(opts.format)}`,
    );
  }
  if (opts.periodType !== undefined && !['ordinal', 'temporal', 'quantitative'].includes(opts.periodType)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: periodType must be 'ordinal', 'temporal' or 'quantitative'; got ${describeValue(opts.periodType)}`,
    );
  }
  if (opts.metric !== undefined && typeof opts.metric !== 'string') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: metric must be a string; got ${describeValue(opts.metric)}`);
  }
  const { points, estimates } = pointsOf(fn, input);
  const allNps = estimates?.every((e) => isNps(e)) ?? false;
  const allShares = estimates?.every((e) => isShareLike(e)) ?? false;
  const format: MetricFormat = opts.format ?? (allNps ? 'points' : allShares ? 'share' : 'number');
  const metric = opts.metric ?? (allNps ? 'NPS' : 'value');
  const kinds = new Set(points.map((p) => (p.period instanceof Date ? 'date' : typeof p.period)));
  if (kinds.size > 1 && opts.periodType === undefined) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: periods mix ${[...kinds].join(' and ')}; give them all one type or set periodType`,
    );
  }
  const periodType =
    opts.periodType ?? (kinds.has('date') ? 'temporal' : kinds.has('number') ? 'quantitative' : 'ordinal');
  const series: DataRow[] = points.map((p) => {
    const row: DataRow = {
      period: p.period instanceof Date ? p.period.toISOString() : p.period,
      value: p.value,
      lower: p.lower,
      upper: p.upper,
    };
    if (p.n !== undefined) row.n = p.n;
    return row;
  });
  const x = {
    field: 'period',
    type: periodType,
    title: null,
    ...(periodType === 'ordinal' ? { sort: null } : {}),
    ...(periodType === 'quantitative' ? { scale: { zero: false } } : {}),
  };
  const tooltip = [
    { field: 'period', type: periodType === 'temporal' ? 'temporal' : 'nominal' },
    { field: 'value', type: 'quantitative', format: labelFormat(format), title: metric },
    { field: 'lower', type: 'quantitative', format: labelFormat(format) },
    { field: 'upper', type: 'quantitative', format: labelFormat(format) },
    ...(series.some((r) => r.n !== undefined) ? [{ field: 'n', type: 'quantitative' }] : []),
  ];
  return {
    ...baseSpec(`${metric} over periods with its interval as a band`, opts.title ?? `${metric} over time`, { series }),
    data: { name: 'series' },
    width: opts.width ?? 420,
    height: opts.height ?? 220,
    encoding: {
      x,
      y: {
        field: 'value',
        type: 'quantitative',
        scale: { zero: false },
        axis: { format: axisFormat(format) },
        title: metric,
      },
    },
    layer: [
      {
        name: 'band',
        mark: { type: 'area', opacity: 0.25, color: COLORS.interval },
        encoding: { y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
      },
      { name: 'line', mark: { type: 'line', color: COLORS.point } },
      {
        name: 'points',
        mark: { type: 'point', filled: true, size: 40, color: COLORS.point },
        encoding: { tooltip },
      },
    ],
  };
}
