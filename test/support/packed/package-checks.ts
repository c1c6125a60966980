import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { runCommand, userEnv } from './run.ts';

const ATTW_BIN = resolve(import.meta.dirname, '../../node_modules/.bin/attw');
/** What `attw --profile esm-only` ignores: the packages are ESM only, by design. */
const ESM_ONLY_IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

/** `publint --strict` on the tarball itself (warnings count as problems), one line each. */
export async function publintProblems(tarball: string): Promise<string[]> {
  const bytes = await readFile(tarball);
  const result = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    strict: true,
  });
  return result.messages.map(
    (message) => `${message.type}: ${formatMessage(message, result.pkg) ?? message.code}`,
  );
}

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

/**
 * `attw <tarball> --profile esm-only`: its exit code, and the problems the profile does not
 * ignore (the JSON report lists ignored ones too).
 */
export async function attwProblems(
  tarball: string,
): Promise<{ code: number | null; problems: string[] }> {
  const result = await runCommand(
    ATTW_BIN,
    [tarball, '--profile', 'esm-only', '--format', 'json', '--no-color'],
    { cwd: join(tarball, '..'), env: userEnv() },
  );
  let report: { problems?: Record<string, AttwProblem[]> };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`attw printed no JSON report (exit ${result.code}):\n${result.output}`);
  }
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter(
      (problem) =>
        !problem.resolutionKind || !ESM_ONLY_IGNORED_RESOLUTIONS.has(problem.resolutionKind),
    )
    .map(
      (problem) => `${problem.kind} ${problem.entrypoint ?? ''} (${problem.resolutionKind ?? '-'})`,
    );
  return { code: result.code, problems };
}
