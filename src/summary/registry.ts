import { CES_FAMILY } from '../metrics/cesSummary.ts';
import { CSAT_FAMILY } from '../metrics/csatSummary.ts';
import { NPS_FAMILY } from '../metrics/npsSummary.ts';
import type { SummaryFamily } from './family.ts';
import { MEAN_FAMILY } from './meanFamily.ts';
import { PROPORTION_FAMILY } from './proportionFamily.ts';

// Every metric family `summarize`, `mergeSummaries` and `estimate` dispatch to, one entry each.
// Add a family here (one line, with its metric name as a comment) when its module exists.

/** The summary families, in the order of the metric names in `SummaryMetric`. @internal */
export const FAMILIES: readonly SummaryFamily[] = [
  NPS_FAMILY, // 'nps'
  CSAT_FAMILY, // 'csat'
  CES_FAMILY, // 'ces'
  PROPORTION_FAMILY, // 'proportion'
  MEAN_FAMILY, // 'mean'
];
