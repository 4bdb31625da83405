// Re-exports only: no top-level calls, so bundlers can drop what a consumer does not import.

// Analysis
export {
  type AdjustPValuesOptions,
  adjustPValues,
  P_ADJUST_METHODS,
  type PAdjustMethod,
} from './analysis/adjustPValues.ts';
export {
  type BreakdownBy,
  type BreakdownGroup,
  type BreakdownKeyValue,
  type BreakdownOptions,
  type BreakdownResult,
  breakdown,
} from './analysis/breakdown.ts';
export {
  ESTIMATE_TREND_METHODS,
  type EstimatePoint,
  type EstimateTrendMethod,
  type EstimateTrendTest,
  type EstimateTrendTestOptions,
  estimateTrendTest,
} from './analysis/estimateTrendTest.ts';
export {
  type MeanGroupSummary,
  type MeanHomogeneityTest,
  meanHomogeneityTest,
} from './analysis/meanHomogeneityTest.ts';
export type { GroupTest, SeriesTrendTest } from './analysis/metricPlan.ts';
export { type NpsHomogeneityTest, npsHomogeneityTest } from './analysis/npsHomogeneityTest.ts';
export {
  type ProportionCounts,
  type ProportionHomogeneityTest,
  proportionHomogeneityTest,
} from './analysis/proportionHomogeneityTest.ts';
export {
  type ProportionTrendTest,
  type ProportionTrendTestOptions,
  proportionTrendTest,
} from './analysis/proportionTrendTest.ts';
export type { BreakdownStep, BreakdownStepTest } from './analysis/stepComparisons.ts';
export {
  type TrendOptions,
  type TrendPeriod,
  type TrendResult,
  type TrendRolling,
  type TrendWindow,
  trend,
} from './analysis/trend.ts';
export {
  type CompareMeansOptions,
  type CompareMeansResult,
  compareMeans,
  type MeanGroup,
} from './compare/compareMeans.ts';
export { type CompareNpsOptions, compareNps, type NpsDifference, type NpsGroup } from './compare/compareNps.ts';
export {
  type CompareNpsPairedOptions,
  type CompareNpsPairedResult,
  compareNpsPaired,
  type NpsCrossTab,
  PAIRED_NPS_METHODS,
  type PairedScores,
} from './compare/compareNpsPaired.ts';
export {
  type CompareProportionsOptions,
  compareProportions,
  PROPORTION_DIFFERENCE_METHODS,
  type ProportionDifferenceMethod,
  type ProportionGroup,
  type ProportionsDifference,
} from './compare/compareProportions.ts';
export {
  type CompareProportionsPairedOptions,
  type CompareProportionsPairedResult,
  compareProportionsPaired,
  PAIRED_PROPORTION_TESTS,
  type PairedCounts,
  type PairedProportionTest,
} from './compare/compareProportionsPaired.ts';
export { type CxErrorCode, CxMetricsError, isCxMetricsError } from './errors.ts';
export { pearsonCorrelation, spearmanCorrelation } from './intervals/correlation.ts';
export { kaplanMeier } from './intervals/kaplanMeier.ts';
export { meanInterval } from './intervals/meanInterval.ts';
export { poissonRateInterval } from './intervals/poissonRateInterval.ts';
export { proportionInterval } from './intervals/proportionInterval.ts';
export { quantileInterval } from './intervals/quantileInterval.ts';
// Journey
export {
  CART_ABANDONMENT_DEFINITIONS,
  type CartAbandonmentDefinition,
  type CartAbandonmentFigures,
  type CartAbandonmentGroup,
  type CartAbandonmentIntervalOptions,
  type CartAbandonmentOptions,
  type CartAbandonmentResult,
  type CartAbandonmentSummaryOptions,
  type CartCounts,
  type CartValueTotals,
  cartAbandonment,
  cartAbandonmentFromCounts,
} from './journey/cartAbandonment.ts';
export {
  FUNNEL_ORDERS,
  type FunnelEstimateOptions,
  type FunnelFigures,
  type FunnelGroup,
  type FunnelOptions,
  type FunnelOrder,
  type FunnelResult,
  type FunnelStageCount,
  type FunnelStep,
  type FunnelSummaryOptions,
  funnel,
} from './journey/funnel.ts';
export {
  type FunnelByOptions,
  type FunnelByResult,
  type FunnelSegmentStep,
  type FunnelStepBySegment,
  funnelBy,
  type MomentOfAbandonment,
} from './journey/funnelBy.ts';
export type { CartRecord, GroupBy, JourneyEvent, TimeWindow } from './journey/records.ts';
export {
  type JourneyScoreboardOptions,
  type JourneyScoreboardResult,
  journeyScoreboard,
  type MomentOfTruth,
  SCOREBOARD_METRICS,
  SCOREBOARD_STAGES,
  type ScoreboardCell,
  type ScoreboardMetric,
  type ScoreboardRow,
} from './journey/scoreboard.ts';
export {
  DRIVER_RANKINGS,
  type DriverPValues,
  type DriverRanking,
  type ResponseField,
  type TouchpointDriver,
  type TouchpointDriversOptions,
  type TouchpointDriversResult,
  touchpointDrivers,
} from './journey/touchpointDrivers.ts';
export type { ArrowChunk, ArrowColumn, ArrowTable } from './metrics/arrowColumn.ts';
export {
  type CesDirection,
  type CesIntervalOptions,
  type CesOptions,
  type CesRecordSummaryOptions,
  type CesResult,
  type CesSummaryOptions,
  ces,
} from './metrics/ces.ts';
export {
  CHURN_DEFINITIONS,
  type ChurnDefinition,
  type ChurnEstimate,
  type ChurnOptions,
  type ChurnRateByExposureOptions,
  type ChurnRateOptions,
  type ChurnResult,
  churn,
  churnRate,
  churnRateByExposure,
} from './metrics/churn.ts';
export type { ChurnSummaryOptions } from './metrics/churnSummary.ts';
export {
  type ChurnPeriod,
  type ConvertChurnRateOptions,
  type ConvertChurnRateResult,
  convertChurnRate,
} from './metrics/convertChurnRate.ts';
export {
  CSAT_SCALES,
  type CsatIntervalOptions,
  type CsatOptions,
  type CsatRecordSummaryOptions,
  type CsatResult,
  type CsatScale,
  type CsatScalePreset,
  type CsatSummaryOptions,
  csat,
  csatFromCounts,
} from './metrics/csat.ts';
export {
  type CustomerLifetimeValueEstimate,
  type CustomerLifetimeValueInput,
  type CustomerLifetimeValueResult,
  customerLifetimeValue,
} from './metrics/customerLifetimeValue.ts';
export { type CustomerRecord, TIME_UNIT_DAYS, TIME_UNITS, type TimeUnit } from './metrics/customers.ts';
export type { DurationSummaryOptions } from './metrics/durationSummary.ts';
export {
  FCR_DEFINITIONS,
  type FcrCountsOptions,
  type FcrDefinition,
  type FcrIntervalOptions,
  type FcrOptions,
  type FcrResult,
  fcr,
  fcrFromCounts,
} from './metrics/fcr.ts';
export type { FcrSummaryOptions } from './metrics/fcrSummary.ts';
export {
  NPS_METHODS,
  NPS_SCALE,
  type NpsCounts,
  type NpsEstimateOptions,
  type NpsIntervalOptions,
  type NpsMethod,
  type NpsOptions,
  type NpsRecordSummaryOptions,
  type NpsResult,
  type NpsSampleSizeOptions,
  type NpsScale,
  type NpsSummaryOptions,
  nps,
  npsFromCounts,
  npsSampleSize,
} from './metrics/nps.ts';
export {
  COHORT_PERIODS,
  type CohortCell,
  type CohortPeriod,
  type CohortRetentionOptions,
  type CohortRetentionResult,
  type CohortRow,
  cohortRetention,
  type RetentionCurveOptions,
  type RetentionCurveResult,
  retentionCurve,
} from './metrics/retention.ts';
export {
  type CustomerMrr,
  type MrrMovements,
  type RevenueRetentionEstimate,
  type RevenueRetentionOptions,
  type RevenueRetentionResult,
  revenueRetention,
} from './metrics/revenueRetention.ts';
export type { ScalePoint } from './metrics/scaleSummary.ts';
export type { OtherTypes, RecordOptions, Score, ScoreAccessor, ScoreInput, ScoreKey } from './metrics/scores.ts';
export { type SlaOptions, type SlaResult, slaAttainment } from './metrics/slaAttainment.ts';
export type { SlaSummaryOptions } from './metrics/slaSummary.ts';
export type { TicketClockField, TicketClockOptions, TicketRecord } from './metrics/tickets.ts';
export {
  type DurationInput,
  type DurationMean,
  type DurationOptions,
  type DurationQuantile,
  type DurationResult,
  type DurationStatisticsOptions,
  firstResponseTime,
  ttr,
} from './metrics/ttr.ts';
export { betaCdf, betaQuantile } from './stats/beta.ts';
export {
  type CorrelationOptions,
  type CorrelationResult,
  SPEARMAN_VARIANCES,
  type SpearmanOptions,
  type SpearmanVariance,
} from './stats/correlation.ts';
export { effectiveSampleSize } from './stats/effectiveSampleSize.ts';
export { fCdf, fQuantile } from './stats/fDistribution.ts';
export { chiSquareCdf, chiSquareQuantile, gammaCdf, gammaQuantile } from './stats/gamma.ts';
export {
  KAPLAN_MEIER_CONF_TYPES,
  type KaplanMeierConfType,
  type KaplanMeierOptions,
  type KaplanMeierPoint,
  type KaplanMeierQuantile,
  type KaplanMeierResult,
} from './stats/kaplanMeier.ts';
export { kaplanMeierQuantile } from './stats/kaplanMeierQuantile.ts';
export { MAX_BOOTSTRAP_DRAWS, type MeanIntervalOptions, type MeanMethod } from './stats/meanInterval.ts';
export { normalCdf, normalQuantile } from './stats/normal.ts';
export type { PoissonRateIntervalOptions, PoissonRateResult } from './stats/poissonRateInterval.ts';
export {
  PROPORTION_METHODS,
  type ProportionIntervalOptions,
  type ProportionMethod,
} from './stats/proportionInterval.ts';
export { proportionSampleSize, type SampleSizeOptions } from './stats/proportionSampleSize.ts';
export { type QuantileOptions, type QuantileType, quantile } from './stats/quantile.ts';
export type {
  QuantileIntervalOptions,
  QuantileIntervalResult,
} from './stats/quantileInterval.ts';
export { seededRandom } from './stats/rng.ts';
export { tCdf, tQuantile } from './stats/studentT.ts';
// Summaries
export { estimate } from './summary/estimate.ts';
export type { MeanEstimateOptions, MeanResult } from './summary/meanFamily.ts';
export { mergeSummaries } from './summary/mergeSummaries.ts';
export type {
  ProportionEstimateOptions,
  ProportionResult,
  ProportionSummaryOptions,
} from './summary/proportionFamily.ts';
export { summarize } from './summary/summarize.ts';
export type { ResultBySummaryKind, SummaryByMetric } from './summary/typeMaps.ts';
export type {
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
  ScoreHistogram,
  ScoreWeights,
  SlaSummary,
  Summary,
  SummaryMetric,
  SummaryNotes,
} from './summary/types.ts';
export { type BusinessWindow, businessDuration, type Schedule, type Weekday } from './time/businessDuration.ts';
export { type CompiledSchedule, compileSchedule } from './time/compiledSchedule.ts';
export {
  CALENDAR_UNITS,
  type CalendarPeriod,
  type CalendarPeriodOptions,
  type CalendarUnit,
  calendarPeriod,
  nextPeriod,
  previousPeriod,
} from './time/periods.ts';
export type { Timestamp } from './time/timestamp.ts';
export type { CxWarning, Difference, Estimate, Interval, RandomOptions } from './types.ts';
