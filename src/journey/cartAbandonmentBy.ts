import type { PAdjustMethod } from '../analysis/adjustPValues.ts';
import type { ProportionHomogeneityTest } from '../analysis/proportionHomogeneityTest.ts';
import type { ProportionsDifference } from '../compare/compareProportions.ts';
import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import {
  type CartAbandonmentGroup,
  type CartAbandonmentOptions,
  type CartAbandonmentResult,
  cartAbandonment,
} from './cartAbandonment.ts';
import type { CartRecord, GroupBy } from './records.ts';
import { compareSegments, type SegmentVersusRest, segmentSettings } from './segments.ts';

/**
 * Options of `cartAbandonmentBy`: those of `cartAbandonment` with `by` required, and how the
 * comparisons are adjusted.
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', device: 'mobile' }, { cartId: 2, createdAt: '2026-06-01', purchasedAt: '2026-06-01', device: 'desktop' }]
 * cartAbandonmentBy(carts, { asOf: '2026-07-01', window: { days: 7 }, by: 'device', adjust: 'bh' }).adjust // => 'bh'
 */
export interface CartAbandonmentByOptions extends Omit<CartAbandonmentOptions, 'by'> {
  /** The segment of each cart: a cart field (`'device'`, `'channel'`) or a function. Required. */
  by: GroupBy<CartRecord>;
  /** p-value adjustment across the segments (any `adjustPValues` method); `'holm'` by default. */
  adjust?: PAdjustMethod;
  /** A segment is flagged when its adjusted p-value is below this; 0.05 by default. */
  level?: number;
}

/**
 * One segment's abandonment (as `cartAbandonment`'s groups) and its rate against the other
 * segments' pooled rate (signed: this segment minus the rest).
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', device: 'mobile' }, { cartId: 2, createdAt: '2026-06-01', purchasedAt: '2026-06-01', device: 'desktop' }]
 * const s = cartAbandonmentBy(carts, { asOf: '2026-07-01', window: { days: 7 }, by: 'device' }).segments[1]
 * [s.key, s.value, s.vsRest.difference] // => ['mobile', 1, 1]
 */
export interface CartAbandonmentSegment extends CartAbandonmentGroup, Omit<SegmentVersusRest, 'warnings'> {
  /** The segment's rate minus the other segments' pooled rate (compareProportions); null when either side has no carts counted. */
  vsRest: ProportionsDifference | null;
}

/**
 * Result of `cartAbandonmentBy`.
 *
 * @example
 * const carts = [{ cartId: 1, createdAt: '2026-06-01', device: 'mobile' }]
 * const r = cartAbandonmentBy(carts, { asOf: '2026-07-01', window: { days: 7 }, by: 'device' })
 * [r.kind, r.by, r.definition, r.overall.kind, r.test] // => ['cart-abandonment-by', 'device', 'baymard', 'cart-abandonment', null]
 */
export interface CartAbandonmentByResult {
  kind: 'cart-abandonment-by';
  /** The `by` field, or 'function'. */
  by: string;
  definition: CartAbandonmentResult['definition'];
  formula: string;
  /** The rate on every cart (`cartAbandonment` with `by`, so with its groups). */
  overall: CartAbandonmentResult;
  /** The segments, sorted by key, each against the rest. */
  segments: CartAbandonmentSegment[];
  /** Pearson's chi-square test of an equal rate across the segments; null when fewer than 2. */
  test: ProportionHomogeneityTest | null;
  adjust: PAdjustMethod;
  level: number;
  warnings: CxWarning[];
}

const KEYS = ['asOf', 'window', 'by', 'definition', 'method', 'confidence', 'adjust', 'level'] as const;

/**
 * Cart abandonment by segment (device, channel): each segment's rate against the pooled rate of
 * the other segments, with the many comparisons adjusted — "is mobile abandonment really higher?".
 *
 * `cartAbandonment` counts the carts (purchased within the window, abandoned, pending) under the
 * chosen definition: `'baymard'` (1 − purchased / carts; pending carts count as not bought yet)
 * or `'ended'` (abandoned / (abandoned + purchased); pending carts left out, so a segment with
 * many recent carts is not made to look worse — prefer it for comparisons while carts are
 * pending). Each segment's abandoned-or-unbought count out of its n is compared with the other
 * segments' pooled counts (carts without a segment are in neither) by `compareProportions` —
 * Newcombe's (1998) hybrid score interval and the pooled z-test — the p-values adjusted across
 * the segments (Holm 1979 by default) and a segment flagged `higher` / `lower` below `level`.
 * `test` is Pearson's chi-square test of an equal rate across the segments. With `'ended'`, a
 * segment whose carts are all pending has no rate and is listed in `overall.pendingGroups`, not
 * compared.
 *
 * @param carts - carts `{ cartId, createdAt, purchasedAt?, … }` (see `cartAbandonment`)
 * @param options - `cartAbandonment`'s options with `by` required, plus `adjust` and `level`
 * @returns CartAbandonmentByResult (`kind: 'cart-abandonment-by'`): `segments` with `vsRest`,
 *   `adjustedPValue` and `flag`; `test`; the `overall` result; warnings
 * @throws CxMetricsError as `cartAbandonment`; INVALID_OPTION for a missing `by`, a bad `adjust` or `level`
 * @example
 * const carts = []
 * for (let i = 0; i < 200; i++) {
 *   const device = i % 2 === 0 ? 'desktop' : 'mobile'
 *   const bought = device === 'desktop' ? i % 4 !== 0 : i % 8 === 1
 *   carts.push({ cartId: i, createdAt: '2026-06-01', purchasedAt: bought ? '2026-06-01' : null, device })
 * }
 * const r = cartAbandonmentBy(carts, { asOf: '2026-07-01', window: { days: 7 }, by: 'device' })
 * r.segments.map((s) => [s.key, s.value, s.flag]) // => [['desktop', 0.5, 'lower'], ['mobile', 0.75, 'higher']]
 * r.test.df // => 1
 */
export function cartAbandonmentBy(
  carts: readonly CartRecord[],
  options: CartAbandonmentByOptions,
): CartAbandonmentByResult {
  const fn = 'cartAbandonmentBy';
  if (options === undefined)
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { asOf, window, by } are required`);
  const o = checkOptions(fn, options, KEYS);
  if (o.by === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: by is required: a cart field (e.g. 'device') or a function (cart, index) => segment`,
    );
  }
  const settings = segmentSettings(fn, o);
  const { adjust: _a, level: _l, ...cartOptions } = o;
  let overall: CartAbandonmentResult;
  try {
    overall = cartAbandonment(carts, cartOptions as CartAbandonmentOptions);
  } catch (error) {
    if (error instanceof CxMetricsError && error.message.startsWith('cartAbandonment:')) {
      const init: { index?: number; value?: unknown } = { value: error.value };
      if (error.index !== undefined) init.index = error.index;
      throw new CxMetricsError(error.code, `${fn}${error.message.slice('cartAbandonment'.length)}`, init);
    }
    throw error;
  }
  const groups = overall.groups ?? [];
  const baymard = overall.definition === 'baymard';
  const { comparisons, test, warnings } = compareSegments(
    fn,
    'carts counted',
    groups.map((g) => ({
      key: g.key,
      successes: baymard ? g.abandoned + g.pending : g.abandoned,
      n: baymard ? g.carts : g.abandoned + g.purchased,
    })),
    settings,
  );
  const segments = groups.map((g, j) => {
    const c = comparisons[j] as SegmentVersusRest;
    return {
      ...g,
      vsRest: c.vsRest,
      pValue: c.pValue,
      adjustedPValue: c.adjustedPValue,
      flag: c.flag,
      warnings: [...g.warnings, ...c.warnings],
    };
  });
  const all: CxWarning[] = [...overall.warnings, ...warnings];
  if (baymard && overall.pending > 0) {
    all.push(
      warning(
        'PENDING',
        `${fn}: ${overall.pending} pending cart(s) count as not bought under 'baymard', so a segment with more recent carts looks worse; definition 'ended' compares the decided carts only`,
      ),
    );
  }
  const result: CartAbandonmentByResult = {
    kind: 'cart-abandonment-by',
    by: typeof o.by === 'string' ? o.by : 'function',
    definition: overall.definition,
    formula: overall.formula,
    overall,
    segments,
    test,
    adjust: settings.adjust,
    level: settings.level,
    warnings: all,
  };
  return printable(result, cartByText);
}

function cartByText(r: CartAbandonmentByResult): string {
  const flagged = r.segments.filter((s) => s.flag !== 'none');
  const head = `Cart abandonment by ${r.by} (${r.definition}; ${r.segments.length} segments)`;
  if (flagged.length === 0) return `${head}: no segment differs from the rest after adjustment`;
  return `${head}: ${flagged
    .map(
      (s) =>
        `${s.key} ${s.flag} (${(100 * s.value).toFixed(1)}%, adjusted p = ${(s.adjustedPValue as number).toPrecision(2)})`,
    )
    .join(', ')}`;
}
