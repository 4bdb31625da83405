import { printable } from '../format/printable.ts';
import { type KaplanMeierOptions, type KaplanMeierResult, kaplanMeierResult } from '../stats/kaplanMeier.ts';

/**
 * Kaplan–Meier estimate of a survival curve from right-censored durations, with a pointwise
 * confidence band and quantiles (median included) with Brookmeyer–Crowley intervals.
 *
 * At each distinct time tᵢ with nᵢ at risk and dᵢ events, Ŝ(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
 * (Kaplan & Meier 1958, doi:10.1080/01621459.1958.10501452). Censored observations count as at
 * risk at their own time. Variance by Greenwood's formula (Greenwood 1926): the standard error of
 * −log Ŝ is σ(t) = √Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)), reported as `standardError`. With z = Φ⁻¹(1 − α/2):
 * - `'log-log'` (default): from Ŝ^exp(zσ/|log Ŝ|) to Ŝ^exp(−zσ/|log Ŝ|), always inside (0, 1)
 *   (Kalbfleisch & Prentice 2002, doi:10.1002/9781118032985).
 * - `'log'`: Ŝ·exp(±zσ), upper end clipped to 1 (R's survfit default).
 * - `'plain'`: Ŝ ± zσŜ, clipped to [0, 1]; poor near 0 and 1.
 * Clipping is reported once in `warnings` (CLIPPED). Where Ŝ = 1 the band is [1, 1]; where Ŝ
 * drops to 0, σ is infinite and the band is [0, 1] (R reports NA for both cases).
 *
 * Quantiles (`median` here, any p with `kaplanMeierQuantile`) follow R's `quantile.survfit` (survival 3.5): the estimate is the smallest time
 * with Ŝ ≤ 1 − p, except where Ŝ sits at 1 − p (within 2⁻²⁶) on a flat stretch, when it is the
 * midpoint between that time and the next time the curve drops (or the last time, for a flat at
 * the end). The interval (Brookmeyer & Crowley 1982, doi:10.2307/2530286) is read off the band the
 * same way: the lower bound where the lower band first reaches 1 − p, the upper bound where the
 * upper band first does. A quantile or bound never reached within follow-up is `Infinity` with a
 * warning (NOT_REACHED, LOWER_NOT_REACHED, UPPER_NOT_REACHED).
 * Agrees with R 4.2.2 / survival 3.5.3 `survfit` and `quantile.survfit` to 1e-9
 * (test/fixtures/r-survival-km.json). Where R's answer is an artefact we differ, so that always
 * lower ≤ value ≤ upper: a band that is not monotone is read at its first crossing (R's approx
 * assumes monotone); the lower band is 0 where Ŝ = 0 (R: NA, which can leave the lower bound NA
 * under a finite estimate); 0 < p < 2⁻²⁶ is read as 2⁻²⁶ (R: NA). O(n): the durations are
 * radix-sorted (Float64Array#sort's order), the rest is linear; `points` is made from typed
 * columns on first read (see docs/kaplan-meier.md), so a caller who needs only the median or
 * quantiles never pays for one object per time.
 *
 * @param durations - time to the event or to censoring for each subject, finite and ≥ 0, in any
 *   unit (cx-metrics uses milliseconds); typed arrays accepted; not mutated
 * @param events - per subject, `true` or 1 when the event happened at that duration, `false` or
 *   0 when the observation was censored (still no event at that time)
 * @param options - `confidence` (0.95), `confType` (`'log-log'`)
 * @returns `{ points, median, confidence, confType, n, warnings }`, plain JSON-able data
 *   (`Infinity` serializes as null; `points` materialized on first read, then a plain data
 *   property); other quantiles with `kaplanMeierQuantile(result, p)`
 * @throws CxMetricsError EMPTY_INPUT for no observations; INVALID_VALUE (with index and value) for
 *   a duration that is not a finite number ≥ 0, an event flag that is not a boolean, 0 or 1, or
 *   arrays of different lengths; INVALID_OPTION for confidence outside (0, 1) or an unknown confType
 * @example
 * const km = kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1])
 * km.points.map((point) => point.atRisk) // => [6, 5, 3, 2, 1]
 * km.points[2].survival // => 4 / 9 (to 1e-15) (5/6 · 4/5 · 2/3)
 * km.points[2].standardError // => 0.5 (to 1e-15) (square root of 1/30 + 1/20 + 1/6)
 * km.median.value // => 5
 * km.median.lower // => 2
 * km.median.upper // => Infinity
 */
export function kaplanMeier(
  durations: ArrayLike<number>,
  events: ArrayLike<boolean | number>,
  options?: KaplanMeierOptions,
): KaplanMeierResult {
  return printable(kaplanMeierResult('kaplanMeier', durations, events, options));
}
