import { join, relative } from 'node:path';
import pc from 'picocolors';
import type { Reporter } from '../output/reporter.ts';
import type { PullResult } from '../sync/pull.ts';
import { STATE_DIR } from '../sync/state.ts';
import type { ActionReport } from '../sync/writer.ts';
import { EXIT } from './exit-codes.ts';

export function pullExitCode(result: PullResult): number {
  if (result.failures.length > 0) return EXIT.failure;
  if (result.counts.conflict > 0) return EXIT.conflicts;
  return EXIT.ok;
}

/** The machine-readable result of `pull --json` (and `generate --wait --json`). */
export function pullJson(root: string, result: PullResult) {
  return {
    ok: pullExitCode(result) === EXIT.ok,
    exitCode: pullExitCode(result),
    dryRun: result.dryRun,
    outDir: relative(root, result.outDir) || '.',
    counts: result.counts,
    actions: result.actions.map((a) => ({
      kind: a.kind,
      itemId: a.itemId,
      file: a.file,
      ...(a.reason !== undefined ? { reason: a.reason } : {}),
      ...(a.error ? { error: a.error } : {}),
    })),
    conflicts: result.actions
      .filter((a) => a.kind === 'conflict' && !a.error)
      .map((a) => ({
        itemId: a.itemId,
        file: a.file,
        incoming: a.incoming ? join(STATE_DIR, 'conflicts', a.file) : null,
      })),
    failures: result.failures,
    guardedDeletes: result.guardedDeletes,
    jobs: result.jobs,
  };
}

const LABEL: Record<ActionReport['kind'], string> = {
  create: pc.green('+ create  '),
  update: pc.cyan('~ update  '),
  delete: pc.red('- delete  '),
  conflict: pc.yellow('! conflict'),
  skip: pc.dim('= skip    '),
};

/** `label` is ours and coloured; `text` quotes file names and reasons, to be scrubbed. */
export function describeAction(
  outcome: ActionReport,
  dryRun: boolean,
): { label: string; text: string } | null {
  if (outcome.kind === 'skip' && outcome.reason === 'unchanged' && !dryRun) return null;
  const reason = outcome.reason !== undefined ? `: ${outcome.reason}` : '';
  const incoming =
    outcome.incoming && !dryRun
      ? ` (incoming version: ${join(STATE_DIR, 'conflicts', outcome.file)})`
      : '';
  const prefix = dryRun ? pc.dim('would ') : '';
  return {
    label: `${prefix}${LABEL[outcome.kind]} `,
    text: `${outcome.file}${outcome.kind === 'skip' || outcome.kind === 'conflict' ? reason : ''}${incoming}`,
  };
}

export function reportPull(reporter: Reporter, root: string, result: PullResult): void {
  for (const outcome of result.actions) {
    if (outcome.error) continue;
    const line = describeAction(outcome, result.dryRun);
    if (line) reporter.line(line.text, line.label);
  }
  for (const failure of result.failures) reporter.error(failure.message);
  const c = result.counts;
  const where = relative(root, result.outDir) || '.';
  reporter.line(
    `${result.dryRun ? 'Plan for' : 'Pulled into'} ${where}: ${c.create} created, ${c.update} updated, ${c.delete} deleted, ${c.conflict} conflict(s), ${c.skip} unchanged${result.failures.length ? `, ${result.failures.length} failure(s)` : ''}`,
  );
  if (c.conflict > 0 && !result.dryRun) {
    reporter.line(
      `Local edits were kept. Compare with ${join(STATE_DIR, 'conflicts')}/, then merge by hand or rerun with --force to take the incoming versions.`,
    );
  }
}
