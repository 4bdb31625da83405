import type { CxWarning } from '../types.ts';

/** Helpers shared by the interval functions. @internal */

/** Clip [lower, upper] to [min, max]; a CLIPPED warning when the clip was more than rounding. */
export function clipInterval(
  fn: string,
  lower: number,
  upper: number,
  min: number,
  max: number,
  warnings: CxWarning[],
): { lower: number; upper: number } {
  const tolerance = 1e-12 * Math.max(1, max - min);
  if (lower < min - tolerance || upper > max + tolerance) {
    warnings.push({
      code: 'CLIPPED',
      message: `${fn}: the interval [${fmt(lower)}, ${fmt(upper)}] reached outside [${min}, ${max}] and was clipped to it; the method is unreliable this close to the edge`,
    });
  }
  return { lower: Math.min(max, Math.max(min, lower)), upper: Math.min(max, Math.max(min, upper)) };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/** Probability α/2 in each tail for a two-sided interval at `confidence`. */
export function tailProbability(confidence: number): number {
  return (1 - confidence) / 2;
}
