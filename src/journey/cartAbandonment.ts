import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import type { ProportionMethod } from '../stats/proportionInterval.ts';
import { checkCount, describe } from '../stats/validate.ts';
import type { Timestamp } from '../time/timestamp.ts';
import type { Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import {
  type CartTally,
  cartFigures,
  cartSettings,
  cartSummaryOf,
  cartText,
  countCarts,
  DEFINITIONS,
  estimateCartSummary,
  FORMULAS,
  readCartDefinition,
} from './cartSummary.ts';
import {
  type CartRecord,
  checkGroupBy,
  checkRecords,
  compareKeys,
  type GroupBy,
  iso,
  type TimeWindow,
} from './records.ts';

/**
 * Which cart abandonment rate: `'baymard'` (1 − purchased / carts, every cart counted) or
 * `'ended'` (abandoned / (abandoned + purchased), carts whose outcome is known).
 *
 * @example
 * CART_ABANDONMENT_DEFINITIONS // => ['baymard', 'ended']
 * cartAbandonmentFromCounts({ carts: 10, purchased: 3, pending: 2 }).value // => 0.7
 * cartAbandonmentFromCounts({ carts: 10, purchased: 3, pending: 2 }, { definition: 'ended' }).value // => 5 / 8
 */
export type CartAbandonmentDefinition = 'baymard' | 'ended';

/**
 * The definitions of the cart abandonment rate, default first.
 *
 * @example
 * CART_ABANDONMENT_DEFINITIONS[0] // => 'baymard'
 */
export const CART_ABANDONMENT_DEFINITIONS: readonly CartAbandonmentDefinition[] = DEFINITIONS;

/**
 * Interval options shared by `cartAbandonment` and `cartAbandonmentFromCounts`.
 *
 * @example
 * const o = { definition: 'ended', method: 'jeffreys', confidence: 0.9 }
 * cartAbandonmentFromCounts({ carts: 20, purchased: 5 }, o).method // => 'jeffreys'
 */
export interface CartAbandonmentIntervalOptions {
  /** `'baymard'` (default) or `'ended'`; see `cartAbandonment`. */
  definition?: CartAbandonmentDefinition;
  /** Interval method; `'wilson'` by default (see `proportionInterval`). */
  method?: ProportionMethod;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * Options of `cartAbandonment`.
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', device: 'mobile' }]
 * const options = { asOf: '2026-07-01', window: { days: 7 }, by: 'device' }
 * cartAbandonment(carts, options).groups[0].abandoned // => 1
 */
export interface CartAbandonmentOptions extends CartAbandonmentIntervalOptions {
  /** When the data was taken (required): carts created after it are left out (AFTER_AS_OF). */
  asOf: Timestamp;
  /**
   * How long a cart has to be bought (required), from its creation: a cart not bought by then is
   * abandoned, one younger than the window at `asOf` and not bought is pending. A number of ms or
   * `{ days?, hours?, minutes? }`.
   */
  window: TimeWindow;
  /** One result per group besides the overall one: a cart field (`'device'`, `'channel'`) or a function of the cart. */
  by?: GroupBy<CartRecord>;
}

/**
 * Options of `summarize('cart-abandonment', carts, …)`: the window and asOf the carts are counted
 * against (the definition is an option of `estimate`).
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-29' }]
 * summarize('cart-abandonment', carts, { asOf: '2026-07-01', window: { days: 7 } }).pending // => 1
 */
export type CartAbandonmentSummaryOptions = Pick<CartAbandonmentOptions, 'asOf' | 'window'>;

/**
 * Total cart value (the carts' `value` field) per outcome.
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', value: 20 }, { cartId: 2, createdAt: '2026-06-01', purchasedAt: '2026-06-01', value: 5 }]
 * cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 } }).cartValue // => { purchased: 5, abandoned: 20, pending: 0, missing: 0 }
 */
export interface CartValueTotals {
  purchased: number;
  abandoned: number;
  pending: number;
  /** Carts without a value (not in the totals). */
  missing: number;
}

/**
 * The figures of one abandonment rate (overall or one group's): an Estimate of the rate and how
 * every cart was counted.
 *
 * @example
 * const r = cartAbandonmentFromCounts({ carts: 100, purchased: 30 })
 * [r.value, r.carts, r.purchased, r.abandoned, r.pending] // => [0.7, 100, 30, 70, 0]
 */
export interface CartAbandonmentFigures extends Estimate {
  /** Carts counted (created by asOf), pending ones included. */
  carts: number;
  /** Bought within the window (and by asOf). */
  purchased: number;
  /** Not bought within the window, which had closed by asOf (a cart bought later included). */
  abandoned: number;
  /** Not bought, still inside the window at asOf: not abandoned (yet). */
  pending: number;
  /** Abandoned carts that were bought after their window (recovered late); counted in abandoned. */
  purchasedAfterWindow: number;
  /** Cart value per outcome; `null` when no cart has a value (and always for counts). */
  cartValue: CartValueTotals | null;
}

/**
 * One group's abandonment (`by`): its key and its figures.
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', device: 'mobile' }]
 * cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 }, by: 'device' }).groups[0].key // => 'mobile'
 */
export interface CartAbandonmentGroup extends CartAbandonmentFigures {
  key: string;
}

/**
 * Result of `cartAbandonment` and `cartAbandonmentFromCounts`: the rate with its interval, the
 * definition and formula it follows, and how every cart was counted.
 *
 * @example
 * const r = cartAbandonmentFromCounts({ carts: 100, purchased: 30 })
 * [r.kind, r.definition, r.formula] // => ['cart-abandonment', 'baymard', '1 − purchased / carts']
 */
export interface CartAbandonmentResult extends CartAbandonmentFigures {
  kind: 'cart-abandonment';
  definition: CartAbandonmentDefinition;
  /** The definition in words, e.g. `'1 − purchased / carts'`. */
  formula: string;
  /** The window in ms; `null` for counts. */
  windowMs: number | null;
  /** asOf as an ISO-8601 UTC string; `null` for counts. */
  asOf: string | null;
  /** Carts created after asOf, left out. */
  afterAsOf: number;
  /** Carts bought after asOf, counted as not (yet) bought. */
  purchasedAfterAsOf: number;
  /** With `by`: one result per group, sorted by key. */
  groups?: CartAbandonmentGroup[];
  /** With `by`: carts without a group; in the overall result only. */
  ungrouped?: number;
  /** With `by` and definition 'ended': groups whose carts are all pending (no rate yet), not in `groups`. */
  pendingGroups?: string[];
}

/**
 * Counts for `cartAbandonmentFromCounts`: carts created, how many were bought within the window,
 * and how many are still pending (younger than the window, not bought).
 *
 * @example
 * const counts = { carts: 200, purchased: 62, pending: 12 }
 * cartAbandonmentFromCounts(counts).abandoned // => 126
 */
export interface CartCounts {
  carts: number;
  purchased: number;
  /** 0 by default. */
  pending?: number;
}

const KEYS = ['asOf', 'window', 'definition', 'by', 'method', 'confidence'] as const;
const COUNT_KEYS = ['definition', 'method', 'confidence'] as const;

/**
 * The cart abandonment rate from cart records, with a confidence interval: the share of shopping
 * carts not bought — with carts younger than the purchase window counted as pending, never as
 * abandoned.
 *
 * Definition. A cart is purchased when bought within `window` of its creation (and by `asOf`);
 * abandoned when the window had closed by `asOf` without a purchase within it (a cart bought
 * later is abandoned and recovered: counted in `purchasedAfterWindow`); pending when it is
 * younger than the window at `asOf` and not bought yet. `definition: 'baymard'` (default) is the
 * rate as the Baymard Institute defines it, 1 − purchased / carts over every cart created —
 * pending carts included in carts, so it counts them as not (yet) bought; `'ended'` is
 * abandoned / (abandoned + purchased), over the carts whose outcome is known. The two agree only
 * when no cart is pending; a PENDING warning gives the range either rate will land in once the
 * pending carts end. The result states its definition and formula.
 *
 * Bad input fails loudly: a cart that is not a record, a missing or duplicate `cartId`, an
 * unreadable time, a `purchasedAt` before `createdAt`, a negative or non-finite `value` — each an
 * error naming its index. Carts created after `asOf` are left out and counted (`afterAsOf`);
 * purchases after `asOf` had not happened then (`purchasedAfterAsOf`).
 *
 * Intervals: Wilson's score interval by default (Wilson 1927, doi:10.1080/01621459.1927.10502953);
 * any method of `proportionInterval`. Reference: Baymard Institute, "Cart abandonment rate
 * statistics" (the rate as 1 − completed orders / shopping carts created) — see docs/journey.md.
 *
 * @param carts - cart records `{ cartId, createdAt, purchasedAt?, device?, channel?, value? }`; not mutated
 * @param options - `asOf` and `window` (required), `definition` ('baymard'), `by`, `method`
 *   ('wilson'), `confidence` (0.95)
 * @returns CartAbandonmentResult (`kind: 'cart-abandonment'`): an Estimate of the rate plus
 *   `carts`, `purchased`, `abandoned`, `pending`, `purchasedAfterWindow`, `cartValue`, `definition`,
 *   `formula`, `windowMs`, `asOf`, `afterAsOf`, `purchasedAfterAsOf`; with `by` also `groups` and `ungrouped`
 * @throws CxMetricsError EMPTY_INPUT for no carts; INVALID_VALUE (with index) for a bad cart as
 *   above; INVALID_OPTION for missing `asOf`/`window` or a bad option; INSUFFICIENT_DATA when no
 *   cart was created by asOf, or (definition 'ended') every cart is pending
 * @example
 * const carts = [
 *   { cartId: 'k1', createdAt: '2026-06-01T10:00Z', purchasedAt: '2026-06-01T10:20Z' },
 *   { cartId: 'k2', createdAt: '2026-06-02T09:00Z' },
 *   { cartId: 'k3', createdAt: '2026-06-03T18:00Z', purchasedAt: '2026-06-20T08:00Z' },
 *   { cartId: 'k4', createdAt: '2026-06-29T21:00Z' },
 * ]
 * const r = cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 } })
 * [r.purchased, r.abandoned, r.pending, r.purchasedAfterWindow] // => [1, 2, 1, 1]
 * r.value // => 0.75 (1 − 1/4)
 * cartAbandonment(carts, { asOf: '2026-07-01', window: { days: 7 }, definition: 'ended' }).value // => 2 / 3
 */
export function cartAbandonment(carts: readonly CartRecord[], options: CartAbandonmentOptions): CartAbandonmentResult {
  const fn = 'cartAbandonment';
  if (options === undefined) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { asOf, window } are required`);
  }
  const opts = checkOptions(fn, options, KEYS);
  const { asOf, windowMs } = readCartDefinition(fn, opts);
  const settings = cartSettings(fn, opts);
  const by = checkGroupBy<CartRecord>(fn, opts.by);
  const list = checkRecords<CartRecord>(fn, carts, 'cart');
  const counted = countCarts(fn, list, asOf, windowMs, by);
  const { overall, groups, ungrouped } = counted;
  if (overall.purchased + overall.abandoned + overall.pending === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: none of the ${list.length} cart(s) was created by asOf (${iso(asOf)}); expected at least one`,
    );
  }
  // Without `by`, exactly estimate(summarize('cart-abandonment', carts, …)).
  const summary = cartSummaryOf(overall, windowMs, asOf, counted.afterAsOf, counted.purchasedAfterAsOf);
  const result = estimateCartSummary(fn, summary, settings);
  if (by === undefined) return result;
  if (ungrouped > 0) {
    result.warnings.push(
      warning(
        'MISSING_FIELD',
        `${fn}: ${ungrouped} cart(s) have no group (by ${typeof by === 'string' ? `'${by}'` : 'function'} is blank): counted in the overall rate and in ungrouped, in no group`,
      ),
    );
  }
  result.groups = [];
  const undecided: string[] = [];
  for (const key of [...groups.keys()].sort(compareKeys)) {
    const tally = groups.get(key) as CartTally;
    // Definition 'ended' has no rate for a group whose carts are all pending: listed, not thrown.
    if (settings.definition === 'ended' && tally.purchased + tally.abandoned === 0) undecided.push(key);
    else result.groups.push({ key, ...cartFigures(fn, cartSummaryOf(tally, windowMs, asOf, 0, 0), settings) });
  }
  result.ungrouped = ungrouped;
  if (undecided.length > 0) {
    result.pendingGroups = undecided;
    result.warnings.push(
      warning(
        'PENDING',
        `${fn}: ${undecided.length} group(s) have only pending carts, so definition 'ended' has no rate for them yet; listed in pendingGroups, not in groups: ${undecided.map((k) => JSON.stringify(k)).join(', ')}`,
      ),
    );
  }
  return result;
}

/**
 * The cart abandonment rate from counts: carts created, purchased within the window, and pending
 * (younger than the window, not bought); abandoned = carts − purchased − pending.
 *
 * Same definitions and interval as `cartAbandonment`: `'baymard'` (default) 1 − purchased / carts;
 * `'ended'` abandoned / (abandoned + purchased). Reference: Baymard Institute, "Cart abandonment
 * rate statistics"; Wilson (1927), doi:10.1080/01621459.1927.10502953.
 *
 * @param counts - `{ carts, purchased, pending? }`, whole numbers with purchased + pending ≤ carts
 * @param options - `definition` ('baymard'), `method` ('wilson'), `confidence` (0.95)
 * @returns CartAbandonmentResult with `windowMs` and `asOf` null and `cartValue` null
 * @throws CxMetricsError INVALID_VALUE for counts that are not whole numbers or do not add up;
 *   EMPTY_INPUT for no carts; INSUFFICIENT_DATA when (definition 'ended') every cart is pending;
 *   INVALID_OPTION for a bad option
 * @example
 * const r = cartAbandonmentFromCounts({ carts: 1000, purchased: 302 })
 * r.value // => 0.698
 * r.lower // => 0.6688303415169653 (to 1e-12)
 * cartAbandonmentFromCounts({ carts: 1000, purchased: 302, pending: 50 }, { definition: 'ended' }).value // => 648 / 950
 */
export function cartAbandonmentFromCounts(
  counts: CartCounts,
  options: CartAbandonmentIntervalOptions = {},
): CartAbandonmentResult {
  const fn = 'cartAbandonmentFromCounts';
  const opts = checkOptions(fn, options, COUNT_KEYS);
  const settings = cartSettings(fn, opts as Record<string, unknown>);
  if (counts === null || typeof counts !== 'object') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: counts is ${describe(counts)}; expected { carts, purchased, pending? }`,
      {
        value: counts,
      },
    );
  }
  checkOptions(fn, counts, ['carts', 'purchased', 'pending'], 'counts');
  const carts = checkCount(fn, 'carts', counts.carts);
  const purchased = checkCount(fn, 'purchased', counts.purchased);
  const pending = checkCount(fn, 'pending', counts.pending ?? 0);
  if (carts === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: carts is 0; expected at least one cart`);
  if (purchased + pending > carts) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: purchased (${purchased}) + pending (${pending}) exceed carts (${carts}); expected purchased + pending ≤ carts`,
      { value: counts },
    );
  }
  const core = { purchased, pending, abandoned: carts - purchased - pending, purchasedAfterWindow: 0, cartValue: null };
  const figures = cartFigures(fn, core, settings);
  return printable(
    {
      kind: 'cart-abandonment',
      definition: settings.definition,
      formula: FORMULAS[settings.definition],
      ...figures,
      windowMs: null,
      asOf: null,
      afterAsOf: 0,
      purchasedAfterAsOf: 0,
    },
    cartText,
  );
}
