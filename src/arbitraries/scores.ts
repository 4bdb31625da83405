import * as fc from 'fast-check';
import { CxMetricsError } from '../errors.ts';
import { CSAT_SCALES } from '../metrics/csatScale.ts';
import { NPS_SCALE } from '../metrics/npsScale.ts';
import { checkOptions } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { type Range, resolveRange } from './cells.ts';
import type { ScoreRange } from './types.ts';

/**
 * The scales `scores` knows by name: 'nps' (0–10), 'csat' (1–5) and 'csat7' (1–7) as in
 * `SURVEY_SCALES`, 'ces' (CES 2.0, 1–7) and 'cesLegacy' (1–5), and the `CSAT_SCALES` presets
 * '1-3', '1-5', '1-7', '1-10', '0-10'.
 *
 * @example
 * const name: ScaleName = 'cesLegacy'
 * fc.sample(scores({ scale: name }), { numRuns: 10, seed: 1 }).flat().every((s) => s >= 1 && s <= 5) // => true
 */
export type ScaleName = 'nps' | 'csat' | 'csat7' | 'ces' | 'cesLegacy' | keyof typeof CSAT_SCALES;

const NAMED: Record<ScaleName, Range> = {
  nps: { min: NPS_SCALE.min, max: NPS_SCALE.max },
  csat: { min: CSAT_SCALES['1-5'].min, max: CSAT_SCALES['1-5'].max },
  csat7: { min: CSAT_SCALES['1-7'].min, max: CSAT_SCALES['1-7'].max },
  // CES 2.0 (1–7, higher is easier) and the legacy effort scale (1–5), as `ces` defaults them.
  ces: { min: 1, max: 7 },
  cesLegacy: { min: 1, max: 5 },
  ...Object.fromEntries(Object.entries(CSAT_SCALES).map(([name, s]) => [name, { min: s.min, max: s.max }])),
} as Record<ScaleName, Range>;

/**
 * Options of `scores`.
 *
 * @example
 * const options: ScoresOptions = { scale: 'csat', minLength: 1, maxLength: 5, skipped: true }
 * fc.sample(scores(options), { numRuns: 10, seed: 2 }).every((a) => a.length >= 1 && a.length <= 5) // => true
 */
export interface ScoresOptions {
  /** A scale name (default 'nps') or `{ min, max }` (a scale object of the metrics works too). */
  scale?: ScaleName | ScoreRange;
  /** Fewest answers (default 0). */
  minLength?: number;
  /** Most answers (default: fast-check's size setting). */
  maxLength?: number;
  /** Also draw skipped answers (null and undefined), as the metrics count in `skipped` (default false). */
  skipped?: boolean;
}

function length(fn: string, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 0x7fffffff) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${name} is ${describe(value)}; expected a whole number ≥ 0`, {
      value,
    });
  }
  return value as number;
}

/**
 * A fast-check arbitrary of arrays of valid scores on a scale: integers from `min` to `max`
 * (and, with `skipped: true`, null or undefined for skipped answers), as `nps`, `csat` and `ces`
 * accept them. For properties such as "our NPS equals theirs on any answers".
 *
 * @param options - `scale` ('nps' by default, a `ScaleName` or `{ min, max }`), `minLength`,
 *   `maxLength`, `skipped`
 * @returns an arbitrary of score arrays (fresh arrays)
 * @throws CxMetricsError INVALID_OPTION for an unknown option, an unknown scale name, a scale that
 *   is not integers min < max (at most 1001 points), or lengths that are not whole numbers with
 *   minLength ≤ maxLength
 * @example
 * const samples = fc.sample(scores({ scale: 'nps', minLength: 1 }), { numRuns: 20, seed: 3 })
 * samples.every((s) => s.length >= 1 && s.every((x) => Number.isInteger(x) && x >= 0 && x <= 10)) // => true
 * samples.every((s) => nps(s).n === s.length) // => true
 */
export function scores(options?: ScoresOptions & { skipped?: false }): fc.Arbitrary<number[]>;
/**
 * Score arrays with skipped answers (null, undefined) among the scores.
 *
 * @param options - as above, with `skipped: true`
 * @returns an arbitrary of arrays of scores, nulls and undefineds
 * @throws CxMetricsError INVALID_OPTION as above
 * @example
 * fc.sample(scores({ scale: 'csat', skipped: true }), { numRuns: 50, seed: 4 }).flat().includes(null) // => true
 */
export function scores(options: ScoresOptions & { skipped: true }): fc.Arbitrary<(number | null | undefined)[]>;
export function scores(options?: ScoresOptions): fc.Arbitrary<(number | null | undefined)[]>;
export function scores(options?: ScoresOptions): fc.Arbitrary<(number | null | undefined)[]> {
  const fn = 'scores';
  const o = checkOptions(fn, options, ['scale', 'minLength', 'maxLength', 'skipped']);
  let range: Range;
  if (o.scale === undefined) range = NAMED.nps;
  else if (typeof o.scale === 'string') {
    if (!Object.hasOwn(NAMED, o.scale)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: scale is ${describe(o.scale)}; expected one of ${Object.keys(NAMED)
          .map((k) => `'${k}'`)
          .join(', ')} or { min, max }`,
        { value: o.scale },
      );
    }
    range = NAMED[o.scale as ScaleName];
  } else range = resolveRange(fn, 'scale', o.scale);
  const minLength = length(fn, 'minLength', o.minLength);
  const maxLength = length(fn, 'maxLength', o.maxLength);
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: minLength ${minLength} is above maxLength ${maxLength}`, {
      value: options,
    });
  }
  if (o.skipped !== undefined && typeof o.skipped !== 'boolean') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: skipped is ${describe(o.skipped)}; expected true or false`, {
      value: o.skipped,
    });
  }
  const score: fc.Arbitrary<number | null | undefined> = o.skipped
    ? fc.oneof({ arbitrary: fc.integer(range), weight: 4 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 })
    : fc.integer(range);
  return fc.array(score, {
    ...(minLength === undefined ? {} : { minLength }),
    ...(maxLength === undefined ? {} : { maxLength }),
  });
}
