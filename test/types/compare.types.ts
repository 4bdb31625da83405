// Type tests of the two-sample comparisons (compareNps, compareProportions, compareMeans): the
// calls a user writes compile with the types they should have; common misuses do not (each
// `@ts-expect-error` line must be an error). Raw-score forms of compareNps follow nps's input
// types, tested with nps.
import {
  type CompareMeansResult,
  compareMeans,
  compareNps,
  compareProportions,
  meanInterval,
  type NpsDifference,
  npsFromCounts,
  type ProportionsDifference,
  proportionInterval,
} from '../../src/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const thisMonth = npsFromCounts({ promoters: 278, passives: 164, detractors: 128 });
const lastMonth = { promoters: 250, passives: 170, detractors: 150 };

// compareNps(a, b, options?): counts or earlier results
expectType<NpsDifference>(compareNps(thisMonth, lastMonth));
expectType<number>(compareNps(lastMonth, thisMonth, { method: 'wald', confidence: 0.9 }).pValue);
// @ts-expect-error two groups are needed
compareNps(thisMonth);
// @ts-expect-error the difference's methods are 'adjusted-wald' and 'wald'
compareNps(thisMonth, lastMonth, { method: 'tango' });
// @ts-expect-error a misspelt option key (confidence)
compareNps(thisMonth, lastMonth, { confidance: 0.9 });
// @ts-expect-error NPS counts name promoters, passives and detractors
compareNps({ successes: 5, n: 10 }, lastMonth);

// compareProportions(a, b, options?): { successes, n } or an estimate
expectTrue<Equal<ReturnType<typeof compareProportions>, ProportionsDifference>>();
compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 }, { method: 'score' });
compareProportions(proportionInterval(7, 10), proportionInterval(10, 12));
// @ts-expect-error a group is { successes, n }, not two numbers
compareProportions(7, 10);
// @ts-expect-error the count of trials is n, not total
compareProportions({ successes: 7, total: 10 }, { successes: 10, n: 12 });
// @ts-expect-error an unknown method
compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 }, { method: 'fisher' });

// compareMeans(a, b, options?): raw values, { mean, sd, n } or an estimate
expectTrue<Equal<ReturnType<typeof compareMeans>, CompareMeansResult>>();
compareMeans([4, 5, 6], new Float64Array([5, 6, 7, 8]));
compareMeans({ mean: 4.2, sd: 1.1, n: 40 }, meanInterval([5, 6, 7, 8]), { confidence: 0.9 });
// @ts-expect-error summaries need the standard deviation
compareMeans({ mean: 4.2, n: 40 }, [5, 6]);
// @ts-expect-error values are numbers
compareMeans(['4', '5'], [5, 6]);
// @ts-expect-error Welch's test has no method option
compareMeans([4, 5, 6], [5, 6, 7], { method: 'student' });
