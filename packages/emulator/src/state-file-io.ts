import { existsSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

interface StateFileKind {
  /** Ends `not a <what> state file (...)`, e.g. `Writer emulator`. */
  what: string;
  /** The whole message for a file that is not JSON at all. */
  notJson(file: string): string;
}

/** `--state` read once on start: null when absent, else checked field by field (one clear line). */
export function loadCheckedState<S extends z.ZodType>(
  file: string,
  schema: S,
  kind: StateFileKind,
): z.infer<S> | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(kind.notJson(file));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: not a ${kind.what} state file (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

/** Atomic, so a crash mid-write never leaves a half file for the next start. */
export function saveStateFile(file: string, state: unknown): void {
  writeFileAtomic.sync(file, `${JSON.stringify(state)}\n`);
}
