import { checkOptions } from '../options.ts';
import type { TimestampReading } from '../time/timestamp.ts';
import { checkColumns, fieldView } from './columns.ts';
import { cartSchema, journeyEventSchema, type ParsedCart, type ParsedJourneyEvent } from './journeySchema.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';
import {
  TIMESTAMP_OPTION_KEYS,
  type TimestampParseOptions,
  timestampReadingOption,
  withTimestampReading,
} from './timestampSchema.ts';

/**
 * Options of `parseJourneyEvents` and `parseJourneyEventsOrThrow`: how to read times the export
 * does not fully describe, and where to read each field from.
 *
 * @example
 * parseJourneyEvents([{ customer_id: 'U1', stage: 'visit', at: '2026-04-01' }], { columns: { customerId: 'customer_id' } }).data[0].customerId // => 'U1'
 */
export interface ParseJourneyEventsOptions extends TimestampParseOptions {
  /** Where each field is read from, for exports with other column names (field → column). */
  columns?: { readonly [F in keyof ParsedJourneyEvent]?: string | undefined };
}

/**
 * Options of `parseCarts` and `parseCartsOrThrow`: how to read times the export does not fully
 * describe, and where to read each field from.
 *
 * @example
 * parseCarts([{ cart_id: 'K-1', created_at: '2026-04-01' }], { columns: { cartId: 'cart_id', createdAt: 'created_at' } }).data[0].cartId // => 'K-1'
 */
export interface ParseCartsOptions extends TimestampParseOptions {
  /** Where each field is read from, for exports with other column names (field → column). */
  columns?: { readonly [F in keyof ParsedCart]?: string | undefined };
}

const EVENT_FIELDS: readonly string[] = Object.keys(journeyEventSchema.shape);
const CART_FIELDS: readonly string[] = Object.keys(cartSchema.shape);

/** The checked options: the timestamp reading, and the column mapping for the row loop. */
function prepare(
  fn: string,
  options: ParseJourneyEventsOptions | ParseCartsOptions | undefined,
  fields: readonly string[],
  required: readonly string[],
): { reading: TimestampReading; plan: RowPlan } {
  const checked = checkOptions(fn, options, [...TIMESTAMP_OPTION_KEYS, 'columns']);
  const columns = checkColumns(fn, checked.columns, fields);
  const view = columns === undefined ? undefined : fieldView(fields, columns);
  const plan: RowPlan = { columns, view, required: [...required] };
  return { reading: timestampReadingOption(fn, checked), plan };
}

const EVENT_REQUIRED = ['customerId', 'stage', 'at'];
const CART_REQUIRED = ['cartId', 'createdAt'];

/**
 * Validate journey events (CSV rows or JSON records) against `journeyEventSchema` without
 * throwing: good rows in `data` (ready for `funnel`), every problem of every bad row in `errors`
 * as `{ index, path, message }`.
 *
 * Times are ISO-8601 (no offset = UTC, or `options.timeZone`), epoch milliseconds from 2000 on,
 * or Dates; for exports in epoch seconds pass `timestampUnit: 's'`. Follows the row-level
 * validation of the other parsers (see Zod, https://zod.dev, on which the schema is built).
 *
 * @param rows - records to validate (not mutated)
 * @param options - `timestampUnit` ('ms' default, or 's'), `timeZone` (IANA name) of zone-less times;
 *   `columns` (field → column name) for exports with other column names
 * @returns `{ data, rows, errors }`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for bad options (an unknown key, or a `columns` key that is not a field)
 * @example
 * const { data, errors } = parseJourneyEvents([
 *   { customerId: 'U1', stage: 'visit', at: '2026-04-01T06:19Z' },
 *   { customerId: 'U1', stage: 'cart', at: 'yesterday' },
 * ])
 * data.length // => 1
 * [errors[0].index, errors[0].path] // => [1, ['at']]
 */
export function parseJourneyEvents(
  rows: readonly unknown[],
  options?: ParseJourneyEventsOptions,
): ParseResult<ParsedJourneyEvent> {
  const { reading, plan } = prepare('parseJourneyEvents', options, EVENT_FIELDS, EVENT_REQUIRED);
  return withTimestampReading(reading, () => parseRowsAs('parseJourneyEvents', rows, journeyEventSchema, plan));
}

/**
 * Like `parseJourneyEvents`, but returns the events and throws one CxMetricsError listing every
 * problem when any row is bad (row-level validation built on Zod, https://zod.dev).
 *
 * @param rows - records to validate
 * @param options - as for `parseJourneyEvents`
 * @returns the parsed events
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the
 *   `RowError`s; INVALID_OPTION for bad options
 * @example
 * parseJourneyEventsOrThrow([{ customerId: 7, stage: 'visit', at: 1777626000 }], { timestampUnit: 's' })[0].at.toISOString() // => '2026-05-01T09:00:00.000Z'
 */
export function parseJourneyEventsOrThrow(
  rows: readonly unknown[],
  options?: ParseJourneyEventsOptions,
): ParsedJourneyEvent[] {
  const { reading, plan } = prepare('parseJourneyEventsOrThrow', options, EVENT_FIELDS, EVENT_REQUIRED);
  return withTimestampReading(reading, () =>
    parseRowsOrThrowAs('parseJourneyEventsOrThrow', rows, journeyEventSchema, plan),
  );
}

/**
 * Validate shopping carts (CSV rows or JSON records) against `cartSchema` without throwing: good
 * rows in `data` (ready for `cartAbandonment`), every problem of every bad row in `errors` as
 * `{ index, path, message }`. A blank `purchasedAt` is a cart not bought, not an error; a
 * `purchasedAt` before `createdAt` is an error on ['purchasedAt'].
 *
 * Row-level validation built on Zod (https://zod.dev), as the other parsers.
 *
 * @param rows - records to validate (not mutated)
 * @param options - `timestampUnit` ('ms' default, or 's'), `timeZone` (IANA name) of zone-less times;
 *   `columns` (field → column name) for exports with other column names
 * @returns `{ data, rows, errors }`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for bad options (an unknown key, or a `columns` key that is not a field)
 * @example
 * const { data, errors } = parseCarts([
 *   { cartId: 'K-1', createdAt: '2026-04-01T06:33Z', purchasedAt: '2026-04-01T06:38Z' },
 *   { cartId: 'K-2', createdAt: '2026-04-02T10:00Z', purchasedAt: '' },
 *   { cartId: 'K-3', createdAt: '2026-04-02T10:00Z', purchasedAt: '2026-04-01T10:00Z' },
 * ])
 * data.map((c) => c.purchasedAt?.toISOString()) // => ['2026-04-01T06:38:00.000Z', undefined]
 * [errors[0].index, errors[0].path] // => [2, ['purchasedAt']]
 */
export function parseCarts(rows: readonly unknown[], options?: ParseCartsOptions): ParseResult<ParsedCart> {
  const { reading, plan } = prepare('parseCarts', options, CART_FIELDS, CART_REQUIRED);
  return withTimestampReading(reading, () => parseRowsAs('parseCarts', rows, cartSchema, plan));
}

/**
 * Like `parseCarts`, but returns the carts and throws one CxMetricsError listing every problem
 * when any row is bad (row-level validation built on Zod, https://zod.dev).
 *
 * @param rows - records to validate
 * @param options - as for `parseCarts`
 * @returns the parsed carts
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row and `value` all the
 *   `RowError`s; INVALID_OPTION for bad options
 * @example
 * parseCartsOrThrow([{ cartId: 5001, createdAt: 1777626000000 }])[0].cartId // => '5001'
 */
export function parseCartsOrThrow(rows: readonly unknown[], options?: ParseCartsOptions): ParsedCart[] {
  const { reading, plan } = prepare('parseCartsOrThrow', options, CART_FIELDS, CART_REQUIRED);
  return withTimestampReading(reading, () => parseRowsOrThrowAs('parseCartsOrThrow', rows, cartSchema, plan));
}
