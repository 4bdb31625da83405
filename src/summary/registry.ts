import { CART_ABANDONMENT_FAMILY } from '../journey/cartSummary.ts';
import { FUNNEL_FAMILY } from '../journey/funnelSummary.ts';
import { CES_FAMILY } from '../metrics/cesSummary.ts';
import { CHURN_FAMILY } from '../metrics/churnSummary.ts';
import { CSAT_FAMILY } from '../metrics/csatSummary.ts';
import { FIRST_RESPONSE_FAMILY, TTR_FAMILY } from '../metrics/durationSummary.ts';
import { FCR_FAMILY } from '../metrics/fcrSummary.ts';
import { NPS_FAMILY } from '../metrics/npsSummary.ts';
import { SLA_FAMILY } from '../metrics/slaSummary.ts';
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
  FCR_FAMILY, // 'fcr'
  SLA_FAMILY, // 'sla'
  TTR_FAMILY, // 'ttr'
  FIRST_RESPONSE_FAMILY, // 'first-response'
  CHURN_FAMILY, // 'churn'
  PROPORTION_FAMILY, // 'proportion'
  MEAN_FAMILY, // 'mean'
  FUNNEL_FAMILY, // 'funnel'
  CART_ABANDONMENT_FAMILY, // 'cart-abandonment'
];
