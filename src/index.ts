// Re-exports only: no top-level calls, so bundlers can drop what a consumer does not import.

export {
  type CompareMeansOptions,
  compareMeans,
  type MeanGroup,
  type MeansDifference,
} from './compare/compareMeans.ts';
export { type CompareNpsOptions, compareNps, type NpsDifference, type NpsGroup } from './compare/compareNps.ts';
export {
  type CompareProportionsOptions,
  compareProportions,
  PROPORTION_DIFFERENCE_METHODS,
  type ProportionDifferenceMethod,
  type ProportionGroup,
} from './compare/compareProportions.ts';
export { type CxErrorCode, CxMetricsError, isCxMetricsError } from './errors.ts';
export { type CesDirection, type CesOptions, type CesResult, ces } from './metrics/ces.ts';
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
export {
  type ChurnPeriod,
  type ConvertChurnRateOptions,
  type ConvertedChurnEstimate,
  convertChurnRate,
} from './metrics/convertChurnRate.ts';
export {
  CSAT_SCALES,
  type CsatIntervalOptions,
  type CsatOptions,
  type CsatResult,
  type CsatScale,
  type CsatScalePreset,
  csat,
  csatFromCounts,
} from './metrics/csat.ts';
export {
  type CustomerLifetimeValue,
  type CustomerLifetimeValueEstimate,
  type CustomerLifetimeValueInput,
  customerLifetimeValue,
} from './metrics/customerLifetimeValue.ts';
export { type CustomerRecord, TIME_UNIT_DAYS, TIME_UNITS, type TimeUnit } from './metrics/customers.ts';
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
export {
  NPS_METHODS,
  NPS_SCALE,
  type NpsCounts,
  type NpsIntervalOptions,
  type NpsMethod,
  type NpsOptions,
  type NpsResult,
  type NpsSampleSizeOptions,
  type NpsScale,
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
  type RetentionCurve,
  type RetentionCurveOptions,
  retentionCurve,
} from './metrics/retention.ts';
export {
  type CustomerMrr,
  type MrrMovements,
  type RevenueRetention,
  type RevenueRetentionEstimate,
  type RevenueRetentionOptions,
  revenueRetention,
} from './metrics/revenueRetention.ts';
export type { ScalePoint } from './metrics/scaleSummary.ts';
export type { ScoreAccessor, ScoreInput, ScoreKey } from './metrics/scores.ts';
export { type SlaOptions, type SlaResult, slaAttainment } from './metrics/slaAttainment.ts';
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
export { effectiveSampleSize } from './stats/effectiveSampleSize.ts';
export { chiSquareCdf, chiSquareQuantile, gammaCdf, gammaQuantile } from './stats/gamma.ts';
export {
  KAPLAN_MEIER_CONF_TYPES,
  type KaplanMeierConfType,
  type KaplanMeierOptions,
  type KaplanMeierPoint,
  type KaplanMeierQuantile,
  type KaplanMeierResult,
  kaplanMeier,
} from './stats/kaplanMeier.ts';
export { MAX_BOOTSTRAP_DRAWS, type MeanIntervalOptions, type MeanMethod, meanInterval } from './stats/meanInterval.ts';
export { normalCdf, normalQuantile } from './stats/normal.ts';
export { type PoissonRateIntervalOptions, poissonRateInterval } from './stats/poissonRateInterval.ts';
export {
  PROPORTION_METHODS,
  type ProportionIntervalOptions,
  type ProportionMethod,
  proportionInterval,
} from './stats/proportionInterval.ts';
export { proportionSampleSize, type SampleSizeOptions } from './stats/proportionSampleSize.ts';
export { type QuantileOptions, type QuantileType, quantile } from './stats/quantile.ts';
export {
  type QuantileIntervalOptions,
  type QuantileIntervalResult,
  quantileInterval,
} from './stats/quantileInterval.ts';
export { seededRandom } from './stats/rng.ts';
export { tCdf, tQuantile } from './stats/studentT.ts';
export { type BusinessWindow, businessDuration, type Schedule, type Weekday } from './time/businessDuration.ts';
export type { Timestamp } from './time/timestamp.ts';
export type { CxWarning, Difference, Estimate, Interval, RandomOptions } from './types.ts';
