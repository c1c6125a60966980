// Reads vitest's JSON report and prints the closing line CI reads: "N passed, N failed".
// Whatever else fails the run is counted in that line and named just above it, since CI shows
// the end of a long log:
// - a skipped or todo test (every test must run);
// - a file that failed outside any test (an import or hook error);
// - vitest exiting non-zero although no test failed (an unhandled error, a hanging close);
// - a check .ci/run ran before the tests (lint, typecheck, build, bench:smoke), with the tail
//   of its log.
// Usage: node .ci/summary.mjs <report.json> [vitest exit code]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const file = process.argv[2] ?? 'test-results/vitest-report.json';
const vitestCode = Number(process.argv[3] ?? 0);
const failedChecks = (process.env.ROBOWRITE_CI_FAILED_CHECKS ?? '').split(' ').filter(Boolean);
const checkLogs = process.env.ROBOWRITE_CI_CHECK_LOGS ?? 'test-results/checks';

function tail(path, lines) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines);
  } catch {
    return [`(no log at ${path})`];
  }
}

for (const check of failedChecks) {
  console.log(`check failed: ${check}; the end of its log:`);
  for (const line of tail(join(checkLogs, `${check.replace(':', '-')}.log`), 15)) {
    console.log(`  ${line}`);
  }
}

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log(`no test report at ${file}`);
  console.log(`0 passed, ${1 + failedChecks.length} failed`);
  process.exit(1);
}
const fileErrors = report.testResults.filter(
  (result) =>
    result.status === 'failed' && !result.assertionResults.some((t) => t.status === 'failed'),
).length;
let failed = report.numFailedTests + fileErrors + failedChecks.length;
const skipped = report.numPendingTests + report.numTodoTests;
if (skipped > 0) console.log(`${skipped} skipped (a skipped test fails the run)`);
if (vitestCode !== 0 && report.numFailedTests + fileErrors === 0) {
  console.log(
    `vitest exited with code ${vitestCode} although no test failed (see its output above)`,
  );
  failed += 1;
}
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed === 0 && skipped === 0 && report.numTotalTests > 0 ? 0 : 1);
