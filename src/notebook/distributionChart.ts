import { CxMetricsError } from '../errors.ts';
import { formatResult } from '../format/formatResult.ts';
import { isEstimate, isObject, type Loose } from '../format/kinds.ts';
import type { ScalePoint } from '../metrics/scaleSummary.ts';
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
 * Options of `distributionChart`.
 *
 * @example
 * distributionChart(csat([5, 4, 4, 3, 1]), { metric: 'Satisfaction' }).title.text // => 'Satisfaction answers by score'
 */
export interface DistributionChartOptions extends ChartOptions {
  /** Name of the metric for the default title: 'CSAT', 'CES', …; inferred from the result's scale. */
  metric?: string;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The highlighted group of a score: satisfied (CSAT), easy (CES) or none. */
function grouping(result: Loose): { metric: string; label: string; test: (score: number) => boolean } | undefined {
  const scale = isObject(result.scale) ? result.scale : {};
  if (isNum(scale.satisfiedMin)) {
    const min = scale.satisfiedMin;
    return { metric: 'CSAT', label: 'satisfied', test: (s) => s >= min };
  }
  if (isNum(scale.easyThreshold)) {
    const threshold = scale.easyThreshold;
    const lowerIsEasier = scale.direction === 'lower-is-easier';
    return { metric: 'CES', label: 'easy', test: (s) => (lowerIsEasier ? s <= threshold : s >= threshold) };
  }
  return undefined;
}

/**
 * A Vega-Lite v5 bar chart of the answers at each point of a rating scale: the share of answers
 * per score, labelled with the count, the satisfied (CSAT) or easy (CES) scores highlighted.
 *
 * Takes any result with a `distribution` of `{ score, count, share }` (`csat`, `ces`); the
 * highlighted group follows the result's `scale` (`satisfiedMin` for CSAT; `easyThreshold` and
 * `direction` for CES). The subtitle is the result's headline figure when it is an Estimate. Data
 * is inlined as `datasets.distribution` (`score`, `count`, `share`, `group`).
 *
 * @param result - a `csat` or `ces` result, or any `{ distribution: { score, count, share }[] }`
 * @param options - `metric` (for the title), `title`, `width`, `height`
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE when there is no distribution array or a point is not
 *   `{ score, count, share }` with finite numbers (with the index); EMPTY_INPUT for an empty
 *   distribution; INVALID_OPTION for bad options
 * @example
 * const spec = distributionChart(csat([5, 4, 4, 3, 1]))
 * spec.datasets.distribution.map((row) => row.count) // => [1, 0, 1, 2, 1]
 * spec.datasets.distribution.map((row) => row.group) // => ['other', 'other', 'other', 'satisfied', 'satisfied']
 */
export function distributionChart(
  result: { distribution: readonly ScalePoint[]; scale?: object },
  options: DistributionChartOptions = {},
): VegaLiteSpec {
  const fn = 'distributionChart';
  const opts = chartOptions(fn, options, ['metric']);
  if (opts.metric !== undefined && typeof opts.metric !== 'string') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: metric must be a string; got ${describeValue(opts.metric)}`);
  }
  if (!isObject(result) || !Array.isArray(result.distribution)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a result with a distribution (csat, ces); got ${describeValue(result)}`,
      { value: result },
    );
  }
  const points = result.distribution as readonly unknown[];
  if (points.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: the distribution is empty`);
  const groups = grouping(result as Loose);
  const distribution: DataRow[] = points.map((p, index) => {
    if (!isObject(p) || !isNum(p.score) || !isNum(p.count) || !isNum(p.share)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: distribution point at index ${index} is ${describeValue(p)}; expected { score, count, share } with finite numbers`,
        { index, value: p },
      );
    }
    return {
      score: p.score,
      count: p.count,
      share: p.share,
      group: groups === undefined ? 'answers' : groups.test(p.score) ? groups.label : 'other',
    };
  });
  const metric = opts.metric ?? groups?.metric ?? 'Score';
  const subtitle = isEstimate(result) ? formatResult(result).split('\n')[0] : undefined;
  const x = { field: 'score', type: 'ordinal', title: 'score', axis: { labelAngle: 0 } };
  const y = { field: 'share', type: 'quantitative', axis: { format: '.0%' }, title: 'share of answers' };
  const domain = groups === undefined ? ['answers'] : [groups.label, 'other'];
  const range = groups === undefined ? [COLORS.highlight] : [COLORS.highlight, COLORS.muted];
  return {
    ...baseSpec(`${metric} score distribution`, opts.title ?? `${metric} answers by score`, { distribution }, subtitle),
    data: { name: 'distribution' },
    width: opts.width ?? 320,
    height: opts.height ?? 200,
    layer: [
      {
        name: 'bars',
        mark: { type: 'bar' },
        encoding: {
          x,
          y,
          color: {
            field: 'group',
            type: 'nominal',
            scale: { domain, range },
            legend: groups === undefined ? null : { orient: 'bottom', title: null },
          },
          tooltip: [
            { field: 'score', type: 'ordinal' },
            { field: 'count', type: 'quantitative' },
            { field: 'share', type: 'quantitative', format: '.1%' },
          ],
        },
      },
      {
        name: 'counts',
        mark: { type: 'text', dy: -6, fontSize: 10 },
        encoding: { x, y, text: { field: 'count', type: 'quantitative' } },
      },
    ],
  };
}
