import { CxMetricsError } from '../errors.ts';
import { isEstimate, isObject } from '../format/kinds.ts';
import type { CohortRetentionResult } from '../metrics/retention.ts';
import { baseSpec, type ChartOptions, chartOptions, type DataRow, describeValue, type VegaLiteSpec } from './spec.ts';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A Vega-Lite v5 heatmap of a cohort retention table: one row per cohort, one column per period
 * since the cohort's start, each cell shaded and labelled with the share still active.
 *
 * Cells not yet observable are absent from the table and stay blank, never 0. The tooltip gives
 * the cell's interval and counts. Data is inlined as `datasets.cells` (`cohort`, `period`,
 * `retained`, `lower`, `upper`, `active`, `atStart`).
 *
 * @param table - a `cohortRetention` result
 * @param options - `title`, `width`, `height` (per cohort row)
 * @returns the Vega-Lite spec
 * @throws CxMetricsError INVALID_VALUE for something that is not a cohort table or a cell
 *   without a finite `retained` share in [0, 1] (with the cohort's index); EMPTY_INPUT when no
 *   cohort has a cell yet; INVALID_OPTION for bad options
 * @example
 * const customers = [
 *   { id: 'a', startedAt: '2025-01-05', endedAt: '2025-02-10' },
 *   { id: 'b', startedAt: '2025-01-20' },
 *   { id: 'c', startedAt: '2025-02-14' },
 * ]
 * const spec = cohortRetentionChart(cohortRetention(customers, { period: 'month', asOf: '2025-04-01' }))
 * spec.datasets.cells.map((cell) => [cell.cohort, cell.period, cell.retained]) // => [['2025-01', 0, 1], ['2025-01', 1, 1], ['2025-01', 2, 0.5], ['2025-01', 3, 0.5], ['2025-02', 0, 1], ['2025-02', 1, 1], ['2025-02', 2, 1]]
 */
export function cohortRetentionChart(table: CohortRetentionResult, options: ChartOptions = {}): VegaLiteSpec {
  const fn = 'cohortRetentionChart';
  const opts = chartOptions(fn, options, []);
  const t = table as unknown;
  if (!isObject(t) || !Array.isArray(t.cohorts)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a cohortRetention result with cohorts; got ${describeValue(t)}`,
      { value: t },
    );
  }
  const inUnit = (x: unknown) => isNum(x) && x >= 0 && x <= 1;
  const cells: DataRow[] = [];
  const order: string[] = [];
  (t.cohorts as unknown[]).forEach((row, index) => {
    if (!isObject(row) || typeof row.cohort !== 'string' || !Array.isArray(row.cells)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: cohort at index ${index} is ${describeValue(row)}; expected { cohort, cells }`,
        { index, value: row },
      );
    }
    order.push(row.cohort);
    for (const cell of row.cells as unknown[]) {
      const retained = isObject(cell) ? cell.retained : undefined;
      if (
        !isObject(cell) ||
        !isNum(cell.period) ||
        !isEstimate(retained) ||
        ![retained.value, retained.lower, retained.upper].every(inUnit)
      ) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: cohort ${row.cohort} (index ${index}) has a cell ${describeValue(cell)}; expected { period, retained } with retained value and bounds in [0, 1]`,
          { index, value: cell },
        );
      }
      cells.push({
        cohort: row.cohort,
        period: cell.period,
        retained: retained.value,
        lower: retained.lower,
        upper: retained.upper,
        active: isNum(cell.active) ? cell.active : null,
        atStart: isNum(cell.atStart) ? cell.atStart : null,
      });
    }
  });
  if (cells.length === 0) {
    throw new CxMetricsError('EMPTY_INPUT', `${fn}: no cohort has an observable cell yet; nothing to draw`);
  }
  const period = typeof t.period === 'string' ? t.period : 'period';
  const x = { field: 'period', type: 'ordinal', title: `${period}s since start`, axis: { labelAngle: 0 } };
  const y = { field: 'cohort', type: 'ordinal', sort: order, title: 'cohort' };
  const periods = new Set(cells.map((c) => c.period)).size;
  return {
    ...baseSpec(`Cohort retention by ${period}`, opts.title ?? `Retention by ${period} cohort`, { cells }),
    data: { name: 'cells' },
    width: opts.width ?? Math.max(160, 44 * periods),
    height: { step: opts.height ?? 24 },
    encoding: { x, y },
    layer: [
      {
        name: 'cells',
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'retained',
            type: 'quantitative',
            scale: { domain: [0, 1], scheme: 'blues' },
            legend: { format: '.0%', title: 'retained' },
          },
          tooltip: [
            { field: 'cohort', type: 'ordinal' },
            { field: 'period', type: 'ordinal' },
            { field: 'retained', type: 'quantitative', format: '.1%' },
            { field: 'lower', type: 'quantitative', format: '.1%' },
            { field: 'upper', type: 'quantitative', format: '.1%' },
            { field: 'active', type: 'quantitative' },
            { field: 'atStart', type: 'quantitative', title: 'cohort size' },
          ],
        },
      },
      {
        name: 'labels',
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'retained', type: 'quantitative', format: '.0%' },
          color: { condition: { test: 'datum.retained > 0.6', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
