import { describe, expect, it } from 'vitest';
import { adjustPValues, P_ADJUST_METHODS, type PAdjustMethod } from '../../src/index.ts';
import { fc } from '../helpers/fc.ts';

const pValue = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
// A few values, so ties (and 0 and 1) are frequent.
const tiedPValue = fc.constantFrom(0, 1e-6, 0.001, 0.01, 0.02, 0.04, 0.05, 0.2, 0.5, 1);
const pValues = fc.oneof(
  fc.array(pValue, { minLength: 0, maxLength: 30 }),
  fc.array(tiedPValue, { minLength: 0, maxLength: 30 }),
);
const method = fc.constantFrom(...P_ADJUST_METHODS);

/** Indices that sort p ascending. */
const ascending = (p: number[]) => p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number));

/** The textbook decisions at level α, written from the papers' procedures, not from p̃ ≤ α. */
function rejected(p: number[], m: PAdjustMethod, alpha: number): boolean[] {
  const n = p.length;
  const order = ascending(p);
  const sorted = order.map((i) => p[i] as number);
  const out = new Array<boolean>(n).fill(false);
  const rejectFirst = (k: number) => {
    for (let r = 0; r < k; r++) out[order[r] as number] = true;
  };
  switch (m) {
    case 'bonferroni':
      return p.map((x) => x <= alpha / n);
    case 'holm': {
      // Holm (1979): step down, stop at the first p(i) > α/(m − i + 1).
      let k = 0;
      while (k < n && (sorted[k] as number) <= alpha / (n - k)) k++;
      rejectFirst(k);
      return out;
    }
    case 'hochberg': {
      // Hochberg (1988): step up, the largest i with p(i) ≤ α/(m − i + 1).
      let k = n;
      while (k > 0 && (sorted[k - 1] as number) > alpha / (n - k + 1)) k--;
      rejectFirst(k);
      return out;
    }
    case 'bh':
    case 'by': {
      // Benjamini–Hochberg (1995): the largest i with p(i) ≤ iα/m (α/Σ1/k for BY).
      let c = 1;
      if (m === 'by') for (let k = 2; k <= n; k++) c += 1 / k;
      let k = n;
      while (k > 0 && (sorted[k - 1] as number) > (k * alpha) / (n * c)) k--;
      rejectFirst(k);
      return out;
    }
    case 'hommel': {
      // Hommel (1988) as stated by Wright (1992): j* = the largest j with
      // p(m − j + k) > kα/j for k = 1…j; reject pᵢ ≤ α/j*, or everything when there is no such j.
      let jStar = 0;
      for (let j = 1; j <= n; j++) {
        let all = true;
        for (let k = 1; k <= j; k++) if (!((sorted[n - j + k - 1] as number) > (k * alpha) / j)) all = false;
        if (all) jStar = j;
      }
      return p.map((x) => (jStar === 0 ? true : x <= alpha / jStar));
    }
  }
}

/** Whether some p-value sits within rounding of a decision boundary kα/j (then skip the case). */
function nearBoundary(p: number[], alpha: number): boolean {
  const n = p.length;
  for (const x of p) {
    for (let j = 1; j <= n; j++) {
      for (let k = 1; k <= j; k++) if (Math.abs(x * j - k * alpha) < 1e-9 * alpha) return true;
      let c = 1;
      for (let t = 2; t <= n; t++) c += 1 / t;
      if (Math.abs(x * n * c - j * alpha) < 1e-9 * alpha) return true;
    }
  }
  return false;
}

describe('adjustPValues properties', () => {
  it('every adjusted p-value lies in [p, 1]', () => {
    fc.assert(
      fc.property(pValues, method, (p, m) => {
        const q = adjustPValues(p, { method: m });
        q.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(p[i] as number);
          expect(x).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('keeps the order of the raw p-values (equal raw p-values get equal adjusted ones)', () => {
    fc.assert(
      fc.property(pValues, method, (p, m) => {
        const q = adjustPValues(p, { method: m });
        for (let i = 0; i < p.length; i++) {
          for (let j = 0; j < p.length; j++) {
            if ((p[i] as number) < (p[j] as number)) expect(q[i]).toBeLessThanOrEqual(q[j] as number);
            if (p[i] === p[j]) expect(q[i]).toBe(q[j]);
          }
        }
      }),
    );
  });

  it('is permutation equivariant: adjusting shuffled p-values shuffles the result, bit for bit', () => {
    fc.assert(
      fc.property(
        pValues.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.shuffledSubarray(
              p.map((_, i) => i),
              { minLength: p.length },
            ),
          ),
        ),
        method,
        ([p, perm], m) => {
          const q = adjustPValues(p, { method: m });
          const shuffled = adjustPValues(
            perm.map((i) => p[i] as number),
            { method: m },
          );
          expect(shuffled).toEqual(perm.map((i) => q[i]));
        },
      ),
    );
  });

  it('orders the methods as the theory says: hommel ≤ hochberg ≤ holm ≤ bonferroni, bh ≤ hochberg, bh ≤ by', () => {
    fc.assert(
      fc.property(pValues, (p) => {
        const [holm, hochberg, hommel, bonferroni, bh, by] = P_ADJUST_METHODS.map((method) =>
          adjustPValues(p, { method }),
        ) as number[][];
        const ulp = 1e-15;
        p.forEach((_, i) => {
          const at = (a: number[] | undefined) => a?.[i] as number;
          expect(at(hommel)).toBeLessThanOrEqual(at(hochberg) + ulp);
          expect(at(hochberg)).toBeLessThanOrEqual(at(holm) + ulp);
          expect(at(holm)).toBeLessThanOrEqual(at(bonferroni) + ulp);
          expect(at(bh)).toBeLessThanOrEqual(at(hochberg) + ulp);
          expect(at(bh)).toBeLessThanOrEqual(at(by) + ulp);
        });
      }),
    );
  });

  it('rejects at level α exactly the hypotheses the textbook procedure rejects', () => {
    fc.assert(
      fc.property(pValues, method, fc.constantFrom(0.01, 0.05, 0.1), (p, m, alpha) => {
        fc.pre(!nearBoundary(p, alpha));
        const q = adjustPValues(p, { method: m });
        expect(q.map((x) => x <= alpha)).toEqual(rejected(p, m, alpha));
      }),
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(pValues, method, (p, m) => {
        const copy = p.slice();
        adjustPValues(p, { method: m });
        expect(p).toEqual(copy);
      }),
    );
  });
});
