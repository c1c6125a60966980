import type { Reporter } from '../output/reporter.ts';
import {
  BranchesUnavailableError,
  type BranchPullResult,
  pullToBranches,
} from '../sync/branch-pull.ts';
import { type ContextOverrides, createContext } from '../sync/context.ts';
import { EXIT, UsageError } from './exit-codes.ts';

/** 1 when something failed, 3 when a draft's branch was edited and kept, else 0 (like pull). */
export function branchesExitCode(result: BranchPullResult): number {
  const failed = result.failures.length > 0 || result.reports.some((r) => r.action === 'failed');
  if (failed) return EXIT.failure;
  return result.reports.some((r) => r.action === 'conflict') ? EXIT.conflicts : EXIT.ok;
}

function reportBranches(reporter: Reporter, result: BranchPullResult): void {
  for (const line of result.failures) reporter.error(line);
  const counts: Record<string, number> = {};
  for (const report of result.reports) {
    counts[report.action] = (counts[report.action] ?? 0) + 1;
    if (report.action === 'unchanged') continue;
    const text = `${report.action.padEnd(9)} ${report.branch || report.itemId} (${report.file})${report.reason ? `: ${report.reason}` : ''}`;
    if (report.action === 'failed') reporter.error(text);
    else reporter.line(text);
  }
  const summary = ['created', 'committed', 'unchanged', 'conflict', 'failed']
    .map((action) => `${counts[action] ?? 0} ${action}`)
    .join(', ');
  reporter.line(`Branches: ${summary} (${result.requests} requests; nothing pushed)`);
}

/** `pull --branches`: one branch per draft, one commit per upstream version, nothing pushed. */
export async function pullBranchesCommand(
  root: string,
  overrides: ContextOverrides,
  flags: { json?: boolean },
  reporter: Reporter,
): Promise<number> {
  const ctx = await createContext(root, overrides);
  let result: BranchPullResult;
  try {
    result = await pullToBranches(ctx, { onNotice: (line) => reporter.warn(line) });
  } catch (error) {
    if (error instanceof BranchesUnavailableError) throw new UsageError(error.message);
    throw error;
  }
  const exitCode = branchesExitCode(result);
  if (flags.json) reporter.document({ ok: exitCode === EXIT.ok, exitCode, ...result });
  else reportBranches(reporter, result);
  return exitCode;
}
