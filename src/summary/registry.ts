import type { SummaryFamily } from './family.ts';

// Every metric family `summarize`, `mergeSummaries` and `estimate` dispatch to, one entry each.
// Add a family here (one line) when its module exists.

/** The summary families, in the order of the metric names in `SummaryMetric`. @internal */
export const FAMILIES: readonly SummaryFamily[] = [];
