import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  compareNps,
  compareNpsPaired,
  compareProportionsPaired,
  estimateTrendTest,
  npsHomogeneityTest,
  proportionHomogeneityTest,
  proportionTrendTest,
} from '../../src/index.ts';
import { expectClose } from '../helpers/close.ts';

// The worked numbers of docs/analysis.md. Reference values from R 4.2.2 (stats, metafor 3.8.1),
// computed for the page; the text rounds them.
describe('docs/analysis.md worked examples', () => {
  it('ten comparisons: the false-alarm chance and the Holm and BH adjustments', () => {
    expectClose(1 - 0.95 ** 10, 0.4012631, 1e-7); // R: 1 - 0.95^10
    const p = [0.003, 0.012, 0.021, 0.04, 0.11, 0.19, 0.32, 0.48, 0.67, 0.91];
    const round4 = (x: number) => Number(x.toPrecision(4));
    // R: signif(p.adjust(p, 'holm'), 4) and signif(p.adjust(p, 'BH'), 4)
    expect(adjustPValues(p).map(round4)).toEqual([0.03, 0.108, 0.168, 0.28, 0.66, 0.95, 1, 1, 1, 1]);
    expect(adjustPValues(p, { method: 'bh' }).map(round4)).toEqual([
      0.03, 0.06, 0.07, 0.1, 0.22, 0.3167, 0.4571, 0.6, 0.7444, 0.91,
    ]);
  });

  it('satisfied customers by channel: X² = 14.05, df = 3, p = 0.0028', () => {
    const t = proportionHomogeneityTest([
      { successes: 412, n: 520 },
      { successes: 301, n: 410 },
      { successes: 198, n: 240 },
      { successes: 40, n: 62 },
    ]);
    // R: prop.test(c(412, 301, 198, 40), c(520, 410, 240, 62), correct = FALSE)
    expectClose(t.statistic, 14.04931, 1e-6);
    expectClose(t.pValue, 0.002838793, 1e-9);
  });

  it('NPS by channel: 28.8, 2.4, 25.0, −11.3; Q = 32.63, p = 3.9e-7', () => {
    const t = npsHomogeneityTest([
      { promoters: 260, passives: 150, detractors: 110 },
      { promoters: 150, passives: 120, detractors: 140 },
      { promoters: 120, passives: 60, detractors: 60 },
      { promoters: 20, passives: 15, detractors: 27 },
    ]);
    expect(t.values.map((v) => v.toFixed(1))).toEqual(['28.8', '2.4', '25.0', '-11.3']);
    // R: metafor::rma(yi, vi, method = 'FE')$QE, $QEp
    expectClose(t.statistic, 32.6307, 1e-5);
    expect(Math.abs(t.pValue - 3.853299e-7)).toBeLessThan(1e-12);
  });

  it('six months of satisfaction: trend z = −4.39, X² = 19.28 of the 19.57 in the homogeneity test', () => {
    const xs = [402, 398, 371, 380, 352, 349];
    const ns = [480, 490, 470, 495, 468, 472];
    const groups = xs.map((x, i) => ({ successes: x, n: ns[i] as number }));
    const trend = proportionTrendTest(groups);
    // R: prop.trend.test(xs, ns) and prop.test(xs, ns, correct = FALSE)
    expectClose(trend.statistic, 19.282, 1e-4);
    expectClose(trend.pValue, 1.127645e-5, 1e-10);
    expect(trend.z.toFixed(2)).toBe('-4.39');
    expect(trend.slope.toFixed(4)).toBe('-0.0198');
    const all = proportionHomogeneityTest(groups);
    expectClose(all.statistic, 19.57447, 1e-5);
    expectClose(all.pValue, 0.001501573, 1e-9);
  });

  it('six months of NPS: slope −1.66 [−3.59, 0.28], p = 0.093, residual Q 0.93 (p = 0.92), τ² = 0', () => {
    const y = [34.1, 31.8, 33.0, 27.5, 29.9, 24.6];
    const se = [4.0, 4.2, 3.9, 4.1, 4.0, 4.3];
    const months = y.map((value, i) => ({ value, standardError: se[i] as number }));
    const t = estimateTrendTest(months);
    // R: metafor::rma(yi = y, sei = se, mods = ~ 1:6, method = 'FE' / 'DL')
    expectClose(t.slope, -1.656031, 1e-6);
    expectClose(t.lower, -3.589619, 1e-6);
    expectClose(t.upper, 0.2775561, 1e-6);
    expectClose(t.pValue, 0.0932258, 1e-7);
    expectClose(t.residualQ, 0.9251252, 1e-7);
    expectClose(t.residualPValue, 0.9209288, 1e-7);
    const random = estimateTrendTest(months, { method: 'random-effects' });
    expect(random.tau2).toBe(0);
    expect(random.slope).toBe(t.slope);
  });

  it('the same 300 customers before and after: −6.3 pp [−11.5, −1.1], McNemar p = 0.017', () => {
    const table = { both: 180, onlyA: 22, onlyB: 41, neither: 57 };
    const d = compareProportionsPaired(table);
    expect([d.difference, d.lower, d.upper].map((x) => (100 * x).toFixed(1))).toEqual(['-6.3', '-11.5', '-1.1']);
    // R: mcnemar.test(matrix(c(180, 41, 22, 57), 2), correct = FALSE), mcnemar.test(...), binom.test(22, 63)
    expectClose(d.statistic as number, 5.730159, 1e-6);
    expectClose(d.pValue, 0.01667598, 1e-8);
    expectClose(compareProportionsPaired(table, { method: 'mcnemar-corrected' }).pValue, 0.0233422, 1e-7);
    expectClose(compareProportionsPaired(table, { method: 'exact' }).pValue, 0.02257497, 1e-8);
  });

  it('the same 200 customers after and before: +12.5 [2.0, 22.7], p = 0.019; independent [−3.1, 27.8]', () => {
    const counts = [
      [60, 20, 10],
      [10, 40, 15],
      [5, 10, 30],
    ];
    const score = [10, 8, 3];
    const pairs: [number, number][] = [];
    counts.forEach((row, i) => {
      row.forEach((count, j) => {
        for (let k = 0; k < count; k++) pairs.push([score[i] as number, score[j] as number]);
      });
    });
    const d = compareNpsPaired(pairs);
    // R: the adjusted-Wald formula on d = c(after) − c(before) (n + 2, one pseudo-pair each way)
    expect(d.difference).toBe(12.5);
    expectClose(d.lower, 2.020765, 1e-6);
    expectClose(d.upper, 22.73171, 1e-6);
    expectClose(d.pValue, 0.01915857, 1e-8);
    expect([d.a.value, d.b.value].map((x) => x.toFixed(1))).toEqual(['22.5', '10.0']);
    const independent = compareNps(
      { promoters: 90, passives: 65, detractors: 45 },
      { promoters: 75, passives: 70, detractors: 55 },
    );
    expect([independent.lower, independent.upper].map((x) => x.toFixed(1))).toEqual(['-3.1', '27.8']);
    expect(independent.pValue.toFixed(2)).toBe('0.12');
  });
});
