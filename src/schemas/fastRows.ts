// The parsers' fast path, row by row: a hand-written reader per record schema that gives, for a
// row the schema accepts, the very object `schema.safeParse(row).data` is (the same keys in the
// same order, the same values), and UNSURE for any row it is not sure of, which then goes to zod
// so that every message and path stays zod's. The row loop (parseRows.ts) asks `fastPathOf`.
//
// What "the same keys" means, as zod's object parser has it: every field in the shape's order;
// an optional field whose cell is missing is in the output as `undefined` when the row has the key
// (`'channel' in row`, also through its prototype) and left out when it has not. A cell that is
// not undefined is there, so `in` is asked only of undefined cells. Each cell is read once, as
// zod reads it (`row[key]`), so getters work; a row the fast path gives up on is read again by
// zod. Internal to 'cx-metrics/schemas' (not re-exported).
import {
  fastCount,
  fastFlag,
  fastNonNegative,
  fastRequiredText,
  fastScore,
  fastStage,
  fastTags,
  fastText,
  UNSURE,
} from './fastCells.ts';
import { fastOptionalTimestamp, fastTimestamp } from './timestampSchema.ts';

export { UNSURE } from './fastCells.ts';

/** A row's fast reading: the parsed record, or UNSURE. @internal */
export type FastRow = (row: unknown) => unknown;

type Row = Record<string, unknown>;

const registry = new WeakMap<object, FastRow>();
let enabled = true;

/** Register the fast reading of a schema (once, where the schema is built). @internal */
export function registerFastPath<S extends object>(schema: S, fast: FastRow): S {
  registry.set(schema, fast);
  return schema;
}

/** The fast reading of `schema`, if it has one and the fast path is on. @internal */
export function fastPathOf(schema: object): FastRow | undefined {
  return enabled ? registry.get(schema) : undefined;
}

/**
 * Run `parse` with every row parsed by zod alone (the fast path off), then turn it back on, also
 * when `parse` throws: the reference the fast path is tested against. @internal
 */
export function withoutFastPath<T>(parse: () => T): T {
  const previous = enabled;
  enabled = false;
  try {
    return parse();
  } finally {
    enabled = previous;
  }
}

/** zod's object check: an object that is not an array. */
function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an optional field goes into the output: a defined cell, or a key the row has. */
function has(row: Row, key: string, cell: unknown): boolean {
  return cell !== undefined || key in row;
}

/** `later` must not be before `earlier` when both are there (order.ts's `timeOrder`). */
function inOrder(later: Date | undefined, earlier: Date): boolean {
  return later === undefined || later.getTime() >= earlier.getTime();
}

/** The stages and scales a survey-response schema was built with. @internal */
export interface SurveyFastOptions {
  /** Lowercased stage name → the stage as configured. */
  stages: ReadonlyMap<string, string>;
  scales: { readonly [type in 'nps' | 'csat' | 'ces']: { readonly min: number; readonly max: number } };
}

/**
 * The fast reading of `createSurveyResponseSchema(...)`: `type` exactly 'nps', 'csat' or 'ces',
 * then the common fields and the score on that type's scale, in the shape's key order (type, id,
 * respondentId, submittedAt, channel, touchpoint, journeyStage, segment, weight, comment, score).
 * @internal
 */
export function fastSurveyResponse({ stages, scales }: SurveyFastOptions): FastRow {
  const scores = {
    nps: fastScore(scales.nps.min, scales.nps.max),
    csat: fastScore(scales.csat.min, scales.csat.max),
    ces: fastScore(scales.ces.min, scales.ces.max),
  };
  const stage = fastStage(stages);
  return (row) => {
    if (!isRecord(row)) return UNSURE;
    const type = row.type;
    const score = type === 'nps' ? scores.nps : type === 'csat' ? scores.csat : type === 'ces' ? scores.ces : undefined;
    if (score === undefined) return UNSURE;
    const rawId = row.id;
    const id = fastText(rawId);
    if (id === UNSURE) return UNSURE;
    const rawRespondent = row.respondentId;
    const respondentId = fastText(rawRespondent);
    if (respondentId === UNSURE) return UNSURE;
    const submittedAt = fastTimestamp(row.submittedAt);
    if (submittedAt === UNSURE) return UNSURE;
    const rawChannel = row.channel;
    const channel = fastText(rawChannel);
    if (channel === UNSURE) return UNSURE;
    const rawTouchpoint = row.touchpoint;
    const touchpoint = fastText(rawTouchpoint);
    if (touchpoint === UNSURE) return UNSURE;
    const rawStage = row.journeyStage;
    const journeyStage = stage(rawStage);
    if (journeyStage === UNSURE) return UNSURE;
    const rawSegment = row.segment;
    const segment = fastTags(rawSegment);
    if (segment === UNSURE) return UNSURE;
    const rawWeight = row.weight;
    const weight = fastNonNegative(rawWeight);
    if (weight === UNSURE) return UNSURE;
    const rawComment = row.comment;
    const comment = fastText(rawComment);
    if (comment === UNSURE) return UNSURE;
    const rawScore = row.score;
    const value = score(rawScore);
    if (value === UNSURE) return UNSURE;
    const out: Row = { type };
    if (has(row, 'id', rawId)) out.id = id;
    if (has(row, 'respondentId', rawRespondent)) out.respondentId = respondentId;
    out.submittedAt = submittedAt;
    if (has(row, 'channel', rawChannel)) out.channel = channel;
    if (has(row, 'touchpoint', rawTouchpoint)) out.touchpoint = touchpoint;
    if (has(row, 'journeyStage', rawStage)) out.journeyStage = journeyStage;
    if (has(row, 'segment', rawSegment)) out.segment = segment;
    if (has(row, 'weight', rawWeight)) out.weight = weight;
    if (has(row, 'comment', rawComment)) out.comment = comment;
    if (has(row, 'score', rawScore)) out.score = value;
    return out;
  };
}

/** The fast reading of `ticketSchema`, its time order and its reopens check included. @internal */
export const fastTicket: FastRow = (row) => {
  if (!isRecord(row)) return UNSURE;
  const id = fastRequiredText(row.id);
  if (id === UNSURE) return UNSURE;
  const rawCustomer = row.customerId;
  const customerId = fastText(rawCustomer);
  if (customerId === UNSURE) return UNSURE;
  const createdAt = fastTimestamp(row.createdAt);
  if (createdAt === UNSURE) return UNSURE;
  const rawFirst = row.firstResponseAt;
  const firstResponseAt = fastOptionalTimestamp(rawFirst);
  if (firstResponseAt === UNSURE || !inOrder(firstResponseAt, createdAt)) return UNSURE;
  const rawResolved = row.resolvedAt;
  const resolvedAt = fastOptionalTimestamp(rawResolved);
  if (resolvedAt === UNSURE || !inOrder(resolvedAt, createdAt)) return UNSURE;
  const rawReopened = row.reopenedAt;
  const reopenedAt = fastOptionalTimestamp(rawReopened);
  if (reopenedAt === UNSURE || !inOrder(reopenedAt, createdAt)) return UNSURE;
  const rawReopens = row.reopens;
  const reopens = fastCount(rawReopens);
  if (reopens === UNSURE || (reopens === 0 && reopenedAt !== undefined)) return UNSURE;
  const rawReplies = row.agentReplies;
  const agentReplies = fastCount(rawReplies);
  if (agentReplies === UNSURE) return UNSURE;
  const rawContacts = row.customerContacts;
  const customerContacts = fastCount(rawContacts);
  if (customerContacts === UNSURE) return UNSURE;
  const rawChannel = row.channel;
  const channel = fastText(rawChannel);
  if (channel === UNSURE) return UNSURE;
  const rawFlag = row.firstContactResolved;
  const firstContactResolved = fastFlag(rawFlag);
  if (firstContactResolved === UNSURE) return UNSURE;
  const out: Row = { id };
  if (has(row, 'customerId', rawCustomer)) out.customerId = customerId;
  out.createdAt = createdAt;
  if (has(row, 'firstResponseAt', rawFirst)) out.firstResponseAt = firstResponseAt;
  if (has(row, 'resolvedAt', rawResolved)) out.resolvedAt = resolvedAt;
  if (has(row, 'reopenedAt', rawReopened)) out.reopenedAt = reopenedAt;
  if (has(row, 'reopens', rawReopens)) out.reopens = reopens;
  if (has(row, 'agentReplies', rawReplies)) out.agentReplies = agentReplies;
  if (has(row, 'customerContacts', rawContacts)) out.customerContacts = customerContacts;
  if (has(row, 'channel', rawChannel)) out.channel = channel;
  if (has(row, 'firstContactResolved', rawFlag)) out.firstContactResolved = firstContactResolved;
  return out;
};

/** The fast reading of `customerSchema`, its time order included. @internal */
export const fastCustomer: FastRow = (row) => {
  if (!isRecord(row)) return UNSURE;
  const id = fastRequiredText(row.id);
  if (id === UNSURE) return UNSURE;
  const startedAt = fastTimestamp(row.startedAt);
  if (startedAt === UNSURE) return UNSURE;
  const rawEnded = row.endedAt;
  const endedAt = fastOptionalTimestamp(rawEnded);
  if (endedAt === UNSURE || !inOrder(endedAt, startedAt)) return UNSURE;
  const rawPlan = row.plan;
  const plan = fastText(rawPlan);
  if (plan === UNSURE) return UNSURE;
  const rawMrr = row.mrr;
  const mrr = fastNonNegative(rawMrr);
  if (mrr === UNSURE) return UNSURE;
  const out: Row = { id, startedAt };
  if (has(row, 'endedAt', rawEnded)) out.endedAt = endedAt;
  if (has(row, 'plan', rawPlan)) out.plan = plan;
  if (has(row, 'mrr', rawMrr)) out.mrr = mrr;
  return out;
};

/** The fast reading of `journeyEventSchema`. @internal */
export const fastJourneyEvent: FastRow = (row) => {
  if (!isRecord(row)) return UNSURE;
  const customerId = fastRequiredText(row.customerId);
  if (customerId === UNSURE) return UNSURE;
  const stage = fastRequiredText(row.stage);
  if (stage === UNSURE) return UNSURE;
  const at = fastTimestamp(row.at);
  if (at === UNSURE) return UNSURE;
  const rawTouchpoint = row.touchpoint;
  const touchpoint = fastText(rawTouchpoint);
  if (touchpoint === UNSURE) return UNSURE;
  const rawChannel = row.channel;
  const channel = fastText(rawChannel);
  if (channel === UNSURE) return UNSURE;
  const rawDevice = row.device;
  const device = fastText(rawDevice);
  if (device === UNSURE) return UNSURE;
  const out: Row = { customerId, stage, at };
  if (has(row, 'touchpoint', rawTouchpoint)) out.touchpoint = touchpoint;
  if (has(row, 'channel', rawChannel)) out.channel = channel;
  if (has(row, 'device', rawDevice)) out.device = device;
  return out;
};

/** The fast reading of `cartSchema`, its time order included. @internal */
export const fastCart: FastRow = (row) => {
  if (!isRecord(row)) return UNSURE;
  const cartId = fastRequiredText(row.cartId);
  if (cartId === UNSURE) return UNSURE;
  const createdAt = fastTimestamp(row.createdAt);
  if (createdAt === UNSURE) return UNSURE;
  const rawPurchased = row.purchasedAt;
  const purchasedAt = fastOptionalTimestamp(rawPurchased);
  if (purchasedAt === UNSURE || !inOrder(purchasedAt, createdAt)) return UNSURE;
  const rawDevice = row.device;
  const device = fastText(rawDevice);
  if (device === UNSURE) return UNSURE;
  const rawChannel = row.channel;
  const channel = fastText(rawChannel);
  if (channel === UNSURE) return UNSURE;
  const rawValue = row.value;
  const value = fastNonNegative(rawValue);
  if (value === UNSURE) return UNSURE;
  const out: Row = { cartId, createdAt };
  if (has(row, 'purchasedAt', rawPurchased)) out.purchasedAt = purchasedAt;
  if (has(row, 'device', rawDevice)) out.device = device;
  if (has(row, 'channel', rawChannel)) out.channel = channel;
  if (has(row, 'value', rawValue)) out.value = value;
  return out;
};
