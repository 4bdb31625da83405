import { CxMetricsError } from '../errors.ts';
import { checkOneOf } from '../stats/validate.ts';
import type { FunnelOrder } from './funnel.ts';
import { checkStages, readEvents } from './funnelEvents.ts';
import { type Walk, walkAny, walkStrict } from './funnelWalk.ts';
import { type GroupBy, groupKey, type JourneyEvent, readDuration, readTimeOption } from './records.ts';

// Counting a funnel: every event read once, each customer walked through the stages, and where
// each customer stopped tallied (overall and, with a group key, per group). Shared by `funnel`,
// `summarize('funnel')` and the customer-level grouping of `breakdown` and `trend`.

/** The stage-order rules of a funnel, default first. @internal */
export const ORDERS: readonly FunnelOrder[] = ['strict', 'any'];

/** What a funnel is counted under: stages, asOf (ms), window (ms) and order. @internal */
export interface FunnelDefinition {
  stages: readonly string[];
  asOf: number;
  within: number | undefined;
  order: FunnelOrder;
}

/** The definition options (stages, asOf, within, order), checked. @internal */
export function readFunnelDefinition(fn: string, o: Record<string, unknown>): FunnelDefinition {
  const stages = checkStages(fn, o.stages);
  const asOf = readTimeOption(
    fn,
    'asOf',
    o.asOf,
    'the time the data was taken; customers still inside their window then are pending',
  );
  const within = o.within === undefined ? undefined : readDuration(fn, 'within', o.within);
  const order = checkOneOf(fn, 'order', o.order ?? 'strict', ORDERS);
  return { stages, asOf, within, order };
}

/** Per group: where each customer stopped. @internal */
export interface Tally {
  /** open[k]: customers who stopped at stage k with their window still open at asOf. */
  open: number[];
  /** closed[k]: customers who stopped at stage k with their window closed. */
  closed: number[];
  /** Customers who reached the last stage. */
  completed: number;
  skipped: number;
}

/** An empty tally over K stages. @internal */
export function newTally(stageCount: number): Tally {
  return { open: new Array(stageCount).fill(0), closed: new Array(stageCount).fill(0), completed: 0, skipped: 0 };
}

/** One customer's walk, as `walkCustomers` reports it. @internal */
export interface CustomerWalk extends Walk {
  /** The window is still open at asOf (never without a window). */
  open: boolean;
  /** Indices of the customer's events in the input, in time order: byCustomer[from..to). */
  byCustomer: Int32Array;
  from: number;
  to: number;
}

/**
 * Read every event (each mistake an error with its index), then walk each customer in order of
 * first appearance and call `visit` with the outcome. Returns the customer count and the events
 * after asOf. @internal
 */
export function walkCustomers(
  fn: string,
  list: readonly JourneyEvent[],
  def: FunnelDefinition,
  visit: (walk: CustomerWalk) => void,
): { customerCount: number; afterAsOf: number } {
  const { stages, asOf, within, order } = def;
  const read = readEvents(fn, list, stages, asOf);
  const { customerOf, stageOf, timeOf, customerCount } = read;
  const n = list.length;
  // Each customer's events, in input order (= time order, checked), by a stable counting sort.
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) (start[(customerOf[i] as number) + 1] as number)++;
  for (let c = 0; c < customerCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, customerCount);
  const byCustomer = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = customerOf[i] as number;
    byCustomer[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  const walk = order === 'strict' ? walkStrict : walkAny;
  const state: CustomerWalk = {
    level: -1,
    entryIndex: -1,
    deadline: 0,
    skipped: false,
    seen: false,
    open: false,
    byCustomer,
    from: 0,
    to: 0,
  };
  for (let c = 0; c < customerCount; c++) {
    state.from = start[c] as number;
    state.to = start[c + 1] as number;
    walk(byCustomer, state.from, state.to, stageOf, timeOf, within, state);
    // No window: nobody is pending; whoever had not moved on by asOf has dropped.
    state.open = state.level >= 0 && within !== undefined && state.deadline > asOf;
    visit(state);
  }
  return { customerCount, afterAsOf: read.afterAsOf };
}

/** The counts of a funnel: the overall tally and, with `by`, one per group. @internal */
export interface FunnelCount {
  overall: Tally;
  groups: Map<string, Tally>;
  notEntered: number;
  ungrouped: number;
  afterAsOf: number;
  customerCount: number;
}

/** Count a funnel (with `by`: a customer's group is read on the event at which they entered). @internal */
export function countFunnel(
  fn: string,
  list: readonly JourneyEvent[],
  def: FunnelDefinition,
  by?: GroupBy<JourneyEvent>,
): FunnelCount {
  const K = def.stages.length;
  const overall = newTally(K);
  const groups = new Map<string, Tally>();
  let notEntered = 0;
  let ungrouped = 0;
  const { customerCount, afterAsOf } = walkCustomers(fn, list, def, (state) => {
    if (state.level < 0) {
      if (state.seen) notEntered++;
      return;
    }
    count(overall, state, K);
    if (by !== undefined) {
      const key = groupKey(fn, by, list[state.entryIndex] as JourneyEvent, state.entryIndex, 'entry event');
      if (key === undefined) {
        ungrouped++;
        return;
      }
      let tally = groups.get(key);
      if (tally === undefined) {
        tally = newTally(K);
        groups.set(key, tally);
      }
      count(tally, state, K);
    }
  });
  return { overall, groups, notEntered, ungrouped, afterAsOf, customerCount };
}

function count(tally: Tally, walk: CustomerWalk, stageCount: number): void {
  if (walk.level === stageCount - 1) tally.completed++;
  else if (walk.open) (tally.open[walk.level] as number)++;
  else (tally.closed[walk.level] as number)++;
  if (walk.skipped) tally.skipped++;
}

/**
 * The funnel family's `regroup`: every event of a customer in one group. 'constant': the group
 * must be the same on all of a customer's events (INVALID_VALUE naming the event and the
 * customer's first event otherwise); 'entry': every event takes the group of the event at which
 * the customer entered the funnel (of their first event when they never entered). @internal
 */
export function regroupByCustomer(
  fn: string,
  input: ArrayLike<unknown>,
  options: Record<string, unknown>,
  codes: Int32Array,
  mode: 'constant' | 'entry',
  where: (code: number) => string,
): void {
  const def = readFunnelDefinition(fn, options);
  const list = Array.from(input) as JourneyEvent[];
  walkCustomers(fn, list, def, (state) => {
    const { byCustomer, from, to } = state;
    const first = byCustomer[from] as number;
    if (mode === 'constant') {
      const code = codes[first] as number;
      for (let j = from + 1; j < to; j++) {
        const e = byCustomer[j] as number;
        if (codes[e] !== code) {
          const id = (list[e] as JourneyEvent).customerId;
          throw new CxMetricsError(
            'INVALID_VALUE',
            `${fn}: event at index ${e} (customer ${JSON.stringify(String(id))}) is in group ${where(codes[e] as number)} but the customer's first event, at index ${first}, is in group ${where(code)}; ` +
              'a funnel counts customers, so the group (by) must be the same on every event of a customer (derive it per customer, e.g. with a by function)',
            { index: e, value: where(codes[e] as number) },
          );
        }
      }
      return;
    }
    const code = codes[state.entryIndex >= 0 ? state.entryIndex : first] as number;
    for (let j = from; j < to; j++) codes[byCustomer[j] as number] = code;
  });
}
