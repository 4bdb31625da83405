import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type {
  CesSummary,
  CsatSummary,
  MeanSummary,
  NpsSummary,
  ProportionSummary,
  ScoreWeights,
} from '../summary/types.ts';
import type { Params } from './dialect.ts';
import { type QueryBase, type QueryParts, q } from './query.ts';
import { rowCount, rowFinite, rowNumber, type SqlRow } from './rows.ts';

// The survey metrics in SQL. NPS, CSAT and CES: one row per (group, score) with the count and,
// when weighted, Σw, Σw², max w, min w and the count of non-NULL weights — the histogram, read
// back under the scale the options name (a score off the scale is refused, as in memory).
// Proportion: one row per (group, value) with its count. Mean: n, the first-pass mean and the
// deviations' sum and sum of squares from it (the compensated two-pass of meanInterval, with the
// first pass an AVG window), so M2 never comes from the cancelling Σx² − (Σx)²/n.

/** How one metric writes its query and reads its rows back into a summary. @internal */
export interface SqlMetricSpec {
  columns: { required: readonly string[]; optional: readonly string[] };
  /** The metric's own options (scale, asOf, …). */
  optionKeys: readonly string[];
  /** Check the metric's options before any SQL is written (INVALID_OPTION). */
  check(fn: string, o: Record<string, unknown>): void;
  query(base: QueryBase, params: Params, o: Record<string, unknown>): QueryParts;
  /** One group's rows (possibly none) → its summary (checked by the family afterwards). */
  summary(fn: string, rows: readonly SqlRow[], base: QueryBase, o: Record<string, unknown>): unknown;
}

type HistogramSummary = NpsSummary | CsatSummary | CesSummary;

/** The histogram spec of a survey family (nps, csat, ces); `keys` are its scale options. @internal */
export function histogramSpec(family: SummaryFamily, keys: readonly string[]): SqlMetricSpec {
  const empty = (fn: string, o: Record<string, unknown>) => {
    const scaleOptions: Record<string, unknown> = {};
    for (const k of keys) if (o[k] !== undefined) scaleOptions[k] = o[k];
    return family.summarize(fn, [], scaleOptions) as HistogramSummary;
  };
  return {
    columns: { required: ['score'], optional: ['weight'] },
    optionKeys: keys,
    check: (fn, o) => void empty(fn, o),
    query(base) {
      const weighted = base.columns.weight !== undefined;
      const projections = [`${q(base, base.columns.score as string)} AS "cx_score"`];
      const aggregates = ['COUNT(*) AS "cx_count"'];
      if (weighted) {
        projections.push(`CAST(${q(base, base.columns.weight as string)} AS DOUBLE PRECISION) AS "cx_weight"`);
        aggregates.push(
          'SUM("cx_weight") AS "cx_weight_sum"',
          'SUM("cx_weight" * "cx_weight") AS "cx_weight_squares"',
          'MAX("cx_weight") AS "cx_weight_max"',
          'MIN("cx_weight") AS "cx_weight_min"',
          'COUNT("cx_weight") AS "cx_weighted"',
        );
      }
      return { projections, extraKeys: ['"cx_score"'], aggregates };
    },
    summary(fn, rows, base, o) {
      const s = empty(fn, o);
      const { min, max } = s.scale;
      const counts = s.counts.slice();
      let skipped = 0;
      const weighted = base.columns.weight !== undefined;
      const raw = { sum: counts.map(() => 0), squares: counts.map(() => 0), skippedSum: 0, skippedSquares: 0 };
      let answeredMax = 0;
      let skippedMax = 0;
      for (const row of rows) {
        const count = rowCount(fn, row, 'cx_count');
        const score = rowNumber(fn, row, 'cx_score');
        let k = -1;
        if (score === undefined) skipped += count;
        else {
          k = score - min;
          if (!Number.isInteger(score) || score < min || score > max) {
            throw new CxMetricsError(
              'INVALID_VALUE',
              `${fn}: ${count} row(s) have score ${describe(score)}; expected an integer from ${min} to ${max} (NULL is a skipped answer)`,
              { value: score },
            );
          }
          counts[k] = (counts[k] as number) + count;
        }
        if (!weighted) continue;
        const withWeight = rowCount(fn, row, 'cx_weighted');
        const least = rowNumber(fn, row, 'cx_weight_min');
        const most = rowNumber(fn, row, 'cx_weight_max');
        if (
          withWeight !== count ||
          (least !== undefined && !(least >= 0)) ||
          (most !== undefined && !Number.isFinite(most))
        ) {
          const what =
            withWeight !== count
              ? `${count - withWeight} have a NULL weight`
              : `their weights run from ${describe(least)} to ${describe(most)}`;
          throw new CxMetricsError(
            'INVALID_VALUE',
            `${fn}: of the ${count} row(s) with score ${describe(score ?? null)}, ${what}; expected every weight a finite number ≥ 0`,
            { value: score ?? null },
          );
        }
        const sum = rowFinite(fn, row, 'cx_weight_sum');
        const squares = rowFinite(fn, row, 'cx_weight_squares');
        if (k < 0) {
          raw.skippedSum += sum;
          raw.skippedSquares += squares;
          skippedMax = Math.max(skippedMax, most ?? 0);
        } else {
          raw.sum[k] = (raw.sum[k] as number) + sum;
          raw.squares[k] = (raw.squares[k] as number) + squares;
          answeredMax = Math.max(answeredMax, most ?? 0);
        }
      }
      const out: HistogramSummary = { ...s, counts, skipped };
      if (weighted) {
        // As summarize does: sums of w / scale, scale the largest answered weight (of a skipped
        // one when no answer has weight; 1 when every weight is 0).
        const scale = answeredMax > 0 ? answeredMax : skippedMax > 0 ? skippedMax : 1;
        const weights: ScoreWeights = {
          scale,
          sum: raw.sum.map((x) => x / scale),
          sumSquares: raw.squares.map((x) => x / scale / scale),
          skippedSum: raw.skippedSum / scale,
          skippedSumSquares: raw.skippedSquares / scale / scale,
        };
        out.weights = weights;
      }
      return out;
    },
  };
}

/** Successes out of n from one row per distinct value (true/false or 1/0). @internal */
export const PROPORTION_SPEC: SqlMetricSpec = {
  columns: { required: ['value'], optional: [] },
  optionKeys: [],
  check: () => undefined,
  query(base) {
    return {
      projections: [`${q(base, base.columns.value as string)} AS "cx_value"`],
      extraKeys: ['"cx_value"'],
      aggregates: ['COUNT(*) AS "cx_count"'],
    };
  },
  summary(fn, rows): ProportionSummary {
    let successes = 0;
    let n = 0;
    for (const row of rows) {
      const count = rowCount(fn, row, 'cx_count');
      const v = row.cx_value;
      const success = v === true || v === 1 || v === 1n || v === '1';
      if (!success && v !== false && v !== 0 && v !== 0n && v !== '0') {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: ${count} row(s) have value ${describe(v)}; expected true or false (1 or 0)` +
            (v === null || v === undefined
              ? ' — a proportion has no skipped answers: filter them with where: { column: { not: null } }'
              : ''),
          { value: v },
        );
      }
      n += count;
      if (success) successes += count;
    }
    return { kind: 'proportion-summary', version: 1, successes, n };
  },
};

/** n, mean and M2 by a compensated two-pass over a window mean. @internal */
export const MEAN_SPEC: SqlMetricSpec = {
  columns: { required: ['value'], optional: [] },
  optionKeys: [],
  check: () => undefined,
  query(base) {
    const d = '("cx_value" - "cx_first")';
    return {
      projections: [`CAST(${q(base, base.columns.value as string)} AS DOUBLE PRECISION) AS "cx_value"`],
      window: (partition) => [`AVG("cx_value") OVER (${partition}) AS "cx_first"`],
      aggregates: [
        'COUNT(*) AS "cx_rows"',
        'COUNT("cx_value") AS "cx_n"',
        'MAX("cx_first") AS "cx_first_mean"',
        `SUM(${d}) AS "cx_correction"`,
        `SUM(${d} * ${d}) AS "cx_squares"`,
      ],
    };
  },
  summary(fn, rows): MeanSummary {
    if (rows.length > 1) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${rows.length} rows for one group; expected one (n, mean, M2)`);
    }
    const row = rows[0];
    if (row === undefined) return { kind: 'mean-summary', version: 1, n: 0, mean: 0, m2: 0 };
    const all = rowCount(fn, row, 'cx_rows');
    const n = rowCount(fn, row, 'cx_n');
    if (all !== n) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${all - n} row(s) have a NULL value; expected finite numbers (filter them with where: { column: { not: null } })`,
      );
    }
    if (n === 0) return { kind: 'mean-summary', version: 1, n: 0, mean: 0, m2: 0 };
    const first = rowFinite(fn, row, 'cx_first_mean');
    const correction = rowFinite(fn, row, 'cx_correction');
    const squares = rowFinite(fn, row, 'cx_squares');
    const mean = first + correction / n;
    const m2 = n > 1 ? Math.max(0, squares - (correction * correction) / n) : 0;
    return { kind: 'mean-summary', version: 1, n, mean, m2 };
  },
};
