// The table of distinct times behind a Kaplan–Meier curve: the sufficient statistic of a
// right-censored sample (Kaplan & Meier 1958), and the form duration summaries keep.

/** Distinct times, ascending, with the events and censored observations at each. @internal */
export interface SurvivalTable {
  /** Distinct times, strictly increasing. */
  times: number[];
  /** Events at each time. */
  events: number[];
  /** Censored observations at each time. */
  censored: number[];
}

/** The table of sorted event times and sorted censoring times (Float64Array#sort order). @internal */
export function survivalTable(eventTimes: Float64Array, censorTimes: Float64Array): SurvivalTable {
  const times: number[] = [];
  const events: number[] = [];
  const censored: number[] = [];
  let i = 0;
  let j = 0;
  const ne = eventTimes.length;
  const nc = censorTimes.length;
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
    times.push(time);
    events.push(d);
    censored.push(c);
  }
  return { times, events, censored };
}

/** Two tables added: the table of both samples together. @internal */
export function mergeSurvivalTables(a: SurvivalTable, b: SurvivalTable): SurvivalTable {
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
