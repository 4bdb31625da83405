import { CxMetricsError } from '../errors.ts';
import { isObject, type Loose } from '../format/kinds.ts';
import type { TouchpointDriversResult } from '../journey/touchpointDrivers.ts';
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
 * Options of `driverChart`.
 *
 * @example
 * const responses = [{ nps: 10, a: 5 }, { nps: 9, a: 4 }, { nps: 3, a: 2 }, { nps: 6, a: 1 }, { nps: 8, a: 3 }]
 * const spec = driverChart(touchpointDrivers(responses, { nps: 'nps', touchpoints: ['a'] }), { coefficient: 'pearson' })
 * spec.hconcat[0].layer[1].encoding.x.title // => "Pearson's r with NPS answer"
 */
export interface DriverChartOptions extends ChartOptions {
  /** Which correlation the left panel shows: `'spearman'` (default) or `'pearson'`. */
  coefficient?: 'spearman' | 'pearson';
}

/**
 * A Vega-Lite v5 chart of touchpoint drivers: one row per touchpoint in ranked order; on the left
 * its correlation with the NPS answer (Spearman's rho by default) as a dot with its Fisher-z
 * interval against a dashed line at 0, on a −1…1 axis; on the right the NPS of the satisfied
 * minus the NPS of the others, in points, with its interval and a line at 0.
 *
 * An interval that crosses 0 is an association the data cannot tell from none at that
 * confidence (unadjusted; the adjusted p-values are in the tooltips). Association, not cause.
 * A touchpoint without a figure (too few pairs, one group empty) keeps its row, without a dot.
 * Data is inlined as `datasets.correlations` (`touchpoint`, `rank`, `value`, `lower`, `upper`,
 * `n`, `pValue`, `adjustedPValue`) and `datasets.differences` (`touchpoint`, `rank`,
 * `difference`, `lower`, `upper`, `satisfied`, `notSatisfied`, `pValue`, `adjustedPValue`).
 *
 * @param result - a `touchpointDrivers` result
 * @param options - `coefficient` ('spearman'), `title`, `width` (of each panel), `height` (per row)
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not a touchpointDrivers result or
 *   has non-finite figures; INVALID_OPTION for bad options
 * @example
 * const responses = [
 *   { nps: 10, checkout: 5, delivery: 5 }, { nps: 9, checkout: 4, delivery: 5 }, { nps: 8, checkout: 4, delivery: 4 },
 *   { nps: 6, checkout: 5, delivery: 2 }, { nps: 3, checkout: 3, delivery: 1 }, { nps: 7, checkout: 2, delivery: 3 },
 * ]
 * const spec = driverChart(touchpointDrivers(responses, { nps: 'nps', touchpoints: ['checkout', 'delivery'] }))
 * spec.datasets.correlations.map((row) => row.touchpoint) // => ['delivery', 'checkout']
 * spec.datasets.differences[0].difference // => 400 / 3 (to 1e-12) (NPS 66.7 against −66.7)
 */
export function driverChart(result: TouchpointDriversResult, options: DriverChartOptions = {}): VegaLiteSpec {
  const fn = 'driverChart';
  const opts = chartOptions(fn, options, ['coefficient']);
  const coefficient = opts.coefficient ?? 'spearman';
  if (coefficient !== 'spearman' && coefficient !== 'pearson') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: coefficient must be 'spearman' or 'pearson'; got ${describeValue(opts.coefficient)}`,
    );
  }
  const x = result as unknown;
  if (!isObject(x) || !Array.isArray(x.drivers) || x.drivers.length === 0) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a touchpointDrivers result with at least one driver; got ${describeValue(x)}`,
      { value: x },
    );
  }
  const correlations: DataRow[] = [];
  const differences: DataRow[] = [];
  const order: string[] = [];
  x.drivers.forEach((d: unknown, index) => {
    if (!isObject(d) || typeof d.touchpoint !== 'string' || !isObject(d.adjustedPValues)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: driver at index ${index} is ${describeValue(d)}; expected a TouchpointDriver`,
        { index, value: d },
      );
    }
    const adjusted = d.adjustedPValues as Loose;
    const rank = typeof d.rank === 'number' ? d.rank : index + 1;
    order.push(d.touchpoint);
    const c = d[coefficient];
    if (c !== null && c !== undefined) {
      const e = drawableEstimate(fn, `the ${coefficient} correlation of '${d.touchpoint}'`, c, index);
      correlations.push({
        touchpoint: d.touchpoint,
        rank,
        value: e.value,
        lower: e.lower,
        upper: e.upper,
        n: e.n,
        pValue: numberOrNull((c as Loose).pValue),
        adjustedPValue: numberOrNull(adjusted[coefficient]),
      });
    }
    const g = d.npsDifference;
    if (g !== null && g !== undefined) {
      const diff = g as Loose;
      const values = [diff.difference, diff.lower, diff.upper];
      if (
        !values.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
        (diff.lower as number) > (diff.upper as number)
      ) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: the NPS difference of '${d.touchpoint}' is ${describeValue(diff.difference)} [${describeValue(diff.lower)}, ${describeValue(diff.upper)}]; expected finite numbers with lower ≤ upper`,
          { index, value: g },
        );
      }
      differences.push({
        touchpoint: d.touchpoint,
        rank,
        difference: diff.difference as number,
        lower: diff.lower as number,
        upper: diff.upper as number,
        satisfied: numberOrNull(d.satisfied),
        notSatisfied: numberOrNull(d.notSatisfied),
        pValue: numberOrNull(diff.pValue),
        adjustedPValue: numberOrNull(adjusted.npsDifference),
      });
    }
  });
  const width = opts.width ?? 240;
  const step = opts.height ?? 28;
  // An explicit domain keeps a row for a touchpoint without a figure, and the two panels aligned.
  const y = { field: 'touchpoint', type: 'nominal', sort: order, scale: { domain: order }, title: null };
  const name = coefficient === 'spearman' ? "Spearman's rho" : "Pearson's r";
  const zero = {
    name: 'zero',
    data: { values: [{}] },
    mark: { type: 'rule', color: COLORS.reference, strokeDash: [3, 3] },
    encoding: { x: { datum: 0, type: 'quantitative' } },
  };
  const pTooltip = [
    { field: 'pValue', type: 'quantitative', format: '.3~g', title: 'p-value' },
    { field: 'adjustedPValue', type: 'quantitative', format: '.3~g', title: 'adjusted p-value' },
  ];
  const n = typeof x.respondents === 'number' ? `, n=${x.respondents}` : '';
  return {
    ...baseSpec(
      `Touchpoint drivers of NPS: ${name} of each rating with the NPS answer, and the NPS difference between satisfied and other respondents, with intervals`,
      opts.title ?? 'Touchpoint drivers of NPS',
      { correlations, differences },
      `association, not cause${n}`,
    ),
    hconcat: [
      {
        width,
        height: { step },
        layer: [
          { ...zero, name: 'correlationZero' },
          {
            name: 'correlationInterval',
            data: { name: 'correlations' },
            mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
            encoding: {
              y,
              x: { field: 'lower', type: 'quantitative', scale: { domain: [-1, 1] }, title: `${name} with NPS answer` },
              x2: { field: 'upper' },
            },
          },
          {
            name: 'correlation',
            data: { name: 'correlations' },
            mark: { type: 'point', filled: true, size: 60, color: COLORS.point },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative' },
              tooltip: [
                { field: 'touchpoint', type: 'nominal' },
                { field: 'value', type: 'quantitative', format: '.2f', title: name },
                { field: 'lower', type: 'quantitative', format: '.2f' },
                { field: 'upper', type: 'quantitative', format: '.2f' },
                { field: 'n', type: 'quantitative' },
                ...pTooltip,
              ],
            },
          },
        ],
      },
      {
        width,
        height: { step },
        layer: [
          { ...zero, name: 'differenceZero' },
          {
            name: 'differenceInterval',
            data: { name: 'differences' },
            mark: { type: 'rule', strokeWidth: 2, color: COLORS.interval },
            encoding: {
              y: { ...y, axis: null },
              x: { field: 'lower', type: 'quantitative', title: 'NPS satisfied − others (points)' },
              x2: { field: 'upper' },
            },
          },
          {
            name: 'difference',
            data: { name: 'differences' },
            mark: { type: 'point', filled: true, size: 60, shape: 'diamond', color: COLORS.point },
            encoding: {
              y: { ...y, axis: null },
              x: { field: 'difference', type: 'quantitative' },
              tooltip: [
                { field: 'touchpoint', type: 'nominal' },
                { field: 'difference', type: 'quantitative', format: '.1f', title: 'NPS difference' },
                { field: 'lower', type: 'quantitative', format: '.1f' },
                { field: 'upper', type: 'quantitative', format: '.1f' },
                { field: 'satisfied', type: 'quantitative' },
                { field: 'notSatisfied', type: 'quantitative', title: 'not satisfied' },
                ...pTooltip,
              ],
            },
          },
        ],
      },
    ],
  };
}

function numberOrNull(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
