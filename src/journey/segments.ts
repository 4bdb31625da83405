import { adjustPValues, P_ADJUST_METHODS, type PAdjustMethod } from '../analysis/adjustPValues.ts';
import { type ProportionHomogeneityTest, proportionHomogeneityTest } from '../analysis/proportionHomogeneityTest.ts';
import { compareProportions, type ProportionsDifference } from '../compare/compareProportions.ts';
import { CxMetricsError } from '../errors.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';

// What funnelBy uses: each segment's proportion (successes of n) against
// the pooled other segments, the p-values adjusted across the segments, a flag, and the
// chi-square test of "any difference at all". Internal to cx-metrics.

/** Segments with fewer than this many decided customers or carts are warned about (SMALL_SAMPLE). @internal */
export const SMALL_SEGMENT = 30;

/** One segment's counts. @internal */
export interface SegmentCounts {
  key: string;
  successes: number;
  n: number;
}

/** One segment against the rest. @internal */
export interface SegmentVersusRest {
  vsRest: ProportionsDifference | null;
  pValue: number | null;
  adjustedPValue: number | null;
  flag: 'higher' | 'lower' | 'none';
  warnings: CxWarning[];
}

/** adjust, level and confidence of the *By functions, checked. @internal */
export function segmentSettings(
  fn: string,
  o: { adjust?: unknown; level?: unknown; confidence?: unknown },
): { adjust: PAdjustMethod; level: number; confidence: number } {
  const adjust = checkOneOf(fn, 'adjust', o.adjust ?? 'holm', P_ADJUST_METHODS);
  const level = o.level ?? 0.05;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: level is ${describe(level)}; expected a number in (0, 1)`, {
      value: level,
    });
  }
  return { adjust, level, confidence: checkConfidence(fn, o.confidence ?? 0.95) };
}

/**
 * Each segment against the pooled others (compareProportions: Newcombe's hybrid score interval,
 * the pooled z-test), the p-values adjusted across the segments, and the chi-square homogeneity
 * test over the segments with n > 0. `what` names the figure in warnings. @internal
 */
export function compareSegments(
  where: string,
  what: string,
  segments: readonly SegmentCounts[],
  settings: { adjust: PAdjustMethod; level: number; confidence: number },
): { comparisons: SegmentVersusRest[]; test: ProportionHomogeneityTest | null; warnings: CxWarning[] } {
  const warnings: CxWarning[] = [];
  let totalS = 0;
  let totalN = 0;
  for (const s of segments) {
    totalS += s.successes;
    totalN += s.n;
  }
  const comparisons: SegmentVersusRest[] = segments.map((s) => {
    const w: CxWarning[] = [];
    const rest = { successes: totalS - s.successes, n: totalN - s.n };
    let vsRest: ProportionsDifference | null = null;
    if (s.n === 0 || rest.n === 0) {
      w.push(
        warning(
          'SMALL_SAMPLE',
          `${where}: segment '${s.key}': no comparison (${s.n === 0 ? 'the segment' : 'the rest'} has no ${what})`,
        ),
      );
    } else {
      vsRest = compareProportions({ successes: s.successes, n: s.n }, rest, { confidence: settings.confidence });
      if (s.n < SMALL_SEGMENT) {
        w.push(
          warning(
            'SMALL_SAMPLE',
            `${where}: segment '${s.key}': ${s.n} ${what}; below ${SMALL_SEGMENT} the comparison is rough`,
          ),
        );
      }
    }
    return { vsRest, pValue: vsRest === null ? null : vsRest.pValue, adjustedPValue: null, flag: 'none', warnings: w };
  });
  const withP = comparisons.filter((c) => c.pValue !== null);
  if (withP.length > 0) {
    const adjusted = adjustPValues(
      withP.map((c) => c.pValue as number),
      { method: settings.adjust },
    );
    withP.forEach((c, j) => {
      c.adjustedPValue = adjusted[j] as number;
      const d = (c.vsRest as ProportionsDifference).difference;
      c.flag = c.adjustedPValue < settings.level ? (d > 0 ? 'higher' : d < 0 ? 'lower' : 'none') : 'none';
    });
  }
  const used = segments.filter((s) => s.n > 0);
  let test: ProportionHomogeneityTest | null = null;
  if (used.length >= 2) {
    try {
      test = proportionHomogeneityTest(used.map((s) => ({ successes: s.successes, n: s.n })));
    } catch (error) {
      if (!(error instanceof CxMetricsError)) throw error;
      warnings.push(warning('NO_TEST', `${where}: no test across segments (${error.message})`));
    }
  } else {
    warnings.push(warning('NO_TEST', `${where}: fewer than 2 segments with ${what}; nothing to compare`));
  }
  return { comparisons, test, warnings };
}
