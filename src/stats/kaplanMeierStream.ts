// One quantile of a Kaplan–Meier curve read in a single pass over its columns, allocating
// nothing of the curve's size and stopping as soon as the answer is settled: the same answer as
// preparing the curve (prepareColumn) and reading it (readQuantile) in kaplanMeierQuantile.ts,
// R's findq transcribed. Used for the median every result carries (so that a result needs no
// prepared curves, and, for log-log, no band beyond the median's crossing), and for a one-off
// quantile of a result's points.

/** R's √(double epsilon) = 2⁻²⁶ (kaplanMeierQuantile.ts TOLERANCE). */
const TOLERANCE = 2 ** -26;

/** Which curve: the estimate or an edge of the band. @internal */
export type CurveKind = 0 | 1 | 2;
/** @internal */
export const SURVIVAL: CurveKind = 0;
/** @internal */
export const LOWER: CurveKind = 1;
/** @internal */
export const UPPER: CurveKind = 2;

/**
 * The level findq reads at one time: 1 − the curve, NaN where R has NA (the upper band where
 * Ŝ = 0, the log-log band where Ŝ = 1); the lower band is 1 where Ŝ = 0 (see quantileCurves).
 * @internal
 */
export function levelOf(which: CurveKind, s: number, lower: number, upper: number, logLog: boolean): number {
  if (which === SURVIVAL) return 1 - s;
  if (logLog && s === 1) return Number.NaN;
  if (which === LOWER) return s === 0 ? 1 : 1 - lower;
  return s === 0 ? Number.NaN : 1 - upper;
}

/** One of findq's two approx() reads (level + shift ≥ p), followed along the kept points. */
interface Reader {
  shift: number;
  /** 0 searching, 1 inside the run of tied keys, 2 settled, 3 outside the range (NA). */
  state: number;
  target: number;
  first: number;
  sum: number;
  count: number;
  /** Times of the kept points from `first` on, while the tie is open. */
  xs: number[];
}

function reader(shift: number): Reader {
  return { shift, state: 0, target: 0, first: 0, sum: 0, count: 0, xs: [] };
}

/** The defined point at kept position j, level y, time x, seen by one reader. */
function see(r: Reader, j: number, x: number, y: number, p: number): void {
  const key = y + r.shift;
  if (r.state === 0) {
    if (j === 0 && !(p >= key)) r.state = 3;
    else if (key >= p) {
      r.state = 1;
      r.target = key;
      r.first = j;
      r.sum = j + 1;
      r.count = 1;
      r.xs = [x];
    }
  } else if (r.state === 1) {
    if (key === r.target) {
      r.sum += j + 1;
      r.count++;
    } else r.state = 2;
  }
}

/** The time a reader lands on (R's x[fractional index] truncates a tie's mean position). */
function landing(r: Reader): number {
  if (r.state === 0 || r.state === 3) return Number.NaN;
  const position = r.count === 1 ? r.first : r.sum / r.count - 1;
  return r.xs[Math.trunc(position) - r.first] as number;
}

/**
 * findq's steps 1–3 (see findQuantile) for one p ≥ 2⁻²⁶ on the curve of `m` times whose k-th
 * time is `timeAt(k)` and level `levelAt(k)` (NaN for NA), preceded by (0, 0): NaN where R gives
 * NA. Stops once both reads are settled and the curve has passed p + 2·tol (then the flat-at-the-
 * end rule cannot apply). @internal
 */
export function streamQuantile(
  m: number,
  timeAt: (k: number) => number,
  levelAt: (k: number) => number,
  p: number,
  tol = TOLERANCE,
): number {
  const a = reader(tol);
  const b = reader(-tol);
  // The start (0, 0) is kept and defined.
  see(a, 0, 0, 0, p);
  see(b, 0, 0, 0, p);
  let kept = 1;
  let runningMax = 0;
  let seenNaN = false;
  let lastLevel = 0;
  let settledEarly = false;
  const beyond = p + 2 * tol;
  for (let k = 0; k < m; k++) {
    const y = levelAt(k);
    const defined = !Number.isNaN(y);
    if (!defined) {
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      if (y <= runningMax) continue;
      runningMax = y;
    }
    const x = timeAt(k);
    if (a.state === 1) a.xs.push(x);
    if (b.state === 1) b.xs.push(x);
    if (defined) {
      see(a, kept, x, y, p);
      see(b, kept, x, y, p);
    }
    lastLevel = y;
    kept++;
    if (a.state >= 2 && b.state >= 2 && runningMax >= beyond) {
      settledEarly = true;
      break;
    }
  }
  const i1 = landing(a);
  let quantile = (i1 + landing(b)) / 2;
  if (!settledEarly && !Number.isNaN(lastLevel) && Math.abs(p - lastLevel) < tol) {
    const xmax = m === 0 ? 0 : timeAt(m - 1);
    quantile = (i1 + xmax) / 2;
  }
  return quantile;
}
