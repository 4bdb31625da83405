import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { describe } from '../stats/validate.ts';

/**
 * The answer scale and its cut-offs: detractors ≤ detractorMax, promoters ≥ promoterMin.
 *
 * @example
 * nps([5, 4, 1], { scale: { min: 1, max: 5, detractorMax: 3, promoterMin: 5 } }).scale // => { min: 1, max: 5, detractorMax: 3, promoterMin: 5 }
 */
export interface NpsScale {
  min: number;
  max: number;
  detractorMax: number;
  promoterMin: number;
}

/**
 * The standard 0–10 "How likely are you to recommend…" scale: 0–6 detractors, 9–10 promoters.
 *
 * @example
 * NPS_SCALE // => { min: 0, max: 10, detractorMax: 6, promoterMin: 9 }
 */
export const NPS_SCALE: Readonly<NpsScale> = Object.freeze({ min: 0, max: 10, detractorMax: 6, promoterMin: 9 });

const SCALE_KEYS = ['min', 'max', 'detractorMax', 'promoterMin'] as const;

/** The `scale` option over the 0–10 defaults, checked; INVALID_OPTION when inconsistent. @internal */
export function resolveNpsScale(fn: string, scale: unknown): NpsScale {
  const given = checkOptions(fn, scale as Partial<NpsScale> | undefined, SCALE_KEYS, 'scale');
  const s = { ...NPS_SCALE, ...given };
  const problem = npsScaleProblem(s);
  if (problem !== undefined) throw new CxMetricsError('INVALID_OPTION', `${fn}: ${problem}`, { value: scale });
  return s;
}

/** What is wrong with a scale, or undefined: integer cut-offs with min ≤ detractorMax < promoterMin ≤ max. @internal */
export function npsScaleProblem(s: Record<string, unknown>): string | undefined {
  for (const key of SCALE_KEYS) {
    if (!Number.isSafeInteger(s[key])) return `scale.${key} is ${describe(s[key])}; expected an integer`;
  }
  const { min, max, detractorMax, promoterMin } = s as unknown as NpsScale;
  if (!(min <= detractorMax && detractorMax < promoterMin && promoterMin <= max)) {
    return `scale must satisfy min ≤ detractorMax < promoterMin ≤ max; got min ${min}, detractorMax ${detractorMax}, promoterMin ${promoterMin}, max ${max}`;
  }
  if (max - min > 1000) return `scale has ${max - min + 1} points; expected at most 1001`;
  return undefined;
}
