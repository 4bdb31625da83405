import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { describe } from '../stats/validate.ts';

/**
 * A CSAT scale: integer answers min…max; answers ≥ satisfiedMin count as satisfied.
 *
 * @example
 * csat([7, 6, 5, 3], { scale: { min: 1, max: 7, satisfiedMin: 5 } }).scale // => { min: 1, max: 7, satisfiedMin: 5 }
 */
export interface CsatScale {
  min: number;
  max: number;
  satisfiedMin: number;
}

/**
 * Common CSAT scales with the top-2-box rule (top box on 1–3).
 *
 * @example
 * CSAT_SCALES['1-5'] // => { min: 1, max: 5, satisfiedMin: 4 }
 */
export const CSAT_SCALES = Object.freeze({
  '1-3': Object.freeze({ min: 1, max: 3, satisfiedMin: 3 }),
  '1-5': Object.freeze({ min: 1, max: 5, satisfiedMin: 4 }),
  '1-7': Object.freeze({ min: 1, max: 7, satisfiedMin: 6 }),
  '1-10': Object.freeze({ min: 1, max: 10, satisfiedMin: 9 }),
  '0-10': Object.freeze({ min: 0, max: 10, satisfiedMin: 9 }),
}) satisfies Record<string, Readonly<CsatScale>>;

/**
 * The name of a `CSAT_SCALES` preset, one of '1-3', '1-5', '1-7', '1-10' or '0-10' (`CsatOptions.scale`).
 *
 * @example
 * Object.keys(CSAT_SCALES) // => ['1-3', '1-5', '1-7', '1-10', '0-10']
 * csat([3, 2, 3], { scale: '1-3' }).value // => 2 / 3 (to 1e-15)
 */
export type CsatScalePreset = keyof typeof CSAT_SCALES;

/** The `scale` and `satisfiedMin` options, checked; INVALID_OPTION when inconsistent. @internal */
export function resolveCsatScale(fn: string, scale: unknown, satisfiedMin: unknown): CsatScale {
  let base: { min?: unknown; max?: unknown; satisfiedMin?: unknown };
  if (scale === undefined) base = CSAT_SCALES['1-5'];
  else if (typeof scale === 'string') {
    if (!Object.hasOwn(CSAT_SCALES, scale)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: scale is ${describe(scale)}; expected one of ${Object.keys(CSAT_SCALES)
          .map((k) => `'${k}'`)
          .join(', ')} or { min, max, satisfiedMin }`,
        { value: scale },
      );
    }
    base = CSAT_SCALES[scale as CsatScalePreset];
  } else base = checkOptions(fn, scale as object, ['min', 'max', 'satisfiedMin'], 'scale');
  const { min, max } = base;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || (min as number) >= (max as number)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: scale needs integers min < max; got min ${describe(min)}, max ${describe(max)}`,
      { value: scale },
    );
  }
  const lo = min as number;
  const hi = max as number;
  // A custom scale without a threshold gets the top-2-box rule (top box on a 3-point scale).
  const threshold = satisfiedMin ?? base.satisfiedMin ?? (hi - lo + 1 <= 3 ? hi : hi - 1);
  const out = { min: lo, max: hi, satisfiedMin: threshold as number };
  const problem = csatScaleProblem(out);
  if (problem !== undefined) throw new CxMetricsError('INVALID_OPTION', `${fn}: ${problem}`, { value: threshold });
  return out;
}

/** What is wrong with a CSAT scale, or undefined. @internal */
export function csatScaleProblem(s: Record<string, unknown>): string | undefined {
  const { min, max, satisfiedMin } = s;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || (min as number) >= (max as number)) {
    return `scale needs integers min < max; got min ${describe(min)}, max ${describe(max)}`;
  }
  const lo = min as number;
  const hi = max as number;
  if (hi - lo > 1000) return `scale has ${hi - lo + 1} points; expected at most 1001`;
  if (!Number.isInteger(satisfiedMin) || (satisfiedMin as number) <= lo || (satisfiedMin as number) > hi) {
    return `satisfiedMin is ${describe(satisfiedMin)}; expected an integer from ${lo + 1} to ${hi}`;
  }
  return undefined;
}
