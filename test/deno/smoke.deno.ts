/// <reference lib="deno.ns" />
// Deno smoke test: the same call through the TypeScript source and through the built ESM bundle.
// Run by .ci/run after the build with `deno test` and no permissions at all: importing the library
// must not prompt in a Deno notebook (no env, read, net or other access).
// Bare specifiers (zod) resolve from package.json + node_modules
// (Deno's "manual" node_modules mode for package.json projects), so nothing is downloaded.
// Named *.deno.ts so vitest's 'test/**/*.test.ts' never collects it.
import assert from 'node:assert/strict';
// No @ts-types for dist: its .d.ts files import their shared declaration chunk by a '.js' name
// that only TypeScript's node/bundler resolution maps to '.d.ts' (attw checks those types).
import * as built from '../../dist/index.js';
import * as source from '../../src/index.ts';

const scores = [10, 9, 8, 7, 6, 0, 10, null];
const expected = 14.285714285714285; // (3 promoters − 2 detractors) / 7 answered × 100

function close(actual: number, target: number, tolerance = 1e-12): boolean {
  return Math.abs(actual - target) <= tolerance * Math.max(1, Math.abs(target));
}

Deno.test('nps from src/index.ts runs under Deno', () => {
  const result = source.nps(scores);
  assert.ok(close(result.value, expected), `value ${result.value}, expected ≈ ${expected}`);
  assert.equal(result.skipped, 1);
  assert.ok(Number.isFinite(result.lower) && Number.isFinite(result.upper), 'finite interval');
  assert.ok(result.lower <= result.value && result.value <= result.upper, 'lower ≤ value ≤ upper');
});

Deno.test('nps from dist/index.js runs under Deno and agrees with the source', () => {
  const fromSource = source.nps(scores);
  const fromBuild = built.nps(scores);
  assert.ok(close(fromBuild.value, expected), `value ${fromBuild.value}, expected ≈ ${expected}`);
  assert.ok(Number.isFinite(fromBuild.lower) && Number.isFinite(fromBuild.upper), 'finite interval');
  assert.equal(fromBuild.value, fromSource.value);
  assert.equal(fromBuild.lower, fromSource.lower);
  assert.equal(fromBuild.upper, fromSource.upper);
  assert.equal(fromBuild.method, fromSource.method);
});

Deno.test('results print as one readable line in the Deno console, from src and dist', () => {
  for (const lib of [source, built]) {
    const text = Deno.inspect(lib.npsFromCounts({ promoters: 278, passives: 164, detractors: 128 }));
    assert.equal(text, 'NPS 26.3 [19.6, 32.7] (adjusted-wald, 95%, n=570)');
  }
});

Deno.test('errors from dist/index.js are CxMetricsError', () => {
  assert.throws(
    () => built.nps([11]),
    (error: unknown) => error instanceof built.CxMetricsError,
  );
});

Deno.test('cx-metrics/schemas from src and dist parses a CSV-style row under Deno', async () => {
  const sourceSchemas = await import('../../src/schemas/index.ts');
  const builtSchemas = await import('../../dist/schemas/index.js');
  for (const schemas of [sourceSchemas, builtSchemas]) {
    const { data, errors } = schemas.parseRows(
      [
        { submittedAt: '2026-05-01T10:00:00Z', score: '' },
        { submittedAt: '2026-05-01', score: '11' },
      ],
      schemas.npsResponseSchema,
    );
    assert.equal(data.length, 1);
    assert.equal(data[0]?.score, undefined, 'a blank cell is a skipped answer, not 0');
    assert.equal(errors.length, 1);
    assert.deepEqual(errors[0]?.path, ['score']);
  }
});
