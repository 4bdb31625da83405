// The table of distinct times behind a Kaplan–Meier curve: the sufficient statistic of a
// right-censored sample (Kaplan & Meier 1958), and the form duration summaries keep.

/** Distinct times, ascending, with the events and censored observations at each. @internal */
export interface SurvivalTable {
  /** Distinct times, strictly increasing. */
  times: ArrayLike<number>;
  /** Events at each time. */
  events: ArrayLike<number>;
  /** Censored observations at each time. */
  censored: ArrayLike<number>;
}

/** A table as plain arrays (the form a summary keeps). @internal */
export interface SurvivalTableArrays extends SurvivalTable {
  times: number[];
  events: number[];
  censored: number[];
}

/**
 * The table of sorted event times and sorted censoring times (Float64Array#sort order), as typed
 * columns (no object or array growth per distinct time). @internal
 */
export function survivalTable(
  eventTimes: Float64Array,
  censorTimes: Float64Array,
): { times: Float64Array; events: Float64Array; censored: Float64Array } {
  const ne = eventTimes.length;
  const nc = censorTimes.length;
  const capacity = ne + nc;
  const times = new Float64Array(capacity);
  const events = new Float64Array(capacity);
  const censored = new Float64Array(capacity);
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < ne || j < nc) {
    const a = i < ne ? (eventTimes[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < nc ? (censorTimes[j] as number) : Number.POSITIVE_INFINITY;
    const time = Math.min(a, b);
    let d = 0;
    let c = 0;
    while (i < ne && eventTimes[i] === time) {
      d++;
      i++;
    }
    while (j < nc && censorTimes[j] === time) {
      c++;
      j++;
    }
    times[m] = time;
    events[m] = d;
    censored[m] = c;
    m++;
  }
  return { times: times.subarray(0, m), events: events.subarray(0, m), censored: censored.subarray(0, m) };
}

/** A table as plain arrays, for a summary. @internal */
export function tableArrays(table: SurvivalTable): SurvivalTableArrays {
  return { times: arrayOf(table.times), events: arrayOf(table.events), censored: arrayOf(table.censored) };
}

/** A plain array copy; pushed (Array.from on a typed array goes through its iterator, 10× slower). */
function arrayOf(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) out.push(values[k] as number);
  return out;
}

/** Two tables added: the table of both samples together. @internal */
export function mergeSurvivalTables(a: SurvivalTable, b: SurvivalTable): SurvivalTableArrays {
  const times: number[] = [];
  const events: number[] = [];
  const censored: number[] = [];
  let i = 0;
  let j = 0;
  const na = a.times.length;
  const nb = b.times.length;
  while (i < na || j < nb) {
    const ta = i < na ? (a.times[i] as number) : Number.POSITIVE_INFINITY;
    const tb = j < nb ? (b.times[j] as number) : Number.POSITIVE_INFINITY;
    if (ta === tb) {
      times.push(ta);
      events.push((a.events[i] as number) + (b.events[j] as number));
      censored.push((a.censored[i] as number) + (b.censored[j] as number));
      i++;
      j++;
    } else if (ta < tb) {
      times.push(ta);
      events.push(a.events[i] as number);
      censored.push(a.censored[i] as number);
      i++;
    } else {
      times.push(tb);
      events.push(b.events[j] as number);
      censored.push(b.censored[j] as number);
      j++;
    }
  }
  return { times, events, censored };
}

/** Observations in a table (events and censored). @internal */
export function tableSize(table: SurvivalTable): number {
  let n = 0;
  for (let k = 0; k < table.times.length; k++) n += (table.events[k] as number) + (table.censored[k] as number);
  return n;
}
