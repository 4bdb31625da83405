// Type tests for the survey metrics, comparisons and the summary dispatchers: compiled by the main
// `tsc --noEmit` (test/ is in tsconfig's include), never run. Each `@ts-expect-error` line is a
// common misuse that must not compile; the lines without one must.
import {
  type CesResult,
  type CompareMeansResult,
  type CsatResult,
  type CsatSummary,
  ces,
  compareMeans,
  compareNps,
  compareProportions,
  csat,
  csatFromCounts,
  estimate,
  type MeanResult,
  mergeSummaries,
  type NpsDifference,
  type NpsResult,
  type NpsSummary,
  nps,
  npsFromCounts,
  type ProportionResult,
  type Summary,
  type SummaryMetric,
  summarize,
} from '../../src/index.ts';

declare const numbers: number[];
declare const answers: (number | null | undefined)[];
declare const typed: Float64Array;
declare const bytes: Uint8Array;
declare const strings: string[];
interface Row {
  score: number | null;
  channel: string;
  type: 'nps' | 'csat' | 'ces';
}
declare const rows: Row[];
declare const dynamicMetric: SummaryMetric;
declare const anySummary: Summary;

const expectType = <T>(value: T): T => value;

// nps: scores as numbers (plain, with skips, typed arrays) or records with an accessor.
expectType<NpsResult>(nps(numbers));
expectType<NpsResult>(nps(answers, { method: 'tango', confidence: 0.9 }));
expectType<NpsResult>(nps(typed));
expectType<NpsResult>(nps(bytes, { weights: typed }));
expectType<NpsResult>(nps(rows, { accessor: 'score' }));
expectType<NpsResult>(nps(rows, { accessor: (r) => r.score, otherTypes: 'exclude' }));
// @ts-expect-error — scores as strings: parse them first (Number, or parseResponses)
nps(strings);
// @ts-expect-error — string literals are not scores
nps(['10', '9']);
// @ts-expect-error — records without an accessor
nps(rows);
// @ts-expect-error — the accessor must name a numeric field
nps(rows, { accessor: 'channel' });
// @ts-expect-error — a misspelt option
nps(numbers, { weight: numbers });
// @ts-expect-error — an unknown method
nps(numbers, { method: 'exact' });
// @ts-expect-error — an accessor on plain scores
nps(numbers, { accessor: 'score' });
// @ts-expect-error — otherTypes has two values
nps(rows, { accessor: 'score', otherTypes: 'include' });

// npsFromCounts
expectType<NpsResult>(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { method: 'bayes', seed: 1 }));
// @ts-expect-error — counts as strings
npsFromCounts({ promoters: '5', passives: 3, detractors: 2 });
// @ts-expect-error — a missing group
npsFromCounts({ promoters: 5, detractors: 2 });
// @ts-expect-error — scores where counts go
npsFromCounts(numbers);
// @ts-expect-error — scale belongs to nps, not to counts (they are already grouped)
npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }, { scale: { min: 1 } });

// csat and csatFromCounts
expectType<CsatResult>(csat(numbers, { scale: '1-7', method: 'jeffreys' }));
expectType<CsatResult>(csat(rows, { accessor: 'score', scale: { min: 1, max: 10 } }));
// @ts-expect-error — scores as strings
csat(strings);
// @ts-expect-error — records without an accessor
csat(rows);
// @ts-expect-error — an unknown preset
csat(numbers, { scale: '1-6' });
expectType<CsatResult>(csatFromCounts({ satisfied: 42, total: 50 }));
// @ts-expect-error — the fields are satisfied and total
csatFromCounts({ successes: 42, n: 50 });

// ces
expectType<CesResult>(ces(answers, { direction: 'lower-is-easier' }));
expectType<CesResult>(ces(rows, { accessor: 'score' }));
// @ts-expect-error — scores as strings
ces(strings);
// @ts-expect-error — records without an accessor
ces(rows);
// @ts-expect-error — an unknown direction
ces(numbers, { direction: 'up' });

// compareNps: scores, counts, results, summaries; records with an accessor
const npsSummary = summarize('nps', numbers);
expectType<NpsDifference>(compareNps(numbers, { promoters: 1, passives: 2, detractors: 3 }));
expectType<NpsDifference>(compareNps(nps(numbers), npsSummary, { method: 'wald' }));
expectType<NpsDifference>(compareNps(rows, rows, { accessor: 'score' }));
// @ts-expect-error — scores as strings
compareNps(strings, numbers);
// @ts-expect-error — records without an accessor
compareNps(rows, numbers);
// @ts-expect-error — tango is not a difference method
compareNps(numbers, numbers, { method: 'tango' });

// compareProportions
compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 }, { method: 'score' });
compareProportions(summarize('proportion', { successes: 7, n: 10 }), estimate(summarize('proportion', [true])));
// @ts-expect-error — counts as strings
compareProportions({ successes: '7', n: 10 }, { successes: 10, n: 12 });
// @ts-expect-error — answers where counts go
compareProportions([true, false], { successes: 10, n: 12 });
// @ts-expect-error — an unknown method
compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 }, { method: 'newcomb' });

// compareMeans
expectType<CompareMeansResult>(compareMeans(numbers, typed));
expectType<CompareMeansResult>(compareMeans(summarize('mean', numbers), { mean: 3, sd: 1, n: 10 }));
// @ts-expect-error — values as strings
compareMeans(strings, numbers);
// @ts-expect-error — compareMeans has no method option (it is Welch's)
compareMeans(numbers, numbers, { method: 'welch' });

// summarize: the literal metric name picks the input and the summary type
expectType<NpsSummary>(summarize('nps', answers, { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }));
expectType<NpsSummary>(summarize('nps', rows, { accessor: 'score', otherTypes: 'exclude' }));
expectType<CsatSummary>(summarize('csat', typed));
summarize('ces', numbers, { direction: 'lower-is-easier' });
summarize('proportion', rows, { accessor: (r) => r.score === 10 });
summarize('mean', typed);
const dynamic: Summary = summarize(dynamicMetric, numbers);
// @ts-expect-error — scores as strings
summarize('nps', strings);
// @ts-expect-error — records without an accessor
summarize('nps', rows);
// @ts-expect-error — interval options belong to estimate
summarize('nps', numbers, { method: 'wald' });
// @ts-expect-error — an unknown metric
summarize('NPS', numbers);
// @ts-expect-error — a proportion of numbers (it takes true/false answers or counts)
summarize('proportion', numbers);

// estimate: the summary's type picks the options and the result type
expectType<NpsResult>(estimate(npsSummary, { method: 'bootstrap', seed: 7, missing: 'as-passive' }));
expectType<CsatResult>(estimate(summarize('csat', numbers), { method: 'wilson' }));
expectType<CesResult>(estimate(summarize('ces', numbers)));
expectType<ProportionResult>(estimate(summarize('proportion', { successes: 1, n: 2 }), { method: 'jeffreys' }));
expectType<MeanResult>(estimate(summarize('mean', numbers), { confidence: 0.9 }));
estimate(anySummary, { confidence: 0.9 });
estimate(dynamic);
// @ts-expect-error — scale is fixed in the summary
estimate(npsSummary, { scale: { min: 1 } });
// @ts-expect-error — a mean summary has no bootstrap
estimate(summarize('mean', numbers), { method: 'bootstrap-bca' });
// @ts-expect-error — raw scores are not a summary
estimate(numbers);
// @ts-expect-error — a result is not a summary
estimate(nps(numbers));

// mergeSummaries: one kind, as arguments or as an array
expectType<NpsSummary>(mergeSummaries(npsSummary, npsSummary));
expectType<NpsSummary>(mergeSummaries([npsSummary, npsSummary]));
expectType<Summary>(mergeSummaries(anySummary, anySummary));
// @ts-expect-error — summaries of two kinds
mergeSummaries(npsSummary, summarize('csat', numbers));
// @ts-expect-error — summaries of two kinds, in an array
mergeSummaries([npsSummary, summarize('csat', numbers)]);
// @ts-expect-error — results are not summaries
mergeSummaries(nps(numbers), nps(numbers));
