import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf } from '../stats/validate.ts';
import { summaryFields } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { CsatSummary } from '../summary/types.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import type { CsatResult } from './csat.ts';
import { type CsatScale, csatScaleProblem, resolveCsatScale } from './csatScale.ts';
import {
  checkHistogramFields,
  histogramFields,
  mergeHistogramFields,
  otherTypesWarning,
  sameScale,
} from './histogramSummary.ts';
import { countOf, distributionOf, meanScore, scaleTotals, shareOf } from './scaleSummary.ts';
import { readHistogram } from './scoreHistogram.ts';

// The CSAT summary family: the histogram over the scale → the satisfied share (any proportion
// interval), the mean (t) and the distribution. `csat` is `estimateCsat(summarizeCsat(…))`.

/** Options that shape a CSAT summary. @internal */
export const CSAT_SUMMARY_KEYS = ['scale', 'satisfiedMin', 'weights', 'accessor', 'otherTypes'] as const;
/** Options of the CSAT estimate. @internal */
export const CSAT_ESTIMATE_KEYS = ['method', 'confidence'] as const;

/** Resolved interval options of CSAT and CES. @internal */
export interface ShareSettings {
  method: ProportionMethod;
  confidence: number;
}

/** Check `method` (a proportion method, Wilson by default) and `confidence`. @internal */
export function resolveShareSettings(fn: string, o: Record<string, unknown>): ShareSettings {
  const method = checkOneOf(fn, 'method', o.method ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  return { method, confidence };
}

/** Read CSAT answers into their summary under a resolved scale. @internal */
export function summarizeCsatOn(fn: string, input: unknown, scale: CsatScale, o: Record<string, unknown>): CsatSummary {
  const otherTypes = checkOneOf(fn, 'otherTypes', o.otherTypes ?? 'error', ['error', 'exclude'] as const);
  const h = readHistogram(fn, input, {
    survey: 'csat',
    min: scale.min,
    max: scale.max,
    accessor: o.accessor,
    weights: o.weights,
    otherTypes,
  });
  return { kind: 'csat-summary', version: 1, scale, ...histogramFields(h) };
}

/** Check a CSAT summary from outside and copy it. @internal */
export function checkCsat(fn: string, s: unknown): CsatSummary {
  const o = summaryFields(fn, s, 'csat-summary', [
    'kind',
    'version',
    'scale',
    'counts',
    'skipped',
    'weights',
    'otherTypes',
  ]);
  const raw = o.scale;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length !== 3) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: scale must be { min, max, satisfiedMin }`, { value: raw });
  }
  const r = raw as Record<string, unknown>;
  const problem = csatScaleProblem(r);
  if (problem !== undefined) throw new CxMetricsError('INVALID_VALUE', `${fn}: ${problem}`, { value: raw });
  const scale = { min: r.min as number, max: r.max as number, satisfiedMin: r.satisfiedMin as number };
  return { kind: 'csat-summary', version: 1, scale, ...checkHistogramFields(fn, o, scale.max - scale.min + 1) };
}

/** Two CSAT summaries added; INVALID_VALUE when their scales or thresholds differ. @internal */
export function mergeCsat(fn: string, a: CsatSummary, b: CsatSummary): CsatSummary {
  sameScale(fn, a.scale, b.scale);
  return { kind: 'csat-summary', version: 1, scale: { ...a.scale }, ...mergeHistogramFields(fn, a, b) };
}

/** CSAT, its mean and distribution from a summary. @internal */
export function estimateCsat(fn: string, s: CsatSummary, settings: ShareSettings): CsatResult {
  const { scale } = s;
  const t = scaleTotals(fn, s, scale.min, scale.max);
  const isSatisfied = (x: number) => x >= scale.satisfiedMin;
  const share = shareOf(t, isSatisfied);
  const estimate = proportionIntervalUnchecked(fn, share * t.n, t.n, settings.method, settings.confidence);
  const warnings: CxWarning[] = [];
  if (s.otherTypes !== undefined && s.otherTypes > 0) warnings.push(otherTypesWarning(fn, s.otherTypes));
  warnings.push(...estimate.warnings);
  if (t.weighted) {
    warnings.push(
      warning(
        'WEIGHTED',
        `${fn}: weighted shares; intervals use Kish's effective sample size ${t.n.toFixed(1)} of ${t.answered} answers`,
      ),
    );
  }
  return printable({
    kind: 'csat',
    ...estimate,
    value: share,
    warnings,
    satisfied: countOf(t, isSatisfied),
    mean: meanScore(fn, t, scale.max, settings.confidence),
    distribution: distributionOf(t),
    skipped: s.skipped,
    scale: { ...scale },
  });
}

/** The CSAT summary family. @internal */
export const CSAT_FAMILY: SummaryFamily<CsatSummary, CsatResult> = {
  metric: 'csat',
  kind: 'csat-summary',
  summarizeKeys: CSAT_SUMMARY_KEYS,
  estimateKeys: CSAT_ESTIMATE_KEYS,
  summarize: (fn, input, o) => summarizeCsatOn(fn, input, resolveCsatScale(fn, o.scale, o.satisfiedMin), o),
  merge: mergeCsat,
  check: checkCsat,
  estimate: (fn, s, o) => estimateCsat(fn, s, resolveShareSettings(fn, o)),
};
