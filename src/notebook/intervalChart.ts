import { CxMetricsError } from '../errors.ts';
import { isShareLike } from '../format/figures.ts';
import { isEstimate, isNps, isObject } from '../format/kinds.ts';
import { durationUnit } from '../format/numbers.ts';
import type { Estimate } from '../types.ts';
import {
  axisFormat,
  baseSpec,
  type ChartOptions,
  COLORS,
  chartOptions,
  type DataRow,
  describeValue,
  labelFormat,
  type VegaLiteSpec,
} from './spec.ts';

/**
 * Options of `intervalChart`.
 *
 * @example
 * const spec = intervalChart({ email: csatFromCounts({ satisfied: 40, total: 50 }) }, { metric: 'CSAT', format: 'number' })
 * [spec.title, spec.layer[0].encoding.x.axis.format] // => ['CSAT', '~g']
 */
export interface IntervalChartOptions extends ChartOptions {
  /** Name of the metric, the axis title; 'NPS' for NPS results, else 'value'. */
  metric?: string;
  /**
   * How values print: `'share'` (0…1 as %), `'points'` (NPS), `'duration'` (milliseconds, drawn in
   * a readable unit: s, min, h or d), `'number'`. Inferred for NPS results and proportions.
   */
  format?: 'share' | 'points' | 'number' | 'duration';
}

/**
 * A Vega-Lite v5 "forest plot" of several estimates: one row per estimate, the value as a dot and
 * the interval as a line, on one shared axis.
 *
 * Use it for estimates of the same quantity in different groups (CSAT by team, the median and
 * p90 of resolution time). Rows keep the record's order (arrays are labelled #1, #2, …). A bound
 * that is ±Infinity (a quantile whose upper bound was never reached) is drawn to the edge of the
 * other data and flagged `lowerOpen` / `upperOpen`; an infinite value draws no dot. Data is
 * inlined as `datasets.estimates` (`label`, `value`, `lower`, `upper`, `n`, `method`,
 * `lowerOpen`, `upperOpen`), in the drawn unit.
 *
 * @param estimates - a record of Estimates by label, or an array of Estimates
 * @param options - `metric`, `format`, `title`, `width`, `height` (per row)
 * @returns the Vega-Lite spec
 * @throws CxMetricsError EMPTY_INPUT for no estimates; INVALID_VALUE (with the index) for a value
 *   that is not an Estimate, has a NaN, lower > upper, or when no number at all is finite;
 *   INVALID_OPTION for bad options
 * @example
 * const spec = intervalChart({ email: csatFromCounts({ satisfied: 40, total: 50 }), chat: csatFromCounts({ satisfied: 45, total: 50 }) })
 * spec.datasets.estimates.map((row) => [row.label, row.value]) // => [['email', 0.8], ['chat', 0.9]]
 */
export function intervalChart(
  estimates: readonly Estimate[] | Readonly<Record<string, Estimate>>,
  options: IntervalChartOptions = {},
): VegaLiteSpec {
  const fn = 'intervalChart';
  const opts = chartOptions(fn, options, ['metric', 'format']);
  if (opts.format !== undefined && !['share', 'points', 'number', 'duration'].includes(opts.format)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: format must be 'share', 'points', 'number' or 'duration'; got ${describeValue(opts.format)}`,
    );
  }
  if (opts.metric !== undefined && typeof opts.metric !== 'string') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: metric must be a string; got ${describeValue(opts.metric)}`);
  }
  if (!isObject(estimates) || isEstimate(estimates)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a record or an array of Estimates; got ${describeValue(estimates)}`,
      { value: estimates },
    );
  }
  const entries: [string, unknown][] = [];
  if (Array.isArray(estimates)) {
    // Indexed, not map: map keeps a hole and the checks below skipped it (an array with holes
    // drew fewer bars without a word); here a hole is refused at its index, and a huge sparse
    // array at its first hole, without a pass over its length.
    for (let i = 0; i < estimates.length; i++) {
      const e: unknown = estimates[i];
      entries.push([`#${i + 1}`, e]);
      if (!isEstimate(e)) break; // refused below, with its label and index
    }
  } else {
    entries.push(...Object.entries(estimates));
  }
  if (entries.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: no estimates; expected at least one`);
  const list = entries.map(([label, e], index): Estimate => {
    if (!isEstimate(e)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: "${label}" is ${describeValue(e)}; expected an Estimate { value, lower, upper, n, confidence, method }`,
        { index, value: e },
      );
    }
    if ([e.value, e.lower, e.upper].some(Number.isNaN) || e.lower > e.upper) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: "${label}" has value ${e.value} and interval [${e.lower}, ${e.upper}]; expected numbers (not NaN) with lower ≤ upper`,
        { index, value: e },
      );
    }
    return e;
  });
  const finite = list.flatMap((e) => [e.value, e.lower, e.upper]).filter(Number.isFinite);
  if (finite.length === 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: no estimate has a finite value or bound; nothing to draw`);
  }
  const format =
    opts.format ?? (list.every((e) => isNps(e)) ? 'points' : list.every((e) => isShareLike(e)) ? 'share' : 'number');
  const metric = opts.metric ?? (format === 'points' ? 'NPS' : 'value');
  let divisor = 1;
  let axisTitle = metric;
  if (format === 'duration') {
    const sorted = finite.map(Math.abs).sort((a, b) => a - b);
    const [unit, size] = durationUnit(sorted[Math.floor(sorted.length / 2)] as number);
    divisor = size;
    axisTitle = `${metric} (${unit})`;
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const rows: DataRow[] = entries.map(([label], index) => {
    const e = list[index] as Estimate;
    const clip = (x: number) => (x === Number.NEGATIVE_INFINITY ? min : x === Number.POSITIVE_INFINITY ? max : x);
    return {
      label,
      value: Number.isFinite(e.value) ? e.value / divisor : null,
      lower: clip(e.lower) / divisor,
      upper: clip(e.upper) / divisor,
      n: Number.isFinite(e.n) ? e.n : null,
      method: e.method,
      lowerOpen: !Number.isFinite(e.lower),
      upperOpen: !Number.isFinite(e.upper),
    };
  });
  const numberFormat = format === 'duration' ? 'number' : format;
  const tooltip = [
    { field: 'label', type: 'nominal', title: null },
    { field: 'value', type: 'quantitative', format: labelFormat(numberFormat), title: axisTitle },
    { field: 'lower', type: 'quantitative', format: labelFormat(numberFormat) },
    { field: 'upper', type: 'quantitative', format: labelFormat(numberFormat) },
    { field: 'n', type: 'quantitative' },
    { field: 'method', type: 'nominal' },
  ];
  return {
    ...baseSpec(`${metric} with confidence intervals`, opts.title ?? metric, { estimates: rows }),
    data: { name: 'estimates' },
    width: opts.width ?? 360,
    height: { step: opts.height ?? 26 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: entries.map(([label]) => label), title: null },
    },
    layer: [
      {
        name: 'interval',
        mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
        encoding: {
          x: {
            field: 'lower',
            type: 'quantitative',
            scale: { zero: false },
            axis: { format: axisFormat(numberFormat) },
            title: axisTitle,
          },
          x2: { field: 'upper' },
          tooltip,
        },
      },
      {
        name: 'estimate',
        mark: { type: 'point', filled: true, size: 60, color: COLORS.point },
        encoding: { x: { field: 'value', type: 'quantitative' }, tooltip },
      },
    ],
  };
}
