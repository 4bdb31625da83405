#!/usr/bin/env node
// Dual-package check: one Node process loads every entry of the built package both ways —
// `import` (dist/**/*.js) and `require` (dist/**/*.cjs) — through the package's own exports map
// (Node's self-reference by package name), as an app does when its ESM code and a CJS dependency
// both use cx-metrics. Then:
//   1. each entry loads in both formats and exports the same names;
//   2. a CxMetricsError made or thrown by any entry in either format is `instanceof` the
//      CxMetricsError class of every entry in both formats (each format has its own class, so
//      this holds only through the brand the class tests; see src/errors.ts), and
//      `isCxMetricsError` says the same; a plain Error and a look-alike object are neither.
// Usage: node scripts/ci/dual-package-check.mjs   (after `npx tsup`; from any directory; exit 1 on failure)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// Resolving from the package root's own package.json makes `cx-metrics` a self-reference.
const require = createRequire(path.join(root, 'package.json'));
const problems = [];

const subpaths = Object.keys(pkg.exports ?? {}).filter((key) => key !== './package.json');
const loaded = []; // { label, module }
for (const subpath of subpaths) {
  const specifier = subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`;
  const targets = pkg.exports[subpath];
  const missing = ['import', 'require']
    .map((condition) => [condition, targets?.[condition]?.default])
    .filter(([, target]) => typeof target !== 'string' || !existsSync(path.join(root, target)))
    .map(([condition, target]) => `${condition}: ${target ?? 'no target in exports'}`);
  if (missing.length > 0) {
    problems.push(`${specifier}: build output missing (${missing.join('; ')}); run npx tsup`);
    continue;
  }
  let esm;
  let cjs;
  try {
    esm = await import(specifier);
  } catch (error) {
    problems.push(`${specifier}: import failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    cjs = require(specifier);
  } catch (error) {
    problems.push(`${specifier}: require failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!esm || !cjs) continue;
  const names = (m) =>
    Object.keys(m)
      .filter((key) => key !== 'default' && key !== '__esModule')
      .sort();
  const esmNames = names(esm);
  const cjsNames = names(cjs);
  const onlyEsm = esmNames.filter((n) => !cjsNames.includes(n));
  const onlyCjs = cjsNames.filter((n) => !esmNames.includes(n));
  if (onlyEsm.length > 0 || onlyCjs.length > 0) {
    problems.push(
      `${specifier}: ESM and CJS export different names (only import: ${onlyEsm.join(', ') || '-'}; only require: ${onlyCjs.join(', ') || '-'})`,
    );
  }
  console.log(`dual-package-check: ${specifier}: import and require load, ${esmNames.length} exports each`);
  loaded.push({ label: `import '${specifier}'`, module: esm }, { label: `require('${specifier}')`, module: cjs });
}

// Every copy of the error class the package hands out, and errors made and thrown by each.
const withClass = loaded.filter(({ module }) => typeof module.CxMetricsError === 'function');
const caught = (f) => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
};
const samples = []; // { label, error }
for (const { label, module } of withClass) {
  samples.push({ label: `new CxMetricsError from ${label}`, error: new module.CxMetricsError('INVALID_VALUE', 'x') });
  // A real throw from inside the library, where the entry has a function that refuses bad input.
  const thrower = [
    ['proportionInterval', (m) => m.proportionInterval(42, 50, { confidence: 95 })],
    ['parseTicketsOrThrow', (m) => m.parseTicketsOrThrow([{}])],
    ['scores', (m) => m.scores({ scale: 'stars' })],
  ].find(([name]) => typeof module[name] === 'function');
  if (thrower) {
    const error = caught(() => thrower[1](module));
    if (error === undefined) problems.push(`${label}: ${thrower[0]} with bad input did not throw`);
    else samples.push({ label: `error thrown by ${thrower[0]} from ${label}`, error });
  }
}
if (withClass.length === 0) problems.push('no entry exports CxMetricsError');

let pairs = 0;
for (const { label: errorLabel, error } of samples) {
  for (const { label, module } of withClass) {
    pairs++;
    if (!(error instanceof module.CxMetricsError)) {
      problems.push(`${errorLabel} is not instanceof CxMetricsError of ${label}`);
    }
    if (typeof module.isCxMetricsError === 'function' && module.isCxMetricsError(error) !== true) {
      problems.push(`isCxMetricsError of ${label} is not true for ${errorLabel}`);
    }
  }
  if (!(error instanceof Error)) problems.push(`${errorLabel} is not instanceof Error`);
}
for (const { label, module } of withClass) {
  for (const [what, x] of [
    ['a plain Error', new Error('x')],
    ['a look-alike object', { name: 'CxMetricsError', code: 'INVALID_VALUE', message: 'x' }],
  ]) {
    if (x instanceof module.CxMetricsError) problems.push(`${what} is instanceof CxMetricsError of ${label}`);
    if (typeof module.isCxMetricsError === 'function' && module.isCxMetricsError(x) !== false) {
      problems.push(`isCxMetricsError of ${label} is not false for ${what}`);
    }
  }
}
const guards = withClass.filter(({ module }) => typeof module.isCxMetricsError === 'function').length;
console.log(
  `dual-package-check: ${samples.length} errors × ${withClass.length} CxMetricsError classes (${pairs} instanceof checks; isCxMetricsError from ${guards} of them)`,
);

for (const problem of problems) console.log(`dual-package-check: FAIL: ${problem}`);
console.log(problems.length === 0 ? 'dual-package-check: ok' : `dual-package-check: FAILED (${problems.length})`);
process.exit(problems.length === 0 ? 0 : 1);
