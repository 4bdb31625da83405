import { CxMetricsError } from '../errors.ts';
import { mismatch, summaryArray, summaryCount, summaryNumber } from '../summary/check.ts';
import type { ScoreHistogram, ScoreWeights } from '../summary/types.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import type { Histogram } from './scoreHistogram.ts';

// What the NPS, CSAT and CES summaries share: the histogram over the scale, the skipped count,
// the weighted totals and the count of records of other survey types. Checking a histogram from
// outside, merging two, and the totals the estimates need.

/** The histogram fields of a summary, from what `readHistogram` read. @internal */
export function histogramFields(h: Histogram): Omit<ScoreHistogram, 'version'> {
  const out: Omit<ScoreHistogram, 'version'> = { counts: h.counts, skipped: h.skipped };
  if (h.weights !== undefined) out.weights = h.weights;
  if (h.otherTypes > 0) out.otherTypes = h.otherTypes;
  return out;
}

/** The histogram fields of a summary from outside, checked and copied (`points` = scale length). @internal */
export function checkHistogramFields(
  fn: string,
  s: Record<string, unknown>,
  points: number,
): Omit<ScoreHistogram, 'version'> {
  const counts = summaryArray(fn, 'counts', s.counts, points, summaryCount);
  const skipped = summaryCount(fn, 'skipped', s.skipped);
  const out: Omit<ScoreHistogram, 'version'> = { counts, skipped };
  if (s.weights !== undefined) out.weights = checkWeights(fn, s.weights, counts, skipped);
  if (s.otherTypes !== undefined) {
    const otherTypes = summaryCount(fn, 'otherTypes', s.otherTypes);
    if (otherTypes > 0) out.otherTypes = otherTypes;
  }
  return out;
}

function checkWeights(fn: string, w: unknown, counts: number[], skipped: number): ScoreWeights {
  if (w === null || typeof w !== 'object' || Array.isArray(w)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: weights must be { scale, sum, sumSquares, skippedSum, skippedSumSquares }`,
      {
        value: w,
      },
    );
  }
  const o = w as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['scale', 'sum', 'sumSquares', 'skippedSum', 'skippedSumSquares'].includes(key)) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: unknown field '${key}' in weights`, { value: key });
    }
  }
  const nonNegative = (f: string, name: string, x: unknown) => summaryNumber(f, name, x, 'non-negative');
  const weights: ScoreWeights = {
    scale: summaryNumber(fn, 'weights.scale', o.scale, 'positive'),
    sum: summaryArray(fn, 'weights.sum', o.sum, counts.length, nonNegative),
    sumSquares: summaryArray(fn, 'weights.sumSquares', o.sumSquares, counts.length, nonNegative),
    skippedSum: nonNegative(fn, 'weights.skippedSum', o.skippedSum),
    skippedSumSquares: nonNegative(fn, 'weights.skippedSumSquares', o.skippedSumSquares),
  };
  for (let k = 0; k <= counts.length; k++) {
    const last = k === counts.length;
    const name = last ? 'weights.skippedSum' : `weights.sum[${k}]`;
    const count = last ? skipped : (counts[k] as number);
    const sum = last ? weights.skippedSum : (weights.sum[k] as number);
    const squares = last ? weights.skippedSumSquares : (weights.sumSquares[k] as number);
    // For weights u ≥ 0 over `count` answers: (Σu)²/count ≤ Σu² ≤ (Σu)², and both are 0 together.
    // (Squares of weights far below the scale may underflow to 0, hence the absolute slack.)
    const fits =
      count === 0
        ? sum === 0 && squares === 0
        : squares <= sum * sum * (1 + 1e-9) + 1e-300 && squares * count >= sum * sum * (1 - 1e-9) - 1e-300;
    if (!fits) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${name} (${sum}) and its sum of squares (${squares}) cannot come from ${count} answer${count === 1 ? '' : 's'} with weights ≥ 0`,
        { value: sum },
      );
    }
  }
  return weights;
}

/** Two histograms added: counts exactly, weighted sums rescaled to the larger weight scale. @internal */
export function mergeHistogramFields(
  fn: string,
  a: Omit<ScoreHistogram, 'version'>,
  b: Omit<ScoreHistogram, 'version'>,
): Omit<ScoreHistogram, 'version'> {
  if ((a.weights === undefined) !== (b.weights === undefined)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge a weighted summary with an unweighted one; summarize every part with weights, or none`,
    );
  }
  const out: Omit<ScoreHistogram, 'version'> = {
    counts: a.counts.map((c, k) => c + (b.counts[k] as number)),
    skipped: a.skipped + b.skipped,
  };
  if (a.weights !== undefined && b.weights !== undefined) out.weights = mergeWeights(fn, a.weights, b.weights);
  const otherTypes = (a.otherTypes ?? 0) + (b.otherTypes ?? 0);
  if (otherTypes > 0) out.otherTypes = otherTypes;
  return out;
}

function mergeWeights(fn: string, a: ScoreWeights, b: ScoreWeights): ScoreWeights {
  // The larger scale of a summary with answered weight, so the answers' largest term stays near 1
  // (a summary of skipped answers only must not push the answers' squares into underflow).
  const answered = (w: ScoreWeights) => w.sum.some((x) => x > 0);
  const candidates = [a, b].filter(answered);
  const weighty = [a, b].filter((w) => w.skippedSum > 0 || answered(w));
  const pool = candidates.length > 0 ? candidates : weighty.length > 0 ? weighty : [a, b];
  const scale = Math.max(...pool.map((w) => w.scale));
  // A part without any weight (only zero weights, or no answers) contributes nothing, whatever its scale.
  const empty = (w: ScoreWeights) => w.skippedSum === 0 && !w.sum.some((x) => x > 0);
  const fa = empty(a) ? 0 : a.scale / scale;
  const fb = empty(b) ? 0 : b.scale / scale;
  const fa2 = fa * fa;
  const fb2 = fb * fb;
  const out = {
    scale,
    sum: a.sum.map((x, k) => x * fa + (b.sum[k] as number) * fb),
    sumSquares: a.sumSquares.map((x, k) => x * fa2 + (b.sumSquares[k] as number) * fb2),
    skippedSum: a.skippedSum * fa + b.skippedSum * fb,
    skippedSumSquares: a.skippedSumSquares * fa2 + b.skippedSumSquares * fb2,
  };
  if (!Number.isFinite(out.skippedSumSquares) || out.sumSquares.some((q) => !Number.isFinite(q))) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the summaries' weight scales (${a.scale} and ${b.scale}) are too far apart to add; weights cannot span that range`,
    );
  }
  return out;
}

/** The same scale, field by field, or INVALID_VALUE naming the first field that differs. @internal */
export function sameScale<S extends object>(fn: string, a: S, b: S): void {
  for (const key of Object.keys(a) as (keyof S)[]) {
    if (a[key] !== b[key]) throw mismatch(fn, `scales (${String(key)})`, a, b);
  }
}

/** The EMPTY_INPUT error for a survey with no answered score. @internal */
export function noAnswersError(fn: string, skipped: number, min: number, max: number): CxMetricsError {
  return new CxMetricsError(
    'EMPTY_INPUT',
    `${fn}: no answered scores${skipped > 0 ? ` (all ${skipped} skipped)` : ''}; expected at least one score from ${min} to ${max}`,
  );
}

/** The EMPTY_INPUT error for answers whose weights are all 0. @internal */
export function zeroWeightError(fn: string): CxMetricsError {
  return new CxMetricsError(
    'EMPTY_INPUT',
    `${fn}: every answered score has weight 0; expected a positive total weight`,
  );
}

/** The OTHER_TYPES warning for records of another survey type left out. @internal */
export function otherTypesWarning(fn: string, count: number): CxWarning {
  return warning(
    'OTHER_TYPES',
    `${fn}: ${count} record${count === 1 ? '' : 's'} of another survey type left out (otherTypes: 'exclude')`,
  );
}
