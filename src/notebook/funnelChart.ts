import { CxMetricsError } from '../errors.ts';
import { isEstimate, isObject, type Loose } from '../format/kinds.ts';
import type { FunnelFigures } from '../journey/funnel.ts';
import {
  baseSpec,
  type ChartOptions,
  COLORS,
  chartOptions,
  type DataRow,
  describeValue,
  drawableEstimate,
  type VegaLiteSpec,
} from './spec.ts';

/**
 * Options of `funnelChart`.
 *
 * @example
 * const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'cart', at: '2026-06-01' }, { customerId: 2, stage: 'visit', at: '2026-06-01' }]
 * const spec = funnelChart(funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01' }), { title: 'Checkout funnel', endToEnd: false })
 * [spec.title.text, spec.datasets.steps.length] // => ['Checkout funnel', 1]
 */
export interface FunnelChartOptions extends ChartOptions {
  /** Add the end-to-end conversion as the last row of the conversion panel; true by default. */
  endToEnd?: boolean;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/**
 * A Vega-Lite v5 chart of a funnel: on the left one bar per stage with the customers who reached
 * it, in journey order; on the right each step's conversion (from a stage to the next) as a dot
 * with its interval as a line on a 0–100% axis, and the end-to-end conversion below them.
 *
 * Takes a `funnel` result, or one of its `groups` (the same figures). A step whose customers are
 * all pending has no conversion yet: it gets no dot, and its pending count is in the bar's
 * tooltip. Data is inlined as `datasets.stages` (`stage`, `reached`, `share` of the first stage,
 * `order`) and `datasets.steps` (`step`, `from`, `to`, `conversion`, `lower`, `upper`, `n`,
 * `converted`, `dropped`, `pending`, `dropOff`, `order`), one row per step with a conversion.
 *
 * @param result - a FunnelResult or FunnelGroup
 * @param options - `endToEnd` (true), `title`, `width` (of each panel), `height` (per row)
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not a funnel (stages and steps with
 *   whole counts, conversions that are Estimates with finite bounds); INVALID_OPTION for bad options
 * @example
 * const events = [
 *   { customerId: 1, stage: 'visit', at: '2026-06-01' }, { customerId: 1, stage: 'cart', at: '2026-06-01' },
 *   { customerId: 2, stage: 'visit', at: '2026-06-02' },
 * ]
 * const spec = funnelChart(funnel(events, { stages: ['visit', 'cart'], asOf: '2026-07-01' }))
 * spec.datasets.stages.map((row) => [row.stage, row.reached]) // => [['visit', 2], ['cart', 1]]
 * spec.datasets.steps.map((row) => [row.step, row.conversion]) // => [['visit → cart', 0.5], ['visit → cart (end to end)', 0.5]]
 */
export function funnelChart(result: FunnelFigures, options: FunnelChartOptions = {}): VegaLiteSpec {
  const fn = 'funnelChart';
  const opts = chartOptions(fn, options, ['endToEnd']);
  if (opts.endToEnd !== undefined && typeof opts.endToEnd !== 'boolean') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: endToEnd must be true or false; got ${describeValue(opts.endToEnd)}`,
    );
  }
  const f = checkFunnel(fn, result);
  const first = f.stages[0]?.reached ?? 0;
  const pendingAt = new Map(f.steps.map((s) => [s.from, s.pending]));
  const stages: DataRow[] = f.stages.map((s, order) => ({
    stage: s.stage,
    reached: s.reached,
    share: first === 0 ? 0 : s.reached / first,
    pending: pendingAt.get(s.stage) ?? 0,
    order,
  }));
  const rows = opts.endToEnd === false ? f.steps : [...f.steps, { ...f.endToEnd, endToEnd: true }];
  const steps: DataRow[] = [];
  rows.forEach((s, order) => {
    if (s.conversion === null) return;
    const label = `${s.from} → ${s.to}${'endToEnd' in s ? ' (end to end)' : ''}`;
    steps.push({
      step: label,
      from: s.from,
      to: s.to,
      conversion: s.conversion.value,
      lower: s.conversion.lower,
      upper: s.conversion.upper,
      n: s.conversion.n,
      converted: s.converted,
      dropped: s.dropped,
      pending: s.pending,
      dropOff: s.dropOff,
      order,
    });
  });
  const stepOrder = rows.map((s) => `${s.from} → ${s.to}${'endToEnd' in s ? ' (end to end)' : ''}`);
  const width = opts.width ?? 240;
  const step = opts.height ?? 28;
  const end = f.endToEnd.conversion;
  const subtitle =
    end === null
      ? `every customer still pending (${f.endToEnd.pending})`
      : `end to end ${(100 * end.value).toFixed(1)}% [${(100 * end.lower).toFixed(1)}%, ${(100 * end.upper).toFixed(1)}%] (${end.method}, n=${end.n}${f.endToEnd.pending > 0 ? `, ${f.endToEnd.pending} pending` : ''})`;
  const stepTooltip = [
    { field: 'step', type: 'nominal' },
    { field: 'conversion', type: 'quantitative', format: '.1%' },
    { field: 'lower', type: 'quantitative', format: '.1%' },
    { field: 'upper', type: 'quantitative', format: '.1%' },
    { field: 'converted', type: 'quantitative' },
    { field: 'dropped', type: 'quantitative' },
    { field: 'pending', type: 'quantitative' },
  ];
  return {
    ...baseSpec(
      'Funnel: customers reaching each stage, and each step’s conversion with its confidence interval',
      opts.title ?? 'Funnel',
      { stages, steps },
      subtitle,
    ),
    hconcat: [
      {
        data: { name: 'stages' },
        width,
        height: { step },
        encoding: { y: { field: 'stage', type: 'nominal', sort: f.stages.map((s) => s.stage), title: null } },
        layer: [
          {
            name: 'bars',
            mark: { type: 'bar', color: COLORS.interval },
            encoding: {
              x: { field: 'reached', type: 'quantitative', title: 'customers reaching the stage' },
              tooltip: [
                { field: 'stage', type: 'nominal' },
                { field: 'reached', type: 'quantitative' },
                { field: 'share', type: 'quantitative', format: '.1%', title: 'of the first stage' },
                { field: 'pending', type: 'quantitative', title: 'pending here' },
              ],
            },
          },
          {
            name: 'counts',
            mark: { type: 'text', align: 'left', dx: 3, fontSize: 11 },
            encoding: {
              x: { field: 'reached', type: 'quantitative' },
              text: { field: 'reached', type: 'quantitative', format: ',d' },
            },
          },
        ],
      },
      {
        data: { name: 'steps' },
        width: Math.round(width * 1.1),
        height: { step },
        encoding: { y: { field: 'step', type: 'nominal', sort: stepOrder, title: null } },
        layer: [
          {
            name: 'interval',
            mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
            encoding: {
              x: {
                field: 'lower',
                type: 'quantitative',
                scale: { domain: [0, 1] },
                axis: { format: '.0%' },
                title: 'conversion',
              },
              x2: { field: 'upper' },
              tooltip: stepTooltip,
            },
          },
          {
            name: 'conversion',
            mark: { type: 'point', filled: true, size: 60, color: COLORS.point },
            encoding: { x: { field: 'conversion', type: 'quantitative' }, tooltip: stepTooltip },
          },
          {
            name: 'label',
            mark: { type: 'text', dy: -11, fontSize: 11 },
            encoding: {
              x: { field: 'conversion', type: 'quantitative' },
              text: { field: 'conversion', type: 'quantitative', format: '.1%' },
            },
          },
        ],
      },
    ],
  };
}

interface CheckedStep {
  from: string;
  to: string;
  converted: number;
  dropped: number;
  pending: number;
  dropOff: number | null;
  conversion: { value: number; lower: number; upper: number; n: number; method: string } | null;
}

/** The funnel figures, checked by shape (results are plain data, possibly parsed from JSON). */
function checkFunnel(
  fn: string,
  x: unknown,
): { stages: { stage: string; reached: number }[]; steps: CheckedStep[]; endToEnd: CheckedStep } {
  const bad = (what: string, value: unknown): never => {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${what}; expected a funnel result (from funnel, or one of its groups)`,
      { value },
    );
  };
  if (!isObject(x) || !Array.isArray(x.stages) || !Array.isArray(x.steps) || !isObject(x.endToEnd)) {
    return bad(`got ${describeValue(x)}`, x);
  }
  if (x.stages.length < 2 || x.steps.length !== x.stages.length - 1) {
    return bad(`${x.stages.length} stage(s) and ${x.steps.length} step(s)`, x);
  }
  const stages = x.stages.map((s: unknown, k) => {
    if (!isObject(s) || typeof s.stage !== 'string' || !isCount(s.reached)) {
      return bad(`stage at index ${k} is ${describeValue(s)}, not { stage, reached }`, s);
    }
    return { stage: s.stage, reached: s.reached };
  });
  const step = (s: unknown, what: string): CheckedStep => {
    if (
      !isObject(s) ||
      typeof s.from !== 'string' ||
      typeof s.to !== 'string' ||
      !isCount(s.converted) ||
      !isCount(s.dropped) ||
      !isCount(s.pending)
    ) {
      return bad(`${what} is ${describeValue(s)}, not a funnel step`, s);
    }
    const c = (s as Loose).conversion;
    if (c !== null && !isEstimate(c)) return bad(`${what} has a conversion that is not an Estimate`, s);
    const conversion = c === null ? null : drawableEstimate(fn, `the conversion of ${what}`, c);
    return {
      from: s.from,
      to: s.to,
      converted: s.converted,
      dropped: s.dropped,
      pending: s.pending,
      dropOff: typeof s.dropOff === 'number' ? s.dropOff : null,
      conversion,
    };
  };
  return {
    stages,
    steps: x.steps.map((s: unknown, k) => step(s, `step ${k}`)),
    endToEnd: step(x.endToEnd, 'endToEnd'),
  };
}
