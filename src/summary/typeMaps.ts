import type { CartAbandonmentResult } from '../journey/cartAbandonment.ts';
import type { FunnelResult } from '../journey/funnel.ts';
import type { CesResult } from '../metrics/ces.ts';
import type { ChurnResult } from '../metrics/churn.ts';
import type { CsatResult } from '../metrics/csat.ts';
import type { FcrResult } from '../metrics/fcr.ts';
import type { NpsResult } from '../metrics/nps.ts';
import type { SlaResult } from '../metrics/slaAttainment.ts';
import type { DurationResult } from '../metrics/ttr.ts';
import type { MeanResult } from './meanFamily.ts';
import type { ProportionResult } from './proportionFamily.ts';
import type {
  CartAbandonmentSummary,
  CesSummary,
  ChurnSummary,
  CsatSummary,
  DurationSummary,
  FcrSummary,
  FunnelSummary,
  MeanSummary,
  NpsSummary,
  ProportionSummary,
  SlaSummary,
  Summary,
  SummaryMetric,
} from './types.ts';

// The types behind the overloads of summarize, estimate and mergeSummaries: which summary each
// metric makes, which result each summary kind gives, and the guards that make a misuse (a
// literal metric name with the wrong input, summaries of two kinds merged) fail to compile while
// a dynamic call (metric: SummaryMetric, summary: Summary) still does.

/**
 * The summary `summarize` makes for each metric name.
 *
 * @example
 * const s: SummaryByMetric['csat'] = summarize('csat', [5, 4, 1])
 * s.kind // => 'csat-summary'
 */
export interface SummaryByMetric {
  nps: NpsSummary;
  csat: CsatSummary;
  ces: CesSummary;
  proportion: ProportionSummary;
  mean: MeanSummary;
  fcr: FcrSummary;
  sla: SlaSummary;
  ttr: DurationSummary;
  'first-response': DurationSummary;
  churn: ChurnSummary;
  funnel: FunnelSummary;
  'cart-abandonment': CartAbandonmentSummary;
}

/**
 * The result `estimate` gives for each summary kind: a metric function's own result type.
 *
 * @example
 * const r: ResultBySummaryKind['nps-summary'] = estimate(summarize('nps', [10, 9, 3]))
 * r.kind // => 'nps'
 */
export interface ResultBySummaryKind {
  'nps-summary': NpsResult;
  'csat-summary': CsatResult;
  'ces-summary': CesResult;
  'proportion-summary': ProportionResult;
  'mean-summary': MeanResult;
  'fcr-summary': FcrResult;
  'sla-summary': SlaResult;
  'ttr-summary': DurationResult;
  'first-response-summary': DurationResult;
  'churn-summary': ChurnResult;
  'funnel-summary': FunnelResult;
  'cart-abandonment-summary': CartAbandonmentResult;
}

/** Metrics whose summarize/estimate have their own overloads. @internal */
export type TypedMetric =
  | 'nps'
  | 'csat'
  | 'ces'
  | 'proportion'
  | 'mean'
  | 'fcr'
  | 'sla'
  | 'ttr'
  | 'first-response'
  | 'churn'
  | 'funnel'
  | 'cart-abandonment';
/** Summaries whose estimate has its own overload. @internal */
export type TypedSummary =
  | NpsSummary
  | CsatSummary
  | CesSummary
  | ProportionSummary
  | MeanSummary
  | FcrSummary
  | SlaSummary
  | DurationSummary
  | ChurnSummary
  | FunnelSummary
  | CartAbandonmentSummary;

/**
 * `T` for a metric name known only at run time (a union of names) or one without its own
 * overload yet; `never` for a single name that has one (its overload failed: a misuse). @internal
 */
export type LooseFor<M extends SummaryMetric, T> = IsUnion<M> extends true ? T : [M] extends [TypedMetric] ? never : T;

/** Likewise for estimate: `T` for a summary of a kind known only at run time, never for one typed summary. @internal */
export type LooseEstimateFor<S extends Summary, T> = [S] extends [TypedSummary]
  ? IsUnion<FamiliesOf<S>> extends true
    ? T
    : never
  : T;

interface SummaryFamilies {
  nps: NpsSummary;
  csat: CsatSummary;
  ces: CesSummary;
  proportion: ProportionSummary;
  mean: MeanSummary;
  fcr: FcrSummary;
  sla: SlaSummary;
  duration: DurationSummary;
  churn: ChurnSummary;
  funnel: FunnelSummary;
  cart: CartAbandonmentSummary;
}

type FamiliesOf<S> = {
  [K in keyof SummaryFamilies]: [Extract<S, SummaryFamilies[K]>] extends [never] ? never : K;
}[keyof SummaryFamilies];

type IsUnion<K> = [K] extends [UnionToIntersection<K>] ? false : true;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * `unknown` when S is one family's summary (or any Summary, known only at run time); `never` when
 * it mixes families, which cannot be merged. @internal
 */
export type OneFamily<S extends Summary> = Summary extends S
  ? unknown
  : IsUnion<FamiliesOf<S>> extends true
    ? never
    : unknown;
