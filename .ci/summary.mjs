// Reads vitest's JSON report and prints the closing line CI reads: "N passed, N failed".
// A skipped or todo test fails the run too (every test must run): their count goes on a line
// before the closing one. A file that failed outside any test (an import or hook error) counts
// as one failure, so it can never pass as "0 failed".
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest-report.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log(`no test report at ${file}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const fileErrors = report.testResults.filter(
  (result) =>
    result.status === 'failed' && !result.assertionResults.some((t) => t.status === 'failed'),
).length;
const failed = report.numFailedTests + fileErrors;
const skipped = report.numPendingTests + report.numTodoTests;
if (skipped > 0) console.log(`${skipped} skipped (a skipped test fails the run)`);
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed === 0 && skipped === 0 && report.numTotalTests > 0 ? 0 : 1);
