/**
 * Benchmarks (never part of the test run): `npm run bench`.
 * Prints operations per second for the hot paths; compare runs on the same machine only.
 */
import {
  chiSquareQuantile,
  nps,
  npsFromCounts,
  proportionInterval,
  quantileInterval,
  tQuantile,
} from '../src/index.ts';

function bench(name: string, fn: () => unknown, minMs = 300): void {
  for (let i = 0; i < 5; i++) fn(); // warm up
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    runs++;
    elapsed = performance.now() - start;
  }
  const perOp = elapsed / runs;
  const label = perOp >= 1 ? `${perOp.toFixed(2)} ms/op` : `${(perOp * 1000).toFixed(1)} µs/op`;
  console.log(`${name.padEnd(58)} ${label.padStart(14)}  (${runs} runs)`);
}

const scores = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 11);
const durations = Array.from({ length: 100_000 }, (_, i) => ((i * 104729) % 99991) + 1);

bench('nps(100 000 scores), adjusted-wald', () => nps(scores));
bench('npsFromCounts, tango', () =>
  npsFromCounts({ promoters: 4500, passives: 3000, detractors: 2500 }, { method: 'tango' }),
);
bench('npsFromCounts n = 10⁴, bootstrap 10 000 resamples', () =>
  npsFromCounts({ promoters: 4500, passives: 3000, detractors: 2500 }, { method: 'bootstrap' }),
);
bench('npsFromCounts n = 10⁷, bootstrap 10 000 resamples', () =>
  npsFromCounts({ promoters: 4_500_000, passives: 3_000_000, detractors: 2_500_000 }, { method: 'bootstrap' }),
);
bench('npsFromCounts n = 10⁴, bayes 10 000 draws', () =>
  npsFromCounts({ promoters: 4500, passives: 3000, detractors: 2500 }, { method: 'bayes' }),
);
bench('proportionInterval clopper-pearson n = 10⁶', () =>
  proportionInterval(123_456, 1_000_000, { method: 'clopper-pearson' }),
);
bench('tQuantile(0.975, 7)', () => tQuantile(0.975, 7));
bench('chiSquareQuantile(0.975, 8002)', () => chiSquareQuantile(0.975, 8002));
bench('quantileInterval(100 000 durations, p90)', () => quantileInterval(durations, 0.9));
