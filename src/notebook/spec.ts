import { CxMetricsError } from '../errors.ts';
import { isEstimate } from '../format/kinds.ts';
import { checkOptions } from '../options.ts';
import type { Estimate } from '../types.ts';

/**
 * A JSON value: what a Vega-Lite spec is made of.
 *
 * @example
 * const spec = npsBreakdownChart(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }))
 * JSON.parse(JSON.stringify(spec)) // => spec
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One row of an inline dataset.
 *
 * @example
 * kaplanMeierChart(kaplanMeier([2, 3], [1, 1])).datasets.curve[0] // => { time: 0, survival: 1, lower: 1, upper: 1, atRisk: 2, events: 0, censored: 0 }
 */
export type DataRow = Record<string, JsonValue>;

/**
 * The `$schema` of every spec: Vega-Lite 5, the version Jupyter front ends render.
 *
 * @example
 * npsBreakdownChart(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 })).$schema === VEGA_LITE_SCHEMA // => true
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * A Vega-Lite v5 specification as a plain JSON object, its data inlined as named `datasets`
 * (so a renderer needs no network and tests can read each dataset back by name).
 *
 * @example
 * const spec = kaplanMeierChart(kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]))
 * Object.keys(spec.datasets) // => ['curve', 'censored']
 * JSON.parse(JSON.stringify(spec)).datasets.curve.length // => 6
 */
export interface VegaLiteSpec {
  $schema: string;
  datasets: Record<string, DataRow[]>;
  [key: string]: JsonValue;
}

/**
 * Size and title options every chart builder takes.
 *
 * @example
 * const spec = npsBreakdownChart(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }), { title: 'NPS by region', width: 400 })
 * [spec.title.text, spec.hconcat[0].width] // => ['NPS by region', 400]
 */
export interface ChartOptions {
  /** Chart title; each builder has a default. */
  title?: string;
  /** Width of the plot area in pixels. */
  width?: number;
  /** Height of the plot area in pixels (per row for charts with one row per group). */
  height?: number;
}

/** The skeleton of a spec: schema, description, title and datasets. @internal */
export function baseSpec(
  description: string,
  title: string,
  datasets: Record<string, DataRow[]>,
  subtitle?: string,
): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description,
    title: subtitle === undefined || subtitle === '' ? title : { text: title, subtitle },
    datasets,
    config: { view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } },
  };
}

/** A finite number or null, for data rows (JSON has no Infinity). @internal */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Validate the options of a chart builder: a plain object (or undefined) whose keys are the
 * shared `title`, `width`, `height` and the builder's own `keys` (an unknown key is INVALID_OPTION
 * naming the closest valid one, through checkOptions), then the shared ones' values. @internal
 */
export function chartOptions<T extends ChartOptions>(fn: string, options: T | undefined, keys: readonly string[]): T {
  if (options === undefined) return {} as T;
  checkOptions(fn, options, ['title', 'width', 'height', ...keys]);
  for (const key of ['width', 'height'] as const) {
    const v = options[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: ${key} must be a positive number of pixels; got ${describeValue(v)}`,
      );
    }
  }
  if (options.title !== undefined && typeof options.title !== 'string') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: title must be a string; got ${describeValue(options.title)}`);
  }
  return options;
}

/** A short description of a value for error messages. @internal */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'function') return 'a function';
  return String(x);
}

/**
 * An Estimate whose value, lower and upper are finite with lower ≤ upper (what a chart can draw);
 * throws INVALID_VALUE naming `what` otherwise. @internal
 */
export function drawableEstimate(fn: string, what: string, x: unknown, index?: number): Estimate {
  const details = index === undefined ? { value: x } : { index, value: x };
  if (!isEstimate(x)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${what} is ${describeValue(x)}; expected an Estimate { value, lower, upper, n, confidence, method }`,
      details,
    );
  }
  if (![x.value, x.lower, x.upper].every(Number.isFinite) || x.lower > x.upper) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${what} has value ${x.value} and interval [${x.lower}, ${x.upper}]; expected finite numbers with lower ≤ upper`,
      details,
    );
  }
  return x;
}

/**
 * How a metric's numbers print on a chart axis: shares (0…1) as %, NPS points, or plain numbers.
 *
 * @example
 * const points = [{ period: '2025-Q1', value: 0.8, lower: 0.7, upper: 0.9 }]
 * metricOverTimeChart(points, { format: 'share' }).encoding.y.axis.format // => '.0%'
 * metricOverTimeChart(points, { format: 'points' }).encoding.y.axis.format // => '.0f'
 */
export type MetricFormat = 'share' | 'points' | 'number';

/** d3-format string for an axis of the given metric format. @internal */
export function axisFormat(format: MetricFormat): string {
  return format === 'share' ? '.0%' : format === 'points' ? '.0f' : '~g';
}

/** d3-format string for tooltips and labels. @internal */
export function labelFormat(format: MetricFormat): string {
  return format === 'share' ? '.1%' : format === 'points' ? '.1f' : '.4~g';
}

export const COLORS = {
  interval: '#4c78a8',
  point: '#1f3a5f',
  reference: '#888888',
  promoters: '#2e9e5b',
  passives: '#c7c7c7',
  detractors: '#d1495b',
  highlight: '#4c78a8',
  muted: '#b8c4d6',
} as const;
