#!/usr/bin/env node
// Closing summary of .ci/run. Reads vitest's JSON report and the names of the non-test steps
// that failed, prints what failed, and ends with the plain line `N passed, N failed`:
// N passed = tests passed; N failed = tests failed + test files that did not load + failed
// non-test steps (each of those counts 1).
// Usage: node scripts/ci/summary.mjs <vitest-report.json> <vitest-exit-code> [failed-step ...]
// Exit code: 0 when nothing failed, 1 otherwise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const relative = (file) => path.relative(process.cwd(), file) || file;

const [reportPath, vitestExitArg, ...failedSteps] = process.argv.slice(2);
const vitestExit = Number(vitestExitArg ?? 'NaN');
const steps = [...failedSteps];

let passed = 0;
let failed = 0;
let report;
if (reportPath && existsSync(reportPath)) {
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (error) {
    console.log(`tests: could not read ${reportPath}: ${error instanceof Error ? error.message : error}`);
  }
}

if (report) {
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const files = report.testResults?.length ?? '?';
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped in ${files} files (vitest)`);
  for (const file of report.testResults ?? []) {
    const failures = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failures) console.log(`  FAILED ${relative(file.name)}: ${test.fullName ?? test.title}`);
    // A file that fails to load (syntax or import error) has no failed test, only a message;
    // it hides an unknown number of tests, so it counts as one failure.
    if (file.status === 'failed' && failures.length === 0) {
      const firstLine = String(file.message ?? '').split('\n')[0];
      console.log(`  FAILED ${relative(file.name)} (file did not run): ${firstLine}`);
      failed += 1;
    }
  }
  // vitest can exit non-zero with no failed test (a file that did not load, an unhandled error).
  if (vitestExit !== 0 && failed === 0) steps.unshift(`tests (vitest exited ${vitestExit} with no failed test)`);
  if (report.numTotalTests === 0) console.log('tests: WARNING: vitest ran no test');
} else {
  console.log(`tests: no vitest report at ${reportPath ?? '(none given)'}`);
  steps.unshift('tests (no report)');
}

if (steps.length > 0) {
  console.log(`steps failed (${steps.length}, each counted once in "failed"): ${steps.join('; ')}`);
  failed += steps.length;
} else {
  console.log('steps failed: none');
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
