import { CxMetricsError } from '../errors.ts';
import { percent, printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { mismatch, summaryCount, summaryFields, summaryNumber } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { CartAbandonmentSummary } from '../summary/types.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import type {
  CartAbandonmentDefinition,
  CartAbandonmentFigures,
  CartAbandonmentResult,
  CartValueTotals,
} from './cartAbandonment.ts';
import {
  type CartRecord,
  checkRecords,
  type GroupBy,
  groupKey,
  isAbsent,
  iso,
  readDuration,
  readId,
  readTime,
  readTimeOption,
  recordAt,
  round3,
} from './records.ts';

// The cart abandonment summary family: carts purchased, abandoned and pending against one window
// at one asOf, with their values. `cartAbandonment(carts, o)` without `by` is
// `estimate(summarize('cart-abandonment', carts, o₁), o₂)`; the definition is an estimate option.

/** The definitions of the rate, default first. @internal */
export const DEFINITIONS: readonly CartAbandonmentDefinition[] = ['baymard', 'ended'];

/** The formula of each definition. @internal */
export const FORMULAS: Record<CartAbandonmentDefinition, string> = {
  baymard: '1 − purchased / carts',
  ended: 'abandoned / (abandoned + purchased)',
};

/** Options that shape a cart summary. @internal */
export const CART_SUMMARY_KEYS = ['asOf', 'window'] as const;
/** Options of the cart estimate. @internal */
export const CART_ESTIMATE_KEYS = ['definition', 'method', 'confidence'] as const;

const SHAPE = '{ cartId, createdAt, purchasedAt? }';

/** Checked definition and interval settings. @internal */
export interface CartSettings {
  definition: CartAbandonmentDefinition;
  method: ProportionMethod;
  confidence: number;
}

/** Check definition, method and confidence. @internal */
export function cartSettings(fn: string, opts: Record<string, unknown>): CartSettings {
  return {
    definition: checkOneOf(fn, 'definition', opts.definition ?? 'baymard', DEFINITIONS),
    method: checkOneOf(fn, 'method', opts.method ?? 'wilson', PROPORTION_METHODS),
    confidence: checkConfidence(fn, opts.confidence ?? 0.95),
  };
}

/** The window and asOf of a cart count, checked (both required). @internal */
export function readCartDefinition(fn: string, opts: Record<string, unknown>): { asOf: number; windowMs: number } {
  const asOf = readTimeOption(
    fn,
    'asOf',
    opts.asOf,
    'the time the data was taken; carts younger than the window then are pending',
  );
  if (opts.window === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: window is required: how long a cart has to be bought before it counts as abandoned (e.g. { days: 7 })${fn.startsWith('trend') ? '; in trend, window is the rolling window: give the purchase window as metricOptions: { window }' : ''}`,
    );
  }
  return { asOf, windowMs: readDuration(fn, 'window', opts.window) };
}

/** Per group: the carts by outcome and their values. @internal */
export interface CartTally {
  purchased: number;
  abandoned: number;
  pending: number;
  late: number;
  values: CartValueTotals;
  /** Neumaier compensations of the three value sums, so cents add up to cents. */
  compensation: { purchased: number; abandoned: number; pending: number };
  valued: boolean;
}

/** An empty tally. @internal */
export function newCartTally(): CartTally {
  return {
    purchased: 0,
    abandoned: 0,
    pending: 0,
    late: 0,
    values: { purchased: 0, abandoned: 0, pending: 0, missing: 0 },
    compensation: { purchased: 0, abandoned: 0, pending: 0 },
    valued: false,
  };
}

/** The counts of a list of carts: overall and, with `by`, per group. @internal */
export interface CartCount {
  overall: CartTally;
  groups: Map<string, CartTally>;
  afterAsOf: number;
  purchasedAfterAsOf: number;
  ungrouped: number;
}

/** Read every cart once (each mistake an error with its index) and tally the outcomes. @internal */
export function countCarts(
  fn: string,
  list: readonly CartRecord[],
  asOf: number,
  windowMs: number,
  by?: GroupBy<CartRecord>,
): CartCount {
  const overall = newCartTally();
  const groups = new Map<string, CartTally>();
  const seen = new Map<string, number>();
  let afterAsOf = 0;
  let purchasedAfterAsOf = 0;
  let ungrouped = 0;
  for (let i = 0; i < list.length; i++) {
    const cart = recordAt(fn, list, i, 'cart', SHAPE);
    const id = readId(fn, cart.cartId, i, 'cart', 'cartId');
    const label = `cart at index ${i} (cartId ${JSON.stringify(id)})`;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${label} repeats the cartId of the cart at index ${first}; expected each cart once (a cart bought in several orders is still one cart)`,
        { index: i, value: cart.cartId },
      );
    }
    seen.set(id, i);
    const createdAt = readTime(fn, cart.createdAt, i, label, 'createdAt', true) as number;
    let purchasedAt = readTime(fn, cart.purchasedAt, i, label, 'purchasedAt', false);
    if (purchasedAt !== undefined && purchasedAt < createdAt) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${label}: purchasedAt (${iso(purchasedAt)}) is before createdAt (${iso(createdAt)}); expected a purchase at or after the cart's creation`,
        { index: i, value: cart.purchasedAt },
      );
    }
    const value = readValue(fn, cart.value, i, label);
    if (createdAt > asOf) {
      afterAsOf++;
      continue;
    }
    if (purchasedAt !== undefined && purchasedAt > asOf) {
      purchasedAt = undefined;
      purchasedAfterAsOf++;
    }
    const outcome =
      purchasedAt !== undefined && purchasedAt <= createdAt + windowMs
        ? 'purchased'
        : createdAt + windowMs > asOf
          ? 'pending'
          : 'abandoned';
    const late = outcome === 'abandoned' && purchasedAt !== undefined;
    add(overall, outcome, late, value);
    if (by !== undefined) {
      const key = groupKey(fn, by, cart, i, 'cart');
      if (key === undefined) {
        ungrouped++;
        continue;
      }
      let tally = groups.get(key);
      if (tally === undefined) {
        tally = newCartTally();
        groups.set(key, tally);
      }
      add(tally, outcome, late, value);
    }
  }
  return { overall, groups, afterAsOf, purchasedAfterAsOf, ungrouped };
}

function readValue(fn: string, value: unknown, i: number, label: string): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: ${label}: value is ${describe(value)}; expected a finite number ≥ 0 (the cart's value), or none`,
    { index: i, value },
  );
}

function add(
  tally: CartTally,
  outcome: 'purchased' | 'abandoned' | 'pending',
  late: boolean,
  value: number | undefined,
) {
  tally[outcome]++;
  if (late) tally.late++;
  if (value === undefined) tally.values.missing++;
  else {
    // Neumaier's compensated sum (Neumaier 1974): a plain sum of 2-decimal prices drifts off the cent.
    const sum = tally.values[outcome];
    const t = sum + value;
    tally.compensation[outcome] += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    tally.values[outcome] = t;
    tally.valued = true;
  }
}

/** The summary of one tally. @internal */
export function cartSummaryOf(
  tally: CartTally,
  windowMs: number,
  asOf: number,
  afterAsOf: number,
  purchasedAfterAsOf: number,
): CartAbandonmentSummary {
  return {
    kind: 'cart-abandonment-summary',
    version: 1,
    windowMs,
    asOf: iso(asOf),
    purchased: tally.purchased,
    abandoned: tally.abandoned,
    pending: tally.pending,
    purchasedAfterWindow: tally.late,
    afterAsOf,
    purchasedAfterAsOf,
    cartValue: tally.valued
      ? {
          purchased: tally.values.purchased + tally.compensation.purchased,
          abandoned: tally.values.abandoned + tally.compensation.abandoned,
          pending: tally.values.pending + tally.compensation.pending,
          missing: tally.values.missing,
        }
      : null,
  };
}

function summarizeCarts(fn: string, input: unknown, o: Record<string, unknown>): CartAbandonmentSummary {
  const { asOf, windowMs } = readCartDefinition(fn, o);
  // No carts is a summary of nothing (an empty period of a trend), not an error.
  const list = Array.isArray(input) && input.length === 0 ? [] : checkRecords<CartRecord>(fn, input, 'cart');
  const c = countCarts(fn, list, asOf, windowMs);
  return cartSummaryOf(c.overall, windowMs, asOf, c.afterAsOf, c.purchasedAfterAsOf);
}

/** Check a cart summary from outside and copy it. @internal */
export function checkCartSummary(fn: string, s: unknown): CartAbandonmentSummary {
  const o = summaryFields(fn, s, 'cart-abandonment-summary', [
    'kind',
    'version',
    'windowMs',
    'asOf',
    'purchased',
    'abandoned',
    'pending',
    'purchasedAfterWindow',
    'afterAsOf',
    'purchasedAfterAsOf',
    'cartValue',
  ]);
  const windowMs = summaryNumber(fn, 'windowMs', o.windowMs, 'positive');
  const asOf = typeof o.asOf === 'string' ? Date.parse(o.asOf) : Number.NaN;
  if (!Number.isFinite(asOf)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: asOf is ${describe(o.asOf)}; expected an ISO-8601 instant`, {
      value: o.asOf,
    });
  }
  const purchased = summaryCount(fn, 'purchased', o.purchased);
  const abandoned = summaryCount(fn, 'abandoned', o.abandoned);
  const pending = summaryCount(fn, 'pending', o.pending);
  const purchasedAfterWindow = summaryCount(fn, 'purchasedAfterWindow', o.purchasedAfterWindow);
  if (purchasedAfterWindow > abandoned) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: purchasedAfterWindow (${purchasedAfterWindow}) exceeds abandoned (${abandoned}); carts bought late are counted in abandoned`,
      { value: purchasedAfterWindow },
    );
  }
  let cartValue: CartAbandonmentSummary['cartValue'] = null;
  if (o.cartValue !== null) {
    const v = summaryFields(fn, { kind: 'cart-value', version: 1, ...(o.cartValue as object) }, 'cart-value', [
      'kind',
      'version',
      'purchased',
      'abandoned',
      'pending',
      'missing',
    ]);
    cartValue = {
      purchased: summaryNumber(fn, 'cartValue.purchased', v.purchased, 'non-negative'),
      abandoned: summaryNumber(fn, 'cartValue.abandoned', v.abandoned, 'non-negative'),
      pending: summaryNumber(fn, 'cartValue.pending', v.pending, 'non-negative'),
      missing: summaryCount(fn, 'cartValue.missing', v.missing),
    };
    if (cartValue.missing > purchased + abandoned + pending) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: cartValue.missing (${cartValue.missing}) exceeds the carts`, {
        value: cartValue.missing,
      });
    }
  }
  return {
    kind: 'cart-abandonment-summary',
    version: 1,
    windowMs,
    asOf: iso(asOf),
    purchased,
    abandoned,
    pending,
    purchasedAfterWindow,
    afterAsOf: summaryCount(fn, 'afterAsOf', o.afterAsOf),
    purchasedAfterAsOf: summaryCount(fn, 'purchasedAfterAsOf', o.purchasedAfterAsOf),
    cartValue,
  };
}

function mergeCarts(fn: string, a: CartAbandonmentSummary, b: CartAbandonmentSummary): CartAbandonmentSummary {
  if (a.windowMs !== b.windowMs) throw mismatch(fn, 'windows (windowMs)', a.windowMs, b.windowMs);
  if (a.asOf !== b.asOf) throw mismatch(fn, 'asOf', a.asOf, b.asOf);
  // A summary without values has a missing value for each of its carts.
  const values = (s: CartAbandonmentSummary) =>
    s.cartValue ?? { purchased: 0, abandoned: 0, pending: 0, missing: s.purchased + s.abandoned + s.pending };
  const va = values(a);
  const vb = values(b);
  return {
    kind: 'cart-abandonment-summary',
    version: 1,
    windowMs: a.windowMs,
    asOf: a.asOf,
    purchased: a.purchased + b.purchased,
    abandoned: a.abandoned + b.abandoned,
    pending: a.pending + b.pending,
    purchasedAfterWindow: a.purchasedAfterWindow + b.purchasedAfterWindow,
    afterAsOf: a.afterAsOf + b.afterAsOf,
    purchasedAfterAsOf: a.purchasedAfterAsOf + b.purchasedAfterAsOf,
    cartValue:
      a.cartValue === null && b.cartValue === null
        ? null
        : {
            purchased: va.purchased + vb.purchased,
            abandoned: va.abandoned + vb.abandoned,
            pending: va.pending + vb.pending,
            missing: va.missing + vb.missing,
          },
  };
}

/** What the figures of a rate rest on. @internal */
export interface CartCore {
  purchased: number;
  abandoned: number;
  pending: number;
  purchasedAfterWindow: number;
  cartValue: CartValueTotals | null;
}

/** The rate and the counts of one summary (overall, a group's, or counts). @internal */
export function cartFigures(fn: string, core: CartCore, settings: CartSettings): CartAbandonmentFigures {
  const { purchased, abandoned, pending } = core;
  const carts = purchased + abandoned + pending;
  const baymard = settings.definition === 'baymard';
  const x = baymard ? abandoned + pending : abandoned;
  const n = baymard ? carts : abandoned + purchased;
  if (n === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      carts === 0
        ? `${fn}: no cart was created by asOf; expected at least one`
        : `${fn}: all ${pending} cart(s) are pending (younger than the window, not bought); definition 'ended' needs at least one cart that was bought or abandoned`,
    );
  }
  const estimate = proportionIntervalUnchecked(fn, x, n, settings.method, settings.confidence);
  const warnings: CxWarning[] = [];
  if (pending > 0) {
    // Once they end, each pending cart is bought or abandoned; either rate is then abandoned / carts.
    const low = abandoned / carts;
    const high = (abandoned + pending) / carts;
    warnings.push(
      warning(
        'PENDING',
        `${fn}: ${pending} cart(s) are younger than the window and not bought: pending, not abandoned` +
          (baymard ? " (with Baymard's definition they count in carts, as not bought yet)" : ', left out of n') +
          `; once they end, the rate will lie between ${round3(low)} and ${round3(high)}`,
      ),
    );
  }
  if (core.purchasedAfterWindow > 0) {
    warnings.push(
      warning(
        'PURCHASED_AFTER_WINDOW',
        `${fn}: ${core.purchasedAfterWindow} cart(s) were bought after their window closed: abandoned and recovered later, counted as abandoned (and in purchasedAfterWindow)`,
      ),
    );
  }
  return {
    ...estimate,
    warnings: [...warnings, ...estimate.warnings],
    carts,
    purchased,
    abandoned,
    pending,
    purchasedAfterWindow: core.purchasedAfterWindow,
    cartValue: core.cartValue === null ? null : { ...core.cartValue },
  };
}

/** The result of a cart summary (no groups). @internal */
export function estimateCartSummary(
  fn: string,
  s: CartAbandonmentSummary,
  settings: CartSettings,
): CartAbandonmentResult {
  const figures = cartFigures(fn, s, settings);
  const notes: CxWarning[] = [];
  if (s.afterAsOf > 0) {
    notes.push(
      warning(
        'AFTER_AS_OF',
        `${fn}: ${s.afterAsOf} cart(s) created after asOf (${s.asOf}) are left out (counted in afterAsOf)`,
      ),
    );
  }
  if (s.purchasedAfterAsOf > 0) {
    notes.push(
      warning(
        'AFTER_AS_OF',
        `${fn}: ${s.purchasedAfterAsOf} cart(s) bought after asOf (${s.asOf}) count as not bought at asOf`,
      ),
    );
  }
  const result: CartAbandonmentResult = {
    kind: 'cart-abandonment',
    definition: settings.definition,
    formula: FORMULAS[settings.definition],
    ...figures,
    warnings: [...figures.warnings, ...notes],
    windowMs: s.windowMs,
    asOf: s.asOf,
    afterAsOf: s.afterAsOf,
    purchasedAfterAsOf: s.purchasedAfterAsOf,
  };
  return printable(result, cartText);
}

/** One readable line of a cart abandonment result. @internal */
export function cartText(r: CartAbandonmentResult): string {
  const codes = [...new Set(r.warnings.map((w) => w.code))];
  const pending = r.pending > 0 ? `, ${r.pending} pending` : '';
  return (
    `Cart abandonment ${percent(r.value)} [${percent(r.lower)}, ${percent(r.upper)}] ` +
    `(${r.definition}: ${r.formula}; ${r.method}, ${Math.round(r.confidence * 1000) / 10}%, n=${r.n}${pending})` +
    (codes.length > 0 ? ` ⚠ ${codes.join(', ')}` : '')
  );
}

/** The cart abandonment summary family. @internal */
export const CART_ABANDONMENT_FAMILY: SummaryFamily<CartAbandonmentSummary, CartAbandonmentResult> = {
  metric: 'cart-abandonment',
  kind: 'cart-abandonment-summary',
  summarizeKeys: CART_SUMMARY_KEYS,
  estimateKeys: CART_ESTIMATE_KEYS,
  summarize: summarizeCarts,
  merge: mergeCarts,
  check: checkCartSummary,
  estimate: (fn, s, o) => estimateCartSummary(fn, s, cartSettings(fn, o)),
  distinctKeys: ['window'],
};
