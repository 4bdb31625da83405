import { CxMetricsError } from '../errors.ts';
import { percent, printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { MAX_BOOTSTRAP_DRAWS } from '../stats/meanInterval.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { resolveRng } from '../stats/rng.ts';
import { checkConfidence, checkNonNegative, describe } from '../stats/validate.ts';
import type { CxWarning, Estimate, RandomOptions } from '../types.ts';
import { SMALL_SAMPLE_N, warning } from '../warnings.ts';

/**
 * MRR movements of the customers who were paying at the start of the period.
 *
 * @example
 * revenueRetention({ startingMrr: 100000, expansion: 12000, contraction: 3000, churned: 5000 }).grossMrrChurn // => 0.08 (to 1e-12)
 */
export interface MrrMovements {
  /** MRR at the start of the period of the customers then paying, > 0. */
  startingMrr: number;
  /** MRR added by those customers (upsells, seats, price rises), ≥ 0. New customers excluded. */
  expansion: number;
  /** MRR lost by those customers through downgrades while staying, ≥ 0. */
  contraction: number;
  /** MRR lost by those customers leaving (their whole starting-plus-expansion MRR), ≥ 0. */
  churned: number;
}

/**
 * Gross and net revenue retention and the matching MRR churn rates, as shares (1 = 100%).
 *
 * @example
 * const r = revenueRetention({ startingMrr: 100000, expansion: 12000, contraction: 3000, churned: 5000 })
 * r.nrr // => 1.04
 * r.grossMrrChurn // => 0.08 (to 1e-12)
 */
export interface RevenueRetentionResult {
  kind: 'revenue-retention';
  /** Gross revenue retention (start − contraction − churned) / start, 0…1. */
  grr: number;
  /** Net revenue retention (start + expansion − contraction − churned) / start, ≥ 0, may exceed 1. */
  nrr: number;
  /** Gross MRR churn (contraction + churned) / start = 1 − GRR. */
  grossMrrChurn: number;
  /** Net MRR churn (contraction + churned − expansion) / start = 1 − NRR; negative is "net negative churn". */
  netMrrChurn: number;
}

/**
 * One customer's MRR at the start and the end of the period (0 at the end = churned).
 *
 * @example
 * const customers = [{ id: 'a', startMrr: 100, endMrr: 150 }, { id: 'b', startMrr: 100, endMrr: 0 }]
 * revenueRetention(customers, { seed: 1, resamples: 1000 }).totals // => { startingMrr: 200, expansion: 50, contraction: 0, churned: 100 }
 */
export interface CustomerMrr {
  id?: string | number | undefined;
  /** MRR at the start of the period, > 0 (only customers paying then belong in GRR and NRR). */
  startMrr: number;
  /** MRR at the end of the period, ≥ 0; 0 when the customer churned. */
  endMrr: number;
}

/**
 * Options of `revenueRetention` from per-customer records: the confidence and the bootstrap resamples and seed.
 *
 * @example
 * const customers = [{ id: 'a', startMrr: 100, endMrr: 150 }, { id: 'b', startMrr: 100, endMrr: 0 }]
 * const r = revenueRetention(customers, { confidence: 0.9, resamples: 500, seed: 7 })
 * [r.grr.confidence, r.resamples] // => [0.9, 500]
 */
export interface RevenueRetentionOptions extends RandomOptions {
  /** Confidence level in (0, 1) of the bootstrap intervals; 0.95 by default. */
  confidence?: number;
  /** Bootstrap resamples, a whole number ≥ 100; 10 000 by default. */
  resamples?: number;
}

/**
 * Revenue retention from per-customer records: each rate an Estimate with a bootstrap interval.
 *
 * @example
 * const customers = [{ id: 'a', startMrr: 100, endMrr: 150 }, { id: 'b', startMrr: 100, endMrr: 0 }]
 * const r = revenueRetention(customers, { seed: 1, resamples: 1000 })
 * [r.n, r.resamples, r.grr.value, r.nrr.value] // => [2, 1000, 0.5, 0.75]
 */
export interface RevenueRetentionEstimate {
  kind: 'revenue-retention-estimate';
  grr: Estimate;
  nrr: Estimate;
  grossMrrChurn: Estimate;
  netMrrChurn: Estimate;
  /** The MRR movements summed over the customers. */
  totals: MrrMovements;
  /** Customers (records). */
  n: number;
  resamples: number;
  warnings: CxWarning[];
}

/**
 * Gross and net revenue retention (GRR, NRR) over a period, from MRR movements or from each
 * customer's MRR at the start and end of the period.
 *
 * Over the customers paying at the start of the period (new customers' revenue never counts):
 * - GRR = (start − contraction − churned) / start: revenue kept, ignoring expansion, so GRR ≤ 1 by
 *   construction;
 * - NRR = (start + expansion − contraction − churned) / start: can exceed 1 when expansion
 *   outweighs losses;
 * - gross MRR churn = 1 − GRR and net MRR churn = 1 − NRR (negative = "net negative churn").
 *
 * From totals (`{ startingMrr, expansion, contraction, churned }`) the result is four numbers.
 * From per-customer records (`[{ id, startMrr, endMrr }]`, one per customer paying at the start;
 * endMrr = 0 for one who churned) each customer's change is split into expansion (endMrr − startMrr
 * when it rose), contraction (when it fell but stayed > 0) or churn (startMrr when endMrr = 0), so
 * GRR = Σ min(startMrr, endMrr) / Σ startMrr and NRR = Σ endMrr / Σ startMrr. Each rate then comes
 * with a percentile bootstrap interval over customers (Efron & Tibshirani 1993, An Introduction to
 * the Bootstrap, ch. 13, doi:10.1201/9780429246593): `resamples` samples of n customers drawn with
 * replacement, the rate recomputed on each, the α/2 and 1 − α/2 quantiles (type 7) taken; seeded
 * (`seed`, default 1, or `rng`), so the same seed gives the same interval. Revenue is usually
 * concentrated in a few large accounts, which makes these intervals wide (and unreliable with
 * fewer than about 30 customers: SMALL_SAMPLE warning). O(n · resamples).
 *
 * This signature takes the totals; the per-customer signature below has its own parameters and
 * result.
 *
 * @param movements - MRR movement totals `{ startingMrr, expansion, contraction, churned }` of the
 *   customers paying at the start of the period (not mutated)
 * @returns `{ grr, nrr, grossMrrChurn, netMrrChurn }` as numbers (shares, 1 = 100%)
 * @throws CxMetricsError INVALID_VALUE for an amount that is not a finite number ≥ 0, a startingMrr
 *   of 0, or contraction + churned above startingMrr; INVALID_OPTION for any option (they apply to
 *   per-customer records)
 * @example
 * const r = revenueRetention({ startingMrr: 100000, expansion: 12000, contraction: 3000, churned: 5000 })
 * [r.grr, r.nrr] // => [0.92, 1.04]
 * r.netMrrChurn // => -0.04 (to 1e-15) (net negative churn)
 */
export function revenueRetention(movements: MrrMovements): RevenueRetentionResult;
/**
 * Gross and net revenue retention (GRR, NRR) over a period from each customer's MRR at the start
 * and end of the period, each rate with a percentile bootstrap interval over customers.
 *
 * One record per customer paying at the start (endMrr = 0 for one who churned); each customer's
 * change is split into expansion, contraction or churn as for the MRR-movements overload, so
 * GRR = Σ min(startMrr, endMrr) / Σ startMrr and NRR = Σ endMrr / Σ startMrr. Intervals:
 * percentile bootstrap (Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 13,
 * doi:10.1201/9780429246593), `resamples` samples of n customers drawn with replacement, the
 * α/2 and 1 − α/2 quantiles (type 7) of the recomputed rate; seeded (`seed`, default 1, or `rng`),
 * so the same seed gives the same interval. Revenue concentrated in a few large accounts makes
 * these intervals wide (and unreliable with fewer than about 30 customers: SMALL_SAMPLE warning).
 * O(n · resamples).
 *
 * @param customers - per-customer records `{ id?, startMrr, endMrr }` (not mutated)
 * @param options - `confidence` (0.95), `resamples` (10 000), `seed`/`rng`
 * @returns the four rates as Estimates (method `'bootstrap-percentile'`, n = customers) plus
 *   `totals`, `n`, `resamples`, `warnings`
 * @throws CxMetricsError INVALID_VALUE for an MRR that is not a finite number ≥ 0, a startMrr of 0,
 *   or a repeated id (with its index); EMPTY_INPUT for no records; INVALID_OPTION for a bad
 *   confidence, resamples, seed or rng, an unknown option, or customers × resamples over
 *   `MAX_BOOTSTRAP_DRAWS` (10⁸ random draws, about 1.5 s; the message states the cost)
 * @example
 * const customers = [
 *   { id: 'a', startMrr: 100, endMrr: 150 },
 *   { id: 'b', startMrr: 200, endMrr: 0 },
 *   { id: 'c', startMrr: 300, endMrr: 250 },
 *   { id: 'd', startMrr: 400, endMrr: 400 },
 * ]
 * const byCustomer = revenueRetention(customers, { seed: 7, resamples: 1000 })
 * [byCustomer.grr.value, byCustomer.nrr.value] // => [0.75, 0.8]
 * byCustomer.totals // => { startingMrr: 1000, expansion: 50, contraction: 50, churned: 200 }
 */
export function revenueRetention(
  customers: readonly CustomerMrr[],
  options?: RevenueRetentionOptions,
): RevenueRetentionEstimate;
export function revenueRetention(
  input: MrrMovements | readonly CustomerMrr[],
  options: RevenueRetentionOptions = {},
): RevenueRetentionResult | RevenueRetentionEstimate {
  const fn = 'revenueRetention';
  const opts = checkOptions(fn, options, ['confidence', 'resamples', 'seed', 'rng']);
  if (Array.isArray(input)) return printable(fromCustomers(fn, input, opts));
  const given = Object.keys(opts);
  if (given.length > 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: option '${given[0]}' applies to per-customer records (the bootstrap); MRR movements give exact rates and take no options`,
      { value: given[0] },
    );
  }
  if (input === null || typeof input !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected { startingMrr, expansion, contraction, churned } or an array of { id, startMrr, endMrr }, got ${describe(input)}`,
      { value: input },
    );
  }
  const movements = input as MrrMovements;
  const startingMrr = checkNonNegative(fn, 'startingMrr', movements.startingMrr);
  const expansion = checkNonNegative(fn, 'expansion', movements.expansion);
  const contraction = checkNonNegative(fn, 'contraction', movements.contraction);
  const churned = checkNonNegative(fn, 'churned', movements.churned);
  if (startingMrr === 0) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: startingMrr is 0; expected the MRR of the customers paying at the start, > 0`,
      { value: startingMrr },
    );
  }
  if (contraction + churned > startingMrr * (1 + 1e-12)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: contraction (${contraction}) + churned (${churned}) exceed startingMrr (${startingMrr}); the ` +
        'starting customers cannot lose more than they paid (count MRR lost after an expansion as smaller expansion)',
      { value: contraction + churned },
    );
  }
  return printable(
    rates(startingMrr, startingMrr - contraction - churned, startingMrr + expansion - contraction - churned),
    (r) =>
      `GRR ${percent(r.grr)}, NRR ${percent(r.nrr)} (gross MRR churn ${percent(r.grossMrrChurn)}, net MRR churn ${percent(r.netMrrChurn)})`,
  );
}

function rates(start: number, kept: number, end: number): RevenueRetentionResult {
  // max(0, …) only absorbs rounding when contraction + churned = start.
  const grr = Math.max(0, kept / start);
  const nrr = Math.max(0, end / start);
  if (!Number.isFinite(start) || !Number.isFinite(grr) || !Number.isFinite(nrr)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      'revenueRetention: the MRR totals overflow or the ratios do (values near 1e308, or a starting MRR near 0 against large movements); rescale the MRR, e.g. to thousands',
      { value: start },
    );
  }
  return { kind: 'revenue-retention', grr, nrr, grossMrrChurn: 1 - grr, netMrrChurn: 1 - nrr };
}

function fromCustomers(
  fn: string,
  customers: readonly CustomerMrr[],
  opts: Partial<RevenueRetentionOptions>,
): RevenueRetentionEstimate {
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const resamples = opts.resamples ?? 10_000;
  if (typeof resamples !== 'number' || !Number.isInteger(resamples) || resamples < 100 || resamples > 10_000_000) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: resamples is ${describe(resamples)}; expected a whole number from 100 to 10 000 000`,
      {
        value: resamples,
      },
    );
  }
  const rng = resolveRng(fn, opts);
  const n = customers.length;
  if (n === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one customer record`);

  // Grown as records are read, not allocated for `n` up front: a huge sparse array is refused at
  // its first hole instead of failing to allocate three arrays of its length (a RangeError).
  const starts: number[] = [];
  const kept: number[] = []; // min(start, end): revenue kept, expansion ignored
  const ends: number[] = [];
  const totals: MrrMovements = { startingMrr: 0, expansion: 0, contraction: 0, churned: 0 };
  const ids = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const record: unknown = customers[i];
    if (record === null || typeof record !== 'object') {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: customer at index ${i} is ${describe(record)}; expected a { id, startMrr, endMrr } record`,
        { index: i, value: record },
      );
    }
    const { id, startMrr, endMrr } = record as Partial<CustomerMrr>;
    const label = typeof id === 'string' || typeof id === 'number' ? ` (id ${describe(id)})` : '';
    if (typeof startMrr !== 'number' || !Number.isFinite(startMrr) || !(startMrr > 0)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: startMrr of the customer at index ${i}${label} is ${describe(startMrr)}; expected a finite MRR > 0 ` +
          '(GRR and NRR are over customers paying at the start; leave out customers who started paying later)',
        { index: i, value: startMrr },
      );
    }
    if (typeof endMrr !== 'number' || !Number.isFinite(endMrr) || endMrr < 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: endMrr of the customer at index ${i}${label} is ${describe(endMrr)}; expected a finite MRR ≥ 0 (0 when churned)`,
        { index: i, value: endMrr },
      );
    }
    if (id !== undefined) {
      const first = ids.get(id);
      if (first !== undefined) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: id ${describe(id)} at index ${i} repeats index ${first}; expected one record per customer`,
          { index: i, value: id },
        );
      }
      ids.set(id, i);
    }
    starts.push(startMrr);
    kept.push(Math.min(startMrr, endMrr));
    ends.push(endMrr);
    totals.startingMrr += startMrr;
    if (endMrr === 0) totals.churned += startMrr;
    else if (endMrr > startMrr) totals.expansion += endMrr - startMrr;
    else totals.contraction += startMrr - endMrr;
  }
  let sumStart = 0;
  let sumKept = 0;
  let sumEnd = 0;
  for (let i = 0; i < n; i++) {
    sumStart += starts[i] as number;
    sumKept += kept[i] as number;
    sumEnd += ends[i] as number;
  }
  const point = rates(sumStart, sumKept, sumEnd);
  if (n * resamples > MAX_BOOTSTRAP_DRAWS) throw tooCostly(fn, n, resamples);

  const grrDraws = new Float64Array(resamples);
  const nrrDraws = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    let k = 0;
    let e = 0;
    for (let j = 0; j < n; j++) {
      const i = Math.floor(rng() * n);
      s += starts[i] as number;
      k += kept[i] as number;
      e += ends[i] as number;
    }
    grrDraws[b] = k / s;
    nrrDraws[b] = e / s;
  }
  const warnings: CxWarning[] = [];
  if (n < SMALL_SAMPLE_N) {
    warnings.push(
      warning(
        'SMALL_SAMPLE',
        `${fn}: only ${n} customer${n === 1 ? '' : 's'}; a percentile bootstrap over so few is unreliable, read the intervals as rough`,
      ),
    );
  }
  const grr = bootstrapEstimate(fn, point.grr, grrDraws, confidence, n);
  const nrr = bootstrapEstimate(fn, point.nrr, nrrDraws, confidence, n);
  return {
    kind: 'revenue-retention-estimate',
    grr,
    nrr,
    grossMrrChurn: complement(grr),
    netMrrChurn: complement(nrr),
    totals,
    n,
    resamples,
    warnings,
  };
}

function bootstrapEstimate(fn: string, value: number, draws: Float64Array, confidence: number, n: number): Estimate {
  let mean = 0;
  for (const x of draws) mean += x;
  mean /= draws.length;
  let squares = 0;
  for (const x of draws) squares += (x - mean) * (x - mean);
  draws.sort();
  const half = (1 - confidence) / 2;
  const lower = quantileSorted(draws, half);
  const upper = quantileSorted(draws, 1 - half);
  const warnings: CxWarning[] = [];
  if (lower === upper) {
    warnings.push(
      warning(
        'ZERO_VARIANCE',
        `${fn}: every resample gives the same ratio (the customers do not vary), so the bootstrap interval has zero width`,
      ),
    );
  }
  if (value < lower - 1e-12 || value > upper + 1e-12) {
    warnings.push({
      code: 'ESTIMATE_OUTSIDE_INTERVAL',
      message: `${fn}: the bootstrap interval [${lower}, ${upper}] does not contain the estimate ${value}; too few customers or one dominant account`,
    });
  }
  return {
    value,
    lower,
    upper,
    confidence,
    method: 'bootstrap-percentile',
    n,
    standardError: Math.sqrt(squares / (draws.length - 1)),
    warnings,
  };
}

/** 1 − x for an Estimate: bounds swap (the map is decreasing). */
function complement(x: Estimate): Estimate {
  const out: Estimate = {
    value: 1 - x.value,
    lower: 1 - x.upper,
    upper: 1 - x.lower,
    confidence: x.confidence,
    method: x.method,
    n: x.n,
    warnings: x.warnings.map((w) => ({ ...w })),
  };
  if (x.standardError !== undefined) out.standardError = x.standardError;
  return out;
}

/**
 * The refusal of a bootstrap over MAX_BOOTSTRAP_DRAWS random draws (customers × resamples, about
 * 15 ns each), with its cost and the ways out, as meanInterval refuses its BCa bootstrap.
 */
function tooCostly(fn: string, n: number, resamples: number): CxMetricsError {
  const draws = n * resamples;
  const fitting = Math.floor(MAX_BOOTSTRAP_DRAWS / n);
  const way =
    fitting >= 100
      ? `pass resamples of at most ${fitting} for ${n} customers`
      : 'pass the totals ({ startingMrr, expansion, contraction, churned }) for the exact rates without intervals';
  return new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: the bootstrap over ${n} customers × ${resamples} resamples is ${draws} random draws (about ` +
      `${(draws * 15e-9).toPrecision(2)} s), over the limit of ${MAX_BOOTSTRAP_DRAWS} (MAX_BOOTSTRAP_DRAWS); ${way}`,
    { value: resamples },
  );
}
