import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions } from '../options.ts';
import { netScoreInterval } from '../stats/netScore.ts';
import { PROPORTION_METHODS, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { summaryFields } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { CesSummary } from '../summary/types.ts';
import type { CxWarning, Estimate } from '../types.ts';
import { warning } from '../warnings.ts';
import type { CesDirection, CesResult } from './ces.ts';
import type { ShareSettings } from './csatSummary.ts';
import {
  checkHistogramFields,
  histogramFields,
  mergeHistogramFields,
  otherTypesWarning,
  sameScale,
} from './histogramSummary.ts';
import { distributionOf, meanScore, scaleTotals, shareOf } from './scaleSummary.ts';
import { readHistogram } from './scoreHistogram.ts';

// The CES summary family: the histogram over the scale → the mean (t), the easy share (any
// proportion interval) and net effort (the trinomial net score). `ces` is
// `estimateCes(summarizeCes(…))`.

/** Options that shape a CES summary. @internal */
export const CES_SUMMARY_KEYS = ['scale', 'direction', 'easyThreshold', 'weights', 'accessor', 'otherTypes'] as const;
/** Options of the CES estimate. @internal */
export const CES_ESTIMATE_KEYS = ['easyMethod', 'confidence'] as const;

/**
 * Check `easyMethod` (the easy share's proportion method, Wilson by default) and `confidence`.
 * Not `method`: that names the headline interval (docs/conventions.md, section 3), and CES's
 * headline is the mean, whose interval is always t. @internal
 */
export function resolveCesSettings(fn: string, o: Record<string, unknown>): ShareSettings {
  const method = checkOneOf(fn, 'easyMethod', o.easyMethod ?? 'wilson', PROPORTION_METHODS);
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  return { method, confidence };
}

/** A resolved CES scale. @internal */
export type CesScale = CesSummary['scale'];

const DIRECTIONS = ['higher-is-easier', 'lower-is-easier'] as const;

/** The `scale`, `direction` and `easyThreshold` options, checked. @internal */
export function resolveCesScale(fn: string, o: Record<string, unknown>): CesScale {
  const direction = checkOneOf(fn, 'direction', o.direction ?? 'higher-is-easier', DIRECTIONS);
  // The legacy lower-is-easier CES is a 1–5 effort scale; CES 2.0 is 1–7.
  let min = 1;
  let max = direction === 'lower-is-easier' ? 5 : 7;
  if (o.scale !== undefined) {
    const s = checkOptions(fn, o.scale as object, ['min', 'max'], 'scale') as Record<string, unknown>;
    if (!Number.isSafeInteger(s.min) || !Number.isSafeInteger(s.max)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: scale must be { min, max } with integer ends`, {
        value: o.scale,
      });
    }
    min = s.min as number;
    max = s.max as number;
  }
  const higher = direction === 'higher-is-easier';
  const scale = { min, max, direction, easyThreshold: (o.easyThreshold ?? (higher ? max - 2 : min + 1)) as number };
  const problem = cesScaleProblem(scale);
  if (problem !== undefined) throw new CxMetricsError('INVALID_OPTION', `${fn}: ${problem}`, { value: o.scale });
  return scale;
}

/** What is wrong with a CES scale, or undefined. @internal */
export function cesScaleProblem(s: Record<string, unknown>): string | undefined {
  const { min, max, direction, easyThreshold } = s;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return 'scale must be { min, max } with integer ends';
  const lo = min as number;
  const hi = max as number;
  if (hi - lo < 2) return `scale ${lo}–${hi} needs at least 3 points`;
  if (hi - lo > 1000) return `scale has ${hi - lo + 1} points; expected at most 1001`;
  if (!(DIRECTIONS as readonly unknown[]).includes(direction)) {
    return `direction is ${describe(direction)}; expected 'higher-is-easier' or 'lower-is-easier'`;
  }
  if (!Number.isInteger(easyThreshold) || (easyThreshold as number) < lo || (easyThreshold as number) > hi) {
    return `easyThreshold is ${describe(easyThreshold)}; expected an integer from ${lo} to ${hi}`;
  }
  return undefined;
}

/** Read CES answers into their summary under a resolved scale. @internal */
export function summarizeCesOn(fn: string, input: unknown, scale: CesScale, o: Record<string, unknown>): CesSummary {
  const otherTypes = checkOneOf(fn, 'otherTypes', o.otherTypes ?? 'error', ['error', 'exclude'] as const);
  const h = readHistogram(fn, input, {
    survey: 'ces',
    min: scale.min,
    max: scale.max,
    accessor: o.accessor,
    weights: o.weights,
    otherTypes,
  });
  return { kind: 'ces-summary', version: 1, scale, ...histogramFields(h) };
}

/** Check a CES summary from outside and copy it. @internal */
export function checkCes(fn: string, s: unknown): CesSummary {
  const o = summaryFields(fn, s, 'ces-summary', [
    'kind',
    'version',
    'scale',
    'counts',
    'skipped',
    'weights',
    'otherTypes',
  ]);
  const raw = o.scale;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length !== 4) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: scale must be { min, max, direction, easyThreshold }`, {
      value: raw,
    });
  }
  const r = raw as Record<string, unknown>;
  const problem = cesScaleProblem(r);
  if (problem !== undefined) throw new CxMetricsError('INVALID_VALUE', `${fn}: ${problem}`, { value: raw });
  const scale: CesScale = {
    min: r.min as number,
    max: r.max as number,
    direction: r.direction as CesDirection,
    easyThreshold: r.easyThreshold as number,
  };
  return { kind: 'ces-summary', version: 1, scale, ...checkHistogramFields(fn, o, scale.max - scale.min + 1) };
}

/** Two CES summaries added; INVALID_VALUE when their scales, directions or thresholds differ. @internal */
export function mergeCes(fn: string, a: CesSummary, b: CesSummary): CesSummary {
  sameScale(fn, a.scale, b.scale);
  return { kind: 'ces-summary', version: 1, scale: { ...a.scale }, ...mergeHistogramFields(fn, a, b) };
}

/** CES (the mean), the easy share, net effort and the distribution from a summary. @internal */
export function estimateCes(fn: string, s: CesSummary, settings: ShareSettings): CesResult {
  const { min, max, direction, easyThreshold } = s.scale;
  const { method, confidence } = settings;
  const t = scaleTotals(fn, s, min, max);
  const warnings: CxWarning[] = [];
  if (s.otherTypes !== undefined && s.otherTypes > 0) warnings.push(otherTypesWarning(fn, s.otherTypes));
  if (t.weighted) {
    warnings.push(
      warning(
        'WEIGHTED',
        `${fn}: weighted shares and mean; intervals use Kish's effective sample size ${t.n.toFixed(1)} of ${t.answered} answers`,
      ),
    );
  }
  const higher = direction === 'higher-is-easier';
  const isEasy = (x: number) => (higher ? x >= easyThreshold : x <= easyThreshold);
  const easy = proportionIntervalUnchecked(fn, shareOf(t, isEasy) * t.n, t.n, method, confidence);
  easy.value = shareOf(t, isEasy);
  // Net effort: the two easiest points against the two hardest (one each on a 3-point scale).
  const width = max - min + 1 >= 5 ? 2 : 1;
  const easiest = (x: number) => (higher ? x > max - width : x < min + width);
  const hardest = (x: number) => (higher ? x < min + width : x > max - width);
  const n = t.n;
  const top = shareOf(t, easiest) * n;
  const bottom = shareOf(t, hardest) * n;
  const net = netScoreInterval(
    fn,
    { positive: top, neutral: n - top - bottom, negative: bottom },
    n,
    { method: 'adjusted-wald', confidence, resamples: 10_000, rng: undefined },
    [],
    'net effort',
  );
  const netEffort: Estimate = {
    value: net.value,
    lower: net.lower,
    upper: net.upper,
    confidence,
    method: net.method,
    n,
    standardError: net.standardError,
    warnings: net.warnings,
  };
  const mean = meanScore(fn, t, max, confidence);
  return printable({
    kind: 'ces',
    ...mean,
    warnings: [...warnings, ...mean.warnings],
    easy,
    netEffort,
    distribution: distributionOf(t),
    skipped: s.skipped,
    scale: { min, max, direction, easyThreshold },
  });
}

/** The CES summary family. @internal */
export const CES_FAMILY: SummaryFamily<CesSummary, CesResult> = {
  metric: 'ces',
  kind: 'ces-summary',
  summarizeKeys: CES_SUMMARY_KEYS,
  estimateKeys: CES_ESTIMATE_KEYS,
  summarize: (fn, input, o) => summarizeCesOn(fn, input, resolveCesScale(fn, o), o),
  merge: mergeCes,
  check: checkCes,
  estimate: (fn, s, o) => estimateCes(fn, s, resolveCesSettings(fn, o)),
};
