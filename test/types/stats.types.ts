// Type tests of the statistics core and the error type: the calls a user writes compile with the
// types they should have; common misuses do not (each `@ts-expect-error` line must be an error).
import {
  betaCdf,
  betaQuantile,
  CxMetricsError,
  chiSquareCdf,
  chiSquareQuantile,
  type Estimate,
  effectiveSampleSize,
  gammaCdf,
  gammaQuantile,
  isCxMetricsError,
  type KaplanMeierResult,
  kaplanMeier,
  MAX_BOOTSTRAP_DRAWS,
  type MeanIntervalOptions,
  meanInterval,
  normalCdf,
  normalQuantile,
  type PoissonRateIntervalOptions,
  type ProportionMethod,
  type ProportionResult,
  poissonRateInterval,
  proportionInterval,
  proportionSampleSize,
  type QuantileIntervalResult,
  quantile,
  quantileInterval,
  seededRandom,
  tCdf,
  tQuantile,
} from '../../src/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const values = [5, 7, 10, 4];
const estimate = proportionInterval(42, 50);

// proportionInterval(successes, n, options?)
expectTrue<Equal<ReturnType<typeof proportionInterval>, ProportionResult>>();
expectType<Estimate>(proportionInterval(42, 50));
proportionInterval(42, 50, { method: 'clopper-pearson', confidence: 0.9 });
const method: ProportionMethod = 'jeffreys';
proportionInterval(42, 50, { method });
// @ts-expect-error counts are numbers, not numeric strings
proportionInterval('42', 50);
// @ts-expect-error an unknown method
proportionInterval(42, 50, { method: 'exact' });
// @ts-expect-error a misspelt option key (excess property)
proportionInterval(42, 50, { confidance: 0.9 });
// @ts-expect-error the share is not the count: pass successes and n
proportionInterval(0.84);
// @ts-expect-error a result where the counts go
proportionInterval(estimate, 50);

// meanInterval(values, options?)
expectType<Estimate>(meanInterval(values));
meanInterval(new Float64Array(values), { method: 'bootstrap-bca', resamples: 1000, seed: 1 });
meanInterval(values, { method: 't', rng: seededRandom(7) } satisfies MeanIntervalOptions);
expectType<number>(MAX_BOOTSTRAP_DRAWS);
// @ts-expect-error one number is not a sample
meanInterval(5);
// @ts-expect-error strings are not values
meanInterval(['5', '7']);
// @ts-expect-error an unknown method ('bootstrap' is NPS's; the mean's is 'bootstrap-bca')
meanInterval(values, { method: 'bootstrap' });
// @ts-expect-error the seed is a number
meanInterval(values, { method: 'bootstrap-bca', seed: 'abc' });
// @ts-expect-error a result where raw values go
meanInterval(estimate);

// quantile(values, p, options?) and quantileInterval(values, p, options?)
expectType<number>(quantile(values, 0.9));
quantile(values, 0.5, { type: 6 });
expectTrue<Equal<ReturnType<typeof quantileInterval>, QuantileIntervalResult>>();
expectType<number>(quantileInterval(values, 0.5, { confidence: 0.9 }).achievedConfidence);
// @ts-expect-error arguments in the wrong order
quantile(0.5, values);
// @ts-expect-error the probability is a number, not '90%'
quantile(values, '90%');
// @ts-expect-error Hyndman–Fan types are 1 to 9
quantile(values, 0.5, { type: 10 });
// @ts-expect-error the probability is required
quantileInterval(values);
// @ts-expect-error quantileInterval takes a confidence, not a type
quantileInterval(values, 0.5, { type: 7 });

// poissonRateInterval(events, exposure, options?)
expectType<number>(poissonRateInterval(10, 1000).exposure);
poissonRateInterval(10, 1000, { confidence: 0.9 } satisfies PoissonRateIntervalOptions);
// @ts-expect-error exposure is required
poissonRateInterval(10);
// @ts-expect-error poissonRateInterval has no method option (it is exact Garwood)
poissonRateInterval(10, 1000, { method: 'wald' });

// proportionSampleSize(proportion, halfWidth, options?)
expectType<number>(proportionSampleSize(0.5, 0.05, { confidence: 0.99 }));
// @ts-expect-error the half-width is required
proportionSampleSize(0.5);
// @ts-expect-error a misspelt option key
proportionSampleSize(0.5, 0.05, { confidenc: 0.9 });

// effectiveSampleSize(weights) and seededRandom(seed)
expectType<number>(effectiveSampleSize(new Float32Array([1, 2, 3])));
expectType<() => number>(seededRandom(42));
// @ts-expect-error weights are numbers
effectiveSampleSize(['1', '2']);
// @ts-expect-error a seed is a number
seededRandom('42');

// Distributions
expectType<number>(normalCdf(1.96) + normalQuantile(0.975) + tCdf(2, 5) + tQuantile(0.975, 5));
expectType<number>(chiSquareCdf(3, 2) + chiSquareQuantile(0.95, 2) + gammaCdf(1, 2) + gammaQuantile(0.5, 2));
expectType<number>(betaCdf(0.5, 2, 3) + betaQuantile(0.5, 2, 3));
// @ts-expect-error the t distribution needs its degrees of freedom
tCdf(2);
// @ts-expect-error a point is a number
normalCdf('1.96');
// @ts-expect-error beta needs both shapes
betaQuantile(0.5, 2);

// kaplanMeier(durations, events, options?)
expectTrue<Equal<ReturnType<typeof kaplanMeier>, KaplanMeierResult>>();
kaplanMeier([1, 2, 3, 4], [true, true, false, true], { confType: 'log' });
kaplanMeier([1, 2, 3, 4], [1, 1, 0, 1]);
// @ts-expect-error the events (or censoring flags) are required
kaplanMeier([1, 2, 3, 4]);
// @ts-expect-error events are booleans or 0/1, not strings
kaplanMeier([1, 2, 3, 4], ['yes', 'yes', 'no', 'yes']);
// @ts-expect-error an unknown band
kaplanMeier([1, 2], [1, 1], { confType: 'arcsine' });

// CxMetricsError and isCxMetricsError narrow a caught value
try {
  meanInterval(values);
} catch (error) {
  if (error instanceof CxMetricsError) {
    expectType<'EMPTY_INPUT' | 'INVALID_VALUE' | 'INVALID_OPTION' | 'INSUFFICIENT_DATA'>(error.code);
    expectType<number | undefined>(error.index);
  }
  if (isCxMetricsError(error)) expectType<string>(error.message);
  // @ts-expect-error unknown until narrowed
  error.code;
}
// @ts-expect-error codes are a closed union
new CxMetricsError('BAD_INPUT', 'f: bad');
