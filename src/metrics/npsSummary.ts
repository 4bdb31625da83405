import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import {
  NET_SCORE_METHODS,
  type NetScoreSettings,
  netScoreInterval,
  resolveNetScoreSettings,
  round,
  type TrinomialCounts,
} from '../stats/netScore.ts';
import { checkOneOf } from '../stats/validate.ts';
import { summaryFields } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { NpsSummary } from '../summary/types.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import {
  checkHistogramFields,
  histogramFields,
  mergeHistogramFields,
  noAnswersError,
  otherTypesWarning,
  sameScale,
  zeroWeightError,
} from './histogramSummary.ts';
import type { NpsCounts, NpsResult } from './nps.ts';
import { type NpsScale, npsScaleProblem, resolveNpsScale } from './npsScale.ts';
import { readHistogram } from './scoreHistogram.ts';

// The NPS summary family: the histogram over the scale → group counts → the trinomial net score.
// `nps` is `estimateNps(summarizeNps(…))`, and so is `estimate(summarize('nps', …))`.

/** Options that shape an NPS summary. @internal */
export const NPS_SUMMARY_KEYS = ['scale', 'weights', 'accessor', 'otherTypes'] as const;
/** Options of the NPS estimate. @internal */
export const NPS_ESTIMATE_KEYS = ['method', 'confidence', 'resamples', 'seed', 'rng', 'missing'] as const;

/** Resolved estimate options. @internal */
export interface NpsEstimateSettings extends NetScoreSettings {
  missing: 'exclude' | 'as-passive';
}

/** Check the estimate options (method, confidence, resamples, seed/rng, missing). @internal */
export function resolveNpsEstimate(fn: string, o: Record<string, unknown>): NpsEstimateSettings {
  const missing = checkOneOf(fn, 'missing', o.missing ?? 'exclude', ['exclude', 'as-passive'] as const);
  return { ...resolveNetScoreSettings(fn, o, NET_SCORE_METHODS), missing };
}

/** Read NPS answers into their summary under a resolved scale. @internal */
export function summarizeNpsOn(fn: string, input: unknown, scale: NpsScale, o: Record<string, unknown>): NpsSummary {
  const otherTypes = checkOneOf(fn, 'otherTypes', o.otherTypes ?? 'error', ['error', 'exclude'] as const);
  const h = readHistogram(fn, input, {
    survey: 'nps',
    min: scale.min,
    max: scale.max,
    accessor: o.accessor,
    weights: o.weights,
    otherTypes,
  });
  return { kind: 'nps-summary', version: 1, scale, ...histogramFields(h) };
}

/** Check an NPS summary from outside and copy it. @internal */
export function checkNps(fn: string, s: unknown): NpsSummary {
  const o = summaryFields(fn, s, 'nps-summary', [
    'kind',
    'version',
    'scale',
    'counts',
    'skipped',
    'weights',
    'otherTypes',
  ]);
  const raw = o.scale;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: scale must be { min, max, detractorMax, promoterMin }`, {
      value: raw,
    });
  }
  const r = raw as Record<string, unknown>;
  const scale = { min: r.min, max: r.max, detractorMax: r.detractorMax, promoterMin: r.promoterMin };
  const problem = npsScaleProblem(scale);
  if (problem !== undefined || Object.keys(r).length !== 4) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${problem ?? 'scale has fields other than min, max, detractorMax, promoterMin'}`,
      {
        value: raw,
      },
    );
  }
  const checked = scale as NpsScale;
  return {
    kind: 'nps-summary',
    version: 1,
    scale: checked,
    ...checkHistogramFields(fn, o, checked.max - checked.min + 1),
  };
}

/** Two NPS summaries added; INVALID_VALUE when their scales differ. @internal */
export function mergeNps(fn: string, a: NpsSummary, b: NpsSummary): NpsSummary {
  sameScale(fn, a.scale, b.scale);
  return { kind: 'nps-summary', version: 1, scale: { ...a.scale }, ...mergeHistogramFields(fn, a, b) };
}

/**
 * NPS with its interval from a summary: promoters, passives and detractors from the histogram
 * (skipped answers become passives with missing: 'as-passive'), weighted shares with Kish's n when
 * the summary is weighted, then the trinomial net score. @internal
 */
export function estimateNps(fn: string, s: NpsSummary, settings: NpsEstimateSettings): NpsResult {
  const { scale } = s;
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  const weighted = { promoters: 0, passives: 0, detractors: 0, squares: 0 };
  for (let k = 0; k < s.counts.length; k++) {
    const score = scale.min + k;
    const group = score >= scale.promoterMin ? 'promoters' : score <= scale.detractorMax ? 'detractors' : 'passives';
    counts[group] += s.counts[k] as number;
    if (s.weights !== undefined) {
      weighted[group] += s.weights.sum[k] as number;
      weighted.squares += s.weights.sumSquares[k] as number;
    }
  }
  const warnings: CxWarning[] = [];
  if (s.otherTypes !== undefined && s.otherTypes > 0) warnings.push(otherTypesWarning(fn, s.otherTypes));
  let skipped = s.skipped;
  if (settings.missing === 'as-passive' && skipped > 0) {
    counts.passives += skipped;
    if (s.weights !== undefined) {
      weighted.passives += s.weights.skippedSum;
      weighted.squares += s.weights.skippedSumSquares;
    }
    warnings.push(
      warning('MISSING_AS_PASSIVE', `${fn}: ${skipped} skipped answer(s) counted as passives (missing: 'as-passive')`),
    );
    skipped = 0;
  }
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) throw noAnswersError(fn, s.skipped, scale.min, scale.max);
  let effective: TrinomialCounts = {
    positive: counts.promoters,
    neutral: counts.passives,
    negative: counts.detractors,
  };
  let n = total;
  if (s.weights !== undefined) {
    const sumWeights = weighted.promoters + weighted.passives + weighted.detractors;
    n = sumWeights > 0 ? (sumWeights * sumWeights) / weighted.squares : 0;
    if (n === 0) throw zeroWeightError(fn);
    const scaleToN = n / sumWeights;
    effective = {
      positive: weighted.promoters * scaleToN,
      neutral: weighted.passives * scaleToN,
      negative: weighted.detractors * scaleToN,
    };
    warnings.push(
      warning(
        'WEIGHTED',
        `${fn}: weighted shares; the interval uses Kish's effective sample size ${round(n)} of ${total} answers`,
      ),
    );
  }
  return npsResult(fn, effective, n, settings, warnings, counts, skipped, scale);
}

/** The NpsResult for (possibly weighted) group counts on n answers. @internal */
export function npsResult(
  fn: string,
  effective: TrinomialCounts,
  n: number,
  settings: NetScoreSettings,
  warnings: CxWarning[],
  counts: NpsCounts,
  skipped: number,
  scale: NpsScale,
): NpsResult {
  const net = netScoreInterval(fn, effective, n, settings, warnings, 'NPS');
  return printable({
    kind: 'nps',
    value: net.value,
    lower: net.lower,
    upper: net.upper,
    confidence: net.confidence,
    method: net.method,
    n: net.n,
    standardError: net.standardError,
    warnings: net.warnings,
    shares: { promoters: net.shares.positive, passives: net.shares.neutral, detractors: net.shares.negative },
    promoters: counts.promoters,
    passives: counts.passives,
    detractors: counts.detractors,
    skipped,
    scale: { ...scale },
  });
}

/** The NPS summary family. @internal */
export const NPS_FAMILY: SummaryFamily<NpsSummary, NpsResult> = {
  metric: 'nps',
  kind: 'nps-summary',
  summarizeKeys: NPS_SUMMARY_KEYS,
  estimateKeys: NPS_ESTIMATE_KEYS,
  summarize: (fn, input, o) => summarizeNpsOn(fn, input, resolveNpsScale(fn, o.scale), o),
  merge: mergeNps,
  check: checkNps,
  estimate: (fn, s, o) => estimateNps(fn, s, resolveNpsEstimate(fn, o)),
};
