import { CxMetricsError } from '../errors.ts';
import { isObject } from '../format/kinds.ts';
import type { KaplanMeierPoint } from '../stats/kaplanMeier.ts';
import {
  baseSpec,
  type ChartOptions,
  COLORS,
  chartOptions,
  type DataRow,
  describeValue,
  type VegaLiteSpec,
} from './spec.ts';

/**
 * Options of `kaplanMeierChart`.
 *
 * @example
 * const spec = kaplanMeierChart(kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]), { timeTitle: 'days open', survivalTitle: 'still open' })
 * const curve = spec.layer.find((layer) => layer.name === 'curve')
 * [curve.encoding.x.title, curve.encoding.y.title] // => ['days open', 'still open']
 */
export interface KaplanMeierChartOptions extends ChartOptions {
  /** Title of the time axis; 'time', or 'tenure (days)' for a retention curve in days. */
  timeTitle?: string;
  /** Title of the survival axis; 'survival', or 'retained' for a retention curve. */
  survivalTitle?: string;
}

/**
 * A point of a curve as the chart reads it: time, survival and band; the counts are optional.
 *
 * @example
 * const spec = kaplanMeierChart({ points: [{ time: 4, survival: 0.5, lower: 0.2, upper: 0.8, events: 1 }] })
 * spec.datasets.curve[1] // => { time: 4, survival: 0.5, lower: 0.2, upper: 0.8, atRisk: null, events: 1, censored: 0 }
 */
export type KaplanMeierChartPoint = Pick<KaplanMeierPoint, 'time' | 'survival' | 'lower' | 'upper'> &
  Partial<Pick<KaplanMeierPoint, 'atRisk' | 'events' | 'censored'>>;

/**
 * What a Kaplan–Meier chart needs: the points and, for a retention curve, its unit (a
 * `kaplanMeier` or `retentionCurve` result fits as it is).
 *
 * @example
 * kaplanMeierChart({ points: [{ time: 4, survival: 0.5, lower: 0.2, upper: 0.8 }], unit: 'day' }).datasets.curve.map((row) => row.time) // => [0, 4]
 */
export interface KaplanMeierChartInput {
  points: readonly KaplanMeierChartPoint[];
  unit?: string;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A Vega-Lite v5 chart of a Kaplan–Meier curve: the survival estimate as a step function starting
 * at (0, 100%), its pointwise confidence band as a shaded step band, and a tick on the curve at
 * every time with censored observations.
 *
 * Ŝ(t) is right-continuous: `survival` at a point's `time` holds until the next time, so both the
 * line and the band use step-after interpolation. Data is inlined as `datasets.curve` (`time`,
 * `survival`, `lower`, `upper`, `atRisk`, `events`, `censored`; the first row is the start at
 * time 0 with survival 1) and, when any observation is censored, `datasets.censored` (`time`,
 * `survival`, `censored` for the points with censored observations). Works for `kaplanMeier` results and `retentionCurve` results
 * (tenure in the curve's unit).
 *
 * @param km - a `kaplanMeier` or `retentionCurve` result (anything with `points`)
 * @param options - `title`, `timeTitle`, `survivalTitle`, `width`, `height`
 * @returns the Vega-Lite spec
 * @throws CxMetricsError EMPTY_INPUT for a curve with no points; INVALID_VALUE (with the index)
 *   for a point without a finite time ≥ 0, survival and band in [0, 1]; INVALID_OPTION for bad
 *   options
 * @example
 * const spec = kaplanMeierChart(kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]))
 * spec.datasets.curve.map((row) => row.time) // => [0, 2, 3, 5, 8, 9]
 * spec.datasets.censored.map((row) => row.time) // => [3, 8]
 */
export function kaplanMeierChart(km: KaplanMeierChartInput, options: KaplanMeierChartOptions = {}): VegaLiteSpec {
  const fn = 'kaplanMeierChart';
  const opts = chartOptions(fn, options, ['timeTitle', 'survivalTitle']);
  for (const key of ['timeTitle', 'survivalTitle'] as const) {
    if (opts[key] !== undefined && typeof opts[key] !== 'string') {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: ${key} must be a string; got ${describeValue(opts[key])}`);
    }
  }
  if (!isObject(km) || !Array.isArray(km.points)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a kaplanMeier or retentionCurve result with points; got ${describeValue(km)}`,
      { value: km },
    );
  }
  const points = km.points as readonly unknown[];
  if (points.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: the curve has no points`);
  const inUnit = (x: unknown) => isNum(x) && x >= 0 && x <= 1;
  const rows: DataRow[] = points.map((p, index): DataRow => {
    if (!isObject(p) || !isNum(p.time) || p.time < 0 || !inUnit(p.survival) || !inUnit(p.lower) || !inUnit(p.upper)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: point at index ${index} is ${describeValue(p)}; expected { time, survival, lower, upper } with a finite time ≥ 0 and survival and band in [0, 1]`,
        { index, value: p },
      );
    }
    return {
      time: p.time,
      survival: p.survival as number,
      lower: p.lower as number,
      upper: p.upper as number,
      atRisk: isNum(p.atRisk) ? p.atRisk : null,
      events: isNum(p.events) ? p.events : null,
      censored: isNum(p.censored) ? p.censored : 0,
    };
  });
  const first = rows[0] as DataRow;
  const start: DataRow = {
    time: 0,
    survival: 1,
    lower: 1,
    upper: 1,
    atRisk: first.atRisk ?? null,
    events: 0,
    censored: 0,
  };
  const curve = [start, ...rows];
  const censored: DataRow[] = rows
    .filter((r) => (r.censored as number) > 0)
    .map((r) => ({ time: r.time as number, survival: r.survival as number, censored: r.censored as number }));
  const unit = typeof km.unit === 'string' ? km.unit : undefined;
  const retention = unit !== undefined;
  const timeTitle = opts.timeTitle ?? (retention ? `tenure (${unit}s)` : 'time');
  const survivalTitle = opts.survivalTitle ?? (retention ? 'retained' : 'survival');
  const x = { field: 'time', type: 'quantitative', title: timeTitle };
  const y = {
    field: 'survival',
    type: 'quantitative',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
    title: survivalTitle,
  };
  const layers: DataRow[] = [
    {
      name: 'band',
      data: { name: 'curve' },
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.2, color: COLORS.interval },
      encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
    },
    {
      name: 'curve',
      data: { name: 'curve' },
      mark: { type: 'line', interpolate: 'step-after', color: COLORS.point },
      encoding: { x, y },
    },
    {
      name: 'steps',
      data: { name: 'curve' },
      mark: { type: 'point', opacity: 0, size: 60 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'time', type: 'quantitative', title: timeTitle },
          { field: 'survival', type: 'quantitative', format: '.1%', title: survivalTitle },
          { field: 'lower', type: 'quantitative', format: '.1%' },
          { field: 'upper', type: 'quantitative', format: '.1%' },
          { field: 'atRisk', type: 'quantitative', title: 'at risk' },
          { field: 'events', type: 'quantitative' },
          { field: 'censored', type: 'quantitative' },
        ],
      },
    },
  ];
  if (censored.length > 0) {
    layers.push({
      name: 'censoring',
      data: { name: 'censored' },
      mark: { type: 'tick', orient: 'vertical', thickness: 1.5, size: 10, color: COLORS.point },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'time', type: 'quantitative', title: timeTitle },
          { field: 'censored', type: 'quantitative' },
        ],
      },
    });
  }
  return {
    ...baseSpec(
      'Kaplan–Meier curve with its pointwise confidence band and censoring ticks',
      opts.title ?? (retention ? 'Retention curve' : 'Kaplan–Meier curve'),
      censored.length > 0 ? { curve, censored } : { curve },
    ),
    width: opts.width ?? 420,
    height: opts.height ?? 240,
    layer: layers,
  };
}
