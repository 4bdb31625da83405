import { CxMetricsError } from '../errors.ts';
import { ownField } from '../ownField.ts';
import { describe } from '../stats/validate.ts';
import type { ScoreWeights } from '../summary/types.ts';
import { type ArrowColumn, arrowColumnOf, arrowValues, forEachArrowValue, isArrowColumn } from './arrowColumn.ts';
import type { OtherTypes } from './scores.ts';

// One validating pass from survey answers into the histogram over the scale: no per-answer copy,
// memory O(scale). There is one loop per input kind (typed array, plain array, records by key,
// records by function) so that each stays monomorphic and tight; weights and huge sparse arrays
// take a general loop. Every loop accepts exactly the same values: integers on the scale;
// null/undefined are skipped answers, counted; anything else is an INVALID_VALUE naming the index.

/** The survey types a record's `type` can name (as parseResponses writes them). @internal */
export type SurveyType = 'nps' | 'csat' | 'ces';

const SURVEY_TYPES: readonly string[] = ['nps', 'csat', 'ces'];

/** What `readHistogram` reads. @internal */
export interface HistogramRequest {
  /** The metric's own survey type: records of the others are refused or excluded. */
  survey: SurveyType;
  /** Inclusive integer range the scores must fall in. */
  min: number;
  max: number;
  accessor: unknown;
  weights: unknown;
  otherTypes: OtherTypes;
}

/** Answers counted per score, skipped answers, weighted totals and left-out records. @internal */
export interface Histogram {
  /** counts[k]: answers with score min + k. */
  counts: number[];
  skipped: number;
  weights?: ScoreWeights;
  /** Records of another survey type left out (otherTypes: 'exclude'). */
  otherTypes: number;
}

// Arrays longer than this cannot hold their elements contiguously in V8 (its largest backing
// store is about 1.7·10⁸ slots), so they are sparse: their present elements are visited by key,
// holes counted as skipped without visiting each. Typed arrays are always dense and keep the loop.
const SPARSE_LENGTH = 2 ** 28;
const MAX_LENGTH = 2 ** 32 - 1;

/** Read survey answers once into the histogram over [min, max]. @internal */
export function readHistogram(fn: string, input: unknown, request: HistogramRequest): Histogram {
  // Apache Arrow (a vector, or a table with the column's name as accessor): read from its buffers.
  const column = arrowColumnOf(fn, input, request.accessor);
  const arrowWeights = isArrowColumn(request.weights);
  const plainWeights = arrowWeights ? arrowValues(request.weights as ArrowColumn) : request.weights;
  if (column !== undefined && plainWeights === undefined) return countArrow(fn, column, request);
  if (column !== undefined) {
    return readHistogram(fn, arrowValues(column), { ...request, accessor: undefined, weights: plainWeights });
  }
  if (arrowWeights) return readHistogram(fn, input, { ...request, weights: plainWeights });
  const items = checkInput(fn, input);
  const span = request.max - request.min;
  const counts = new Float64Array(span + 1);
  const accessor = resolveAccessor(fn, request.accessor);
  const weights = checkWeights(fn, request.weights, items.length);
  const tally: Tally = { skipped: 0, otherTypes: 0 };
  let weighted: ScoreWeights | undefined;
  if (weights !== undefined) {
    weighted = countWeighted(fn, items, accessor, weights, request, counts, tally);
  } else if (items.length > SPARSE_LENGTH && !ArrayBuffer.isView(items)) {
    countSparse(fn, items, accessor, request, counts, tally);
  } else if (accessor.kind === 'key') {
    countByKey(fn, items, accessor.key, request, counts, tally);
  } else if (accessor.kind === 'function') {
    countByFunction(fn, items, accessor.read, request, counts, tally);
  } else if (isNumberTypedArray(items)) {
    tally.skipped = countTypedArray(fn, items, request, counts);
  } else {
    tally.skipped = countArray(fn, items, request, counts);
  }
  const out: Histogram = { counts: Array.from(counts), skipped: tally.skipped, otherTypes: tally.otherTypes };
  if (weighted !== undefined) out.weights = weighted;
  return out;
}

function countArrow(fn: string, column: ArrowColumn, r: HistogramRequest): Histogram {
  const counts = new Float64Array(r.max - r.min + 1);
  const min = r.min;
  const span = r.max - r.min;
  let skipped = 0;
  forEachArrowValue(column, (v, i) => {
    if (v === null) {
      skipped++;
      return;
    }
    const k = (v as number) - min;
    if (typeof v === 'number' && k >= 0 && k <= span && (k | 0) === k) counts[k] = (counts[k] as number) + 1;
    else refuse(fn, v, i, r, false);
  });
  return { counts: Array.from(counts), skipped, otherTypes: 0 };
}

interface Tally {
  skipped: number;
  otherTypes: number;
}

type Accessor =
  | { kind: 'none' }
  | { kind: 'key'; key: PropertyKey }
  | { kind: 'function'; read: (record: unknown, index: number) => unknown };

function checkInput(fn: string, input: unknown): ArrayLike<unknown> {
  if (input === null || typeof input !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an array of scores (or records with an accessor), got ${describe(input)}`,
      { value: input },
    );
  }
  const length = (input as { length?: unknown }).length;
  if (typeof length !== 'number') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an array of scores (or records with an accessor), got an object without a length`,
      { value: input },
    );
  }
  if (!Number.isInteger(length) || length < 0 || length > MAX_LENGTH) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the input's length is ${describe(length)}; expected a whole number from 0 to 2³² − 1`,
      { value: length },
    );
  }
  return input as ArrayLike<unknown>;
}

function resolveAccessor(fn: string, accessor: unknown): Accessor {
  if (accessor === undefined) return { kind: 'none' };
  if (typeof accessor === 'function') {
    return { kind: 'function', read: accessor as (record: unknown, index: number) => unknown };
  }
  if (typeof accessor === 'string' || typeof accessor === 'number' || typeof accessor === 'symbol') {
    return { kind: 'key', key: accessor };
  }
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: accessor must be a property name or a function (record, index) => score`,
    { value: accessor },
  );
}

function checkWeights(fn: string, weights: unknown, length: number): ArrayLike<unknown> | undefined {
  if (weights === undefined) return undefined;
  if (weights === null || typeof weights !== 'object' || typeof (weights as { length?: unknown }).length !== 'number') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: weights must be an array of numbers`, { value: weights });
  }
  const w = weights as ArrayLike<unknown>;
  if (w.length !== length) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: weights has ${w.length} entries but there are ${length} scores; expected one weight per score`,
      { value: w.length },
    );
  }
  return w;
}

function isNumberTypedArray(x: ArrayLike<unknown>): x is ArrayLike<number> {
  return (
    ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array)
  );
}

// The four fast loops. `k >= 0 && k <= span && (k | 0) === k` accepts exactly the integers of the
// scale (NaN and ±Infinity fail it; -0 is 0); the rare rest goes to `refuse`, which throws.

function countTypedArray(fn: string, x: ArrayLike<number>, r: HistogramRequest, counts: Float64Array): number {
  const min = r.min;
  const span = r.max - r.min;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const k = (x[i] as number) - min;
    if (k >= 0 && k <= span && (k | 0) === k) counts[k] = (counts[k] as number) + 1;
    else refuse(fn, x[i], i, r, false);
  }
  return 0;
}

function countArray(fn: string, x: ArrayLike<unknown>, r: HistogramRequest, counts: Float64Array): number {
  const min = r.min;
  const span = r.max - r.min;
  const n = x.length;
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v === 'number') {
      const k = v - min;
      if (k >= 0 && k <= span && (k | 0) === k) {
        counts[k] = (counts[k] as number) + 1;
        continue;
      }
    } else if (v === null || v === undefined) {
      skipped++;
      continue;
    }
    refuse(fn, v, i, r, false);
  }
  return skipped;
}

function countByKey(
  fn: string,
  x: ArrayLike<unknown>,
  key: PropertyKey,
  r: HistogramRequest,
  counts: Float64Array,
  tally: Tally,
): void {
  const min = r.min;
  const span = r.max - r.min;
  const survey = r.survey;
  const n = x.length;
  let skipped = 0;
  let other = 0;
  let ignoredType: unknown = survey;
  // Own properties only (ownField.ts), checked inline: the last prototype seen and whether its
  // chain has the name; plain records pay one prototype comparison, never Object.hasOwn.
  let proto: object | null = Object.prototype;
  let inherited = key in Object.prototype;
  for (let i = 0; i < n; i++) {
    const record = x[i];
    if (typeof record !== 'object' || record === null) {
      if (record === null || record === undefined) {
        skipped++;
        continue;
      }
      throw notARecord(fn, record, i, key);
    }
    const type = (record as { type?: unknown }).type;
    if (type !== undefined && type !== survey && type !== ignoredType) {
      if (otherSurvey(type, survey) === undefined) ignoredType = type;
      else if (r.otherTypes === 'exclude') {
        other++;
        continue;
      } else throw otherTypeError(fn, i, type, survey);
    }
    let v = (record as Record<PropertyKey, unknown>)[key];
    if (v !== undefined) {
      const p = Object.getPrototypeOf(record) as object | null;
      if (p !== proto) {
        proto = p;
        inherited = p !== null && key in p;
      }
      if (inherited && !Object.hasOwn(record, key)) v = undefined;
    }
    if (typeof v === 'number') {
      const k = v - min;
      if (k >= 0 && k <= span && (k | 0) === k) {
        counts[k] = (counts[k] as number) + 1;
        continue;
      }
    } else if (v === null || v === undefined) {
      skipped++;
      continue;
    }
    refuse(fn, v, i, r, true);
  }
  tally.skipped = skipped;
  tally.otherTypes = other;
}

function countByFunction(
  fn: string,
  x: ArrayLike<unknown>,
  read: (record: unknown, index: number) => unknown,
  r: HistogramRequest,
  counts: Float64Array,
  tally: Tally,
): void {
  const min = r.min;
  const span = r.max - r.min;
  const survey = r.survey;
  const n = x.length;
  let skipped = 0;
  let other = 0;
  let ignoredType: unknown = survey;
  for (let i = 0; i < n; i++) {
    const record = x[i];
    if (typeof record === 'object' && record !== null) {
      const type = (record as { type?: unknown }).type;
      if (type !== undefined && type !== survey && type !== ignoredType) {
        if (otherSurvey(type, survey) === undefined) ignoredType = type;
        else if (r.otherTypes === 'exclude') {
          other++;
          continue;
        } else throw otherTypeError(fn, i, type, survey);
      }
    }
    const v = read(record, i);
    if (typeof v === 'number') {
      const k = v - min;
      if (k >= 0 && k <= span && (k | 0) === k) {
        counts[k] = (counts[k] as number) + 1;
        continue;
      }
    } else if (v === null || v === undefined) {
      skipped++;
      continue;
    }
    refuse(fn, v, i, r, true);
  }
  tally.skipped = skipped;
  tally.otherTypes = other;
}

const SKIPPED = -1;
const OTHER = -2;

/**
 * The bucket of element i (0…span), SKIPPED or OTHER; throws for anything else. The general path
 * behind weights and sparse arrays, with exactly the rules of the fast loops.
 */
function bucketOf(fn: string, x: ArrayLike<unknown>, i: number, accessor: Accessor, r: HistogramRequest): number {
  const item = x[i];
  let v: unknown = item;
  if (accessor.kind !== 'none') {
    const record = typeof item === 'object' && item !== null;
    if (record) {
      const type = (item as { type?: unknown }).type;
      if (type !== undefined && type !== r.survey && otherSurvey(type, r.survey) !== undefined) {
        if (r.otherTypes === 'exclude') return OTHER;
        throw otherTypeError(fn, i, type, r.survey);
      }
    }
    if (accessor.kind === 'function') v = accessor.read(item, i);
    else if (record) v = ownField(item, accessor.key);
    else if (item !== null && item !== undefined) throw notARecord(fn, item, i, accessor.key);
  }
  if (v === null || v === undefined) return SKIPPED;
  if (typeof v === 'number') {
    const k = v - r.min;
    if (k >= 0 && k <= r.max - r.min && (k | 0) === k) return k;
  }
  return refuse(fn, v, i, r, accessor.kind !== 'none');
}

function countSparse(
  fn: string,
  x: ArrayLike<unknown>,
  accessor: Accessor,
  r: HistogramRequest,
  counts: Float64Array,
  tally: Tally,
): void {
  let present = 0;
  for (const key of Object.keys(x)) {
    const i = Number(key);
    if (!(Number.isInteger(i) && i >= 0 && i < x.length && String(i) === key)) continue;
    present++;
    const k = bucketOf(fn, x, i, accessor, r);
    if (k >= 0) counts[k] = (counts[k] as number) + 1;
    else if (k === SKIPPED) tally.skipped++;
    else tally.otherTypes++;
  }
  tally.skipped += x.length - present;
}

/**
 * The weighted loop: per bucket Σ w/scale and Σ (w/scale)², where scale is the largest weight of
 * an answered score (so the largest term is 1 and Kish's n cannot lose its squares to underflow).
 * The scale is kept as a running maximum; when a larger weight arrives the sums so far are
 * rescaled to it (the same rule as merging two summaries), so one pass suffices and no sum can
 * overflow. Skipped answers' weights are summed on a scale of their own and brought onto the
 * answers' scale at the end.
 */
function countWeighted(
  fn: string,
  x: ArrayLike<unknown>,
  accessor: Accessor,
  weights: ArrayLike<unknown>,
  r: HistogramRequest,
  counts: Float64Array,
  tally: Tally,
): ScoreWeights {
  const sum = new Float64Array(counts.length);
  const sumSquares = new Float64Array(counts.length);
  const answered = { scale: 0, sum, sumSquares };
  const skipped = { scale: 0, sum: new Float64Array(1), sumSquares: new Float64Array(1) };
  for (let i = 0; i < x.length; i++) {
    const w = weights[i];
    if (typeof w !== 'number' || !(w >= 0 && w < Number.POSITIVE_INFINITY)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: weight at index ${i} is ${describe(w)}; expected a finite number ≥ 0`,
        { index: i, value: w },
      );
    }
    const k = bucketOf(fn, x, i, accessor, r);
    if (k === OTHER) {
      tally.otherTypes++;
      continue;
    }
    const into = k === SKIPPED ? skipped : answered;
    if (k === SKIPPED) tally.skipped++;
    else counts[k] = (counts[k] as number) + 1;
    if (w === 0) continue;
    if (w > into.scale) {
      if (into.scale > 0) rescale(into, into.scale / w);
      into.scale = w;
    }
    const u = w / into.scale;
    const b = k === SKIPPED ? 0 : k;
    into.sum[b] = (into.sum[b] as number) + u;
    into.sumSquares[b] = (into.sumSquares[b] as number) + u * u;
  }
  const scale = answered.scale > 0 ? answered.scale : skipped.scale > 0 ? skipped.scale : 1;
  const f = skipped.scale / scale;
  const skippedSum = (skipped.sum[0] as number) * f;
  const skippedSumSquares = (skipped.sumSquares[0] as number) * f * f;
  if (!Number.isFinite(skippedSumSquares)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: the weights of skipped answers are more than 10^150 times those of answered ones; weights cannot span that range`,
    );
  }
  return { scale, sum: Array.from(sum), sumSquares: Array.from(sumSquares), skippedSum, skippedSumSquares };
}

function rescale(t: { sum: Float64Array; sumSquares: Float64Array }, f: number): void {
  const f2 = f * f;
  for (let j = 0; j < t.sum.length; j++) {
    t.sum[j] = (t.sum[j] as number) * f;
    t.sumSquares[j] = (t.sumSquares[j] as number) * f2;
  }
}

/** The other survey type a record's `type` names, if it names one. */
function otherSurvey(type: unknown, survey: SurveyType): string | undefined {
  if (typeof type !== 'string') return undefined;
  const t = type.toLowerCase();
  return t !== survey && SURVEY_TYPES.includes(t) ? t : undefined;
}

const SURVEY_NAMES: Record<SurveyType, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

function otherTypeError(fn: string, i: number, type: unknown, survey: SurveyType): CxMetricsError {
  const name = SURVEY_NAMES[survey];
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: record at index ${i} is a ${describe(type).replaceAll('"', "'")} response; answers of different surveys are never pooled — select the ${name} responses, or pass otherTypes: 'exclude' to use the ${name} answers only`,
    { index: i, value: type },
  );
}

function notARecord(fn: string, item: unknown, i: number, key: PropertyKey): CxMetricsError {
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: record at index ${i} is ${describe(item)}; expected an object to read ${describe(String(key)).replaceAll('"', "'")} from (or null for a skipped answer)`,
    { index: i, value: item },
  );
}

/** The INVALID_VALUE error for a score that is not an integer on the scale (with a hint). */
function refuse(fn: string, raw: unknown, i: number, r: HistogramRequest, records: boolean): never {
  const hint =
    typeof raw === 'string'
      ? ' (strings are not parsed here: convert with Number, or use parseResponses from cx-metrics/schemas)'
      : typeof raw === 'number' && Number.isNaN(raw)
        ? ' (use null or undefined for a skipped answer)'
        : typeof raw === 'object' && !records
          ? ' (pass the accessor option to read scores from records)'
          : '';
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: score at index ${i} is ${describe(raw)}; expected an integer from ${r.min} to ${r.max}${hint}`,
    { index: i, value: raw },
  );
}
