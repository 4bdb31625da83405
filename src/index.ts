// Re-exports only: no top-level calls, so bundlers can drop what a consumer does not import.
export { CxMetricsError, type CxErrorCode } from './errors.ts';
export type { CxWarning, Difference, Estimate, Interval, RandomOptions } from './types.ts';
export { normalCdf, normalQuantile } from './stats/normal.ts';
export { tCdf, tQuantile } from './stats/studentT.ts';
export { betaCdf, betaQuantile } from './stats/beta.ts';
export { chiSquareCdf, chiSquareQuantile, gammaCdf, gammaQuantile } from './stats/gamma.ts';
export {
  proportionInterval,
  PROPORTION_METHODS,
  type ProportionIntervalOptions,
  type ProportionMethod,
} from './stats/proportionInterval.ts';
export { meanInterval, type MeanIntervalOptions, type MeanMethod } from './stats/meanInterval.ts';
export { poissonRateInterval, type PoissonRateIntervalOptions } from './stats/poissonRateInterval.ts';
export { quantile, type QuantileOptions, type QuantileType } from './stats/quantile.ts';
export {
  quantileInterval,
  type QuantileIntervalOptions,
  type QuantileIntervalResult,
} from './stats/quantileInterval.ts';
export { seededRandom } from './stats/rng.ts';
export { effectiveSampleSize } from './stats/effectiveSampleSize.ts';
export {
  nps,
  npsFromCounts,
  NPS_METHODS,
  NPS_SCALE,
  type NpsCounts,
  type NpsIntervalOptions,
  type NpsMethod,
  type NpsOptions,
  type NpsResult,
  type NpsScale,
} from './metrics/nps.ts';
export type { ScoreAccessor, ScoreInput } from './metrics/scores.ts';
