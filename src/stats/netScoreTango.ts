/**
 * Tango's score interval for Δ = p₊ − p₋ from P positive and N negative answers out of n: the Δ
 * with |Z(Δ)| ≤ z, Z(Δ) = (P − N − nΔ)/√(n(2q̃ + Δ(1 − Δ))), where q̃ is the MLE of p₋ restricted
 * to p₊ − p₋ = Δ, the root of 2n·q² + W·q − N·Δ(1 − Δ) = 0 with W = (2n − P + N)Δ − (P + N).
 * Z is decreasing in Δ, so each bound is found by bisection to machine precision. Tango (1998),
 * Statistics in Medicine 17:891–908, doi:10.1002/(SICI)1097-0258(19980430)17:8<891::AID-SIM780>3.0.CO;2-B.
 * Bounds on the −1…1 scale. @internal
 */
export function tangoNetScoreInterval(P: number, N: number, n: number, z: number): { lower: number; upper: number } {
  const score = (delta: number): number => {
    const w = (2 * n - P + N) * delta - (P + N);
    const disc = Math.max(0, w * w + 8 * n * N * delta * (1 - delta));
    const q = (Math.sqrt(disc) - w) / (4 * n);
    const variance = n * (2 * q + delta * (1 - delta));
    const numerator = P - N - n * delta;
    if (variance <= 0) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return numerator / Math.sqrt(variance);
  };
  const estimate = (P - N) / n;
  // The lower bound is where the score falls through +z, the upper where it falls through −z.
  const solve = (from: number, to: number, target: number): number => {
    // score(from) and score(to) straddle target; score decreasing.
    let a = from;
    let b = to;
    for (let i = 0; i < 200 && b - a > 1e-16; i++) {
      const mid = (a + b) / 2;
      if (mid === a || mid === b) break;
      if (score(mid) > target) a = mid;
      else b = mid;
    }
    return (a + b) / 2;
  };
  const lower = score(-1) <= z ? -1 : solve(-1, estimate, z);
  const upper = score(1) >= -z ? 1 : solve(estimate, 1, -z);
  return { lower: Math.max(-1, lower), upper: Math.min(1, upper) };
}
