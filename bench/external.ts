/**
 * The same work in other tools, where the machine has them: numpy (python3 with numpy) and R
 * (Rscript; survival for `survfit`). Each tool times its own work (median of repetitions, the
 * data generated inside it, seeded, random order) and prints one number of milliseconds; a tool
 * that is missing is reported as "skipped" with the reason, never as a failure. Used by the
 * benches in bench/: nothing here asserts.
 */
import { spawnSync } from 'node:child_process';

/** Median milliseconds measured by the tool, or why it was skipped. */
export type ExternalTiming = { ms: number } | { skipped: string };

function run(command: string, args: string[]): ExternalTiming {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000 });
  if (result.error !== undefined) return { skipped: `${command} not found` };
  if (result.status !== 0) {
    const reason = (result.stderr || result.stdout).trim().split('\n').at(-1) ?? `exit ${result.status}`;
    return { skipped: `${command}: ${reason}` };
  }
  const ms = Number(result.stdout.trim().split('\n').at(-1));
  return Number.isFinite(ms) ? { ms } : { skipped: `${command} printed no timing` };
}

const NUMPY_PRELUDE = `
import time, statistics, sys
import numpy as np
def median_ms(f, reps):
    f(); f()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); f(); ts.append((time.perf_counter() - t) * 1000)
    return statistics.median(ts)
`;

/** numpy: `np.bincount` of n random scores 0..max (int64), the histogram an NPS rests on. */
export function numpyHistogram(n: number, max: number, repetitions: number): ExternalTiming {
  return run('python3', [
    '-c',
    `${NUMPY_PRELUDE}
x = np.random.default_rng(1).integers(0, ${max + 1}, ${n})
print(median_ms(lambda: np.bincount(x, minlength=${max + 1}), ${repetitions}))`,
  ]);
}

/**
 * numpy: the Kaplan–Meier table of n distinct random durations with ~20% censored — sort, the
 * distinct times with their event and censored counts, and the product-limit survival.
 */
export function numpyKaplanMeier(n: number, repetitions: number): ExternalTiming {
  return run('python3', [
    '-c',
    `${NUMPY_PRELUDE}
rng = np.random.default_rng(1)
t = rng.random(${n}) * 1e6
e = (rng.random(${n}) < 0.8).astype(np.int64)
def km():
    order = np.argsort(t, kind='stable')
    ts, es = t[order], e[order]
    times, first, counts = np.unique(ts, return_index=True, return_counts=True)
    events = np.add.reduceat(es, first)
    at_risk = ${n} - np.concatenate(([0], np.cumsum(counts)[:-1]))
    return np.cumprod(1 - events / at_risk)
print(median_ms(km, ${repetitions}))`,
  ]);
}

/** R: `survival::survfit(Surv(t, e) ~ 1)` on n distinct random durations, ~20% censored. */
export function rSurvfit(n: number, repetitions: number): ExternalTiming {
  return run('Rscript', [
    '-e',
    `suppressMessages(library(survival)); set.seed(1); t <- runif(${n}) * 1e6; e <- as.integer(runif(${n}) < 0.8)
invisible(survfit(Surv(t, e) ~ 1)); ts <- numeric(${repetitions})
for (i in seq_len(${repetitions})) ts[i] <- system.time(survfit(Surv(t, e) ~ 1))[["elapsed"]] * 1000
cat(median(ts), "\\n")`,
  ]);
}

/** R: `tabulate` of n random scores 0..max, the histogram an NPS rests on. */
export function rHistogram(n: number, max: number, repetitions: number): ExternalTiming {
  return run('Rscript', [
    '-e',
    `set.seed(1); x <- sample.int(${max + 1}, ${n}, replace = TRUE); ts <- numeric(${repetitions})
for (i in seq_len(${repetitions})) ts[i] <- system.time(tabulate(x, ${max + 1}))[["elapsed"]] * 1000
cat(median(ts), "\\n")`,
  ]);
}

/** "12.3 ms (ratio 0.84 to cx-metrics)" or "skipped (reason)". */
export function describeTiming(timing: ExternalTiming, ours: number): string {
  return 'ms' in timing
    ? `${timing.ms.toFixed(1)} ms (cx-metrics takes ${(ours / timing.ms).toFixed(2)}× that)`
    : `skipped (${timing.skipped})`;
}
