// How `funnel` follows one customer through the stages: the walk over their events (in time
// order) under order 'strict' or 'any', ending at the last stage reached within the window.

/** The walk's outcome for one customer. @internal */
export interface Walk {
  /** Index of the last stage reached, −1 when the customer never entered. */
  level: number;
  /** Input index of the event at which the customer entered. */
  entryIndex: number;
  /** Entry + within (Infinity without a window). */
  deadline: number;
  /** strict: an event at a stage beyond `level` (it did not count). */
  skipped: boolean;
  /** The customer has at least one event by asOf. */
  seen: boolean;
}

export type Walker = (
  byCustomer: Int32Array,
  from: number,
  to: number,
  stageOf: Int32Array,
  timeOf: Float64Array,
  within: number | undefined,
  out: Walk,
) => void;

/**
 * order 'strict': the earliest path through the stages in order. Events of one instant (a tie
 * group) are taken in whatever order advances furthest, so the result does not depend on how
 * simultaneous events happen to be listed.
 */
export const walkStrict: Walker = (byCustomer, from, to, stageOf, timeOf, within, out) => {
  let level = -1;
  let entryIndex = -1;
  let deadline = Number.POSITIVE_INFINITY;
  let maxSeen = -1;
  let seen = false;
  let j = from;
  while (j < to) {
    const t = timeOf[byCustomer[j] as number] as number;
    let g = j + 1;
    while (g < to && timeOf[byCustomer[g] as number] === t) g++;
    if (level >= 0 && t > deadline) break;
    for (let advanced = true; advanced; ) {
      advanced = false;
      for (let q = j; q < g; q++) {
        const e = byCustomer[q] as number;
        if (stageOf[e] === level + 1) {
          if (level < 0) {
            entryIndex = e;
            deadline = within === undefined ? Number.POSITIVE_INFINITY : t + within;
          }
          level++;
          advanced = true;
        }
      }
    }
    for (let q = j; q < g; q++) {
      const s = stageOf[byCustomer[q] as number] as number;
      if (s >= 0) seen = true;
      if (s > maxSeen) maxSeen = s;
    }
    j = g;
  }
  out.level = level;
  out.entryIndex = entryIndex;
  out.deadline = deadline;
  out.skipped = level >= 0 && maxSeen > level;
  out.seen = seen;
};

/** order 'any': the furthest stage reached within the window from the first event. */
export const walkAny: Walker = (byCustomer, from, to, stageOf, timeOf, within, out) => {
  let level = -1;
  let entryIndex = -1;
  let deadline = Number.POSITIVE_INFINITY;
  for (let j = from; j < to; j++) {
    const e = byCustomer[j] as number;
    const s = stageOf[e] as number;
    if (s < 0) continue;
    const t = timeOf[e] as number;
    if (entryIndex < 0) {
      entryIndex = e;
      deadline = within === undefined ? Number.POSITIVE_INFINITY : t + within;
    } else if (t > deadline) break;
    if (s > level) level = s;
  }
  out.level = level;
  out.entryIndex = entryIndex;
  out.deadline = deadline;
  out.skipped = false;
  out.seen = entryIndex >= 0;
};
