import { CxMetricsError } from '../errors.ts';
import { printableSummary } from '../format/summaryText.ts';
import { familyForSummary } from './dispatch.ts';
import type { SummaryFamily } from './family.ts';
import { FAMILIES } from './registry.ts';
import type { OneFamily } from './typeMaps.ts';
import type { Summary } from './types.ts';

/**
 * Add summaries of the same kind into one: the summary of all their inputs together.
 *
 * Counts add exactly; weighted sums are rescaled to the larger weight scale and added; means merge
 * by Chan, Golub & LeVeque's pairwise update (1979); duration tables merge by distinct time. The
 * result does not depend on the order of the summaries (up to rounding of weighted sums), so
 * shards, months and streamed batches merge on any engine. Summaries of different kinds, or made
 * under different scales, clocks, schedules, definitions or targets, measure different things and
 * are refused. Every summary is checked as `estimate` checks it. Given one summary, returns a
 * checked copy of it.
 *
 * @param summaries - the summaries, as separate arguments or one array
 * @returns a new summary of the same kind
 * @throws CxMetricsError EMPTY_INPUT for no summaries; INVALID_VALUE for a value that is not a valid
 *   summary (naming which and the field), for summaries of different kinds, or made under a
 *   different scale, clock or definition (naming what differs)
 * @example
 * const march = summarize('nps', [10, 9, 3])
 * const april = summarize('nps', [10, 7])
 * estimate(mergeSummaries(march, april)).value // => 40
 * estimate(mergeSummaries([march, april])).n // => 5
 * `${mergeSummaries(march, april)}` // => 'nps summary: n=5 (0–10 scale), 0 skipped'
 */
export function mergeSummaries<S extends Summary>(...summaries: (S & OneFamily<S>)[]): S;
/** Summaries given as one array. */
export function mergeSummaries<S extends Summary>(summaries: readonly (S & OneFamily<S>)[]): S;
export function mergeSummaries(...summaries: readonly unknown[]): Summary {
  return printableSummary(mergeWith(FAMILIES, summaries));
}

/** `mergeSummaries` over a given family list. @internal */
export function mergeWith(families: readonly SummaryFamily[], args: readonly unknown[]): Summary {
  const fn = 'mergeSummaries';
  const list: readonly unknown[] = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (list.length === 0) {
    throw new CxMetricsError('EMPTY_INPUT', `${fn}: no summaries given; expected at least one`);
  }
  const where = (i: number) => (list.length === 1 ? fn : `${fn}: summary ${i + 1} of ${list.length}`);
  const family = familyForSummary(families, where(0), list[0]);
  let merged = family.check(where(0), list[0]);
  for (let i = 1; i < list.length; i++) {
    const next = list[i];
    const other = familyForSummary(families, where(i), next);
    if (other !== family) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: summary ${i + 1} is a '${other.kind}' but summary 1 is a '${family.kind}'; only summaries of one kind can be merged`,
        { index: i, value: other.kind },
      );
    }
    merged = family.merge(where(i), merged, family.check(where(i), next));
  }
  return merged;
}
