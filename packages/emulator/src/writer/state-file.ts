import { existsSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { WRITER_JOB_OUTCOMES, type WriterState } from './types.ts';

const stateSchema = z.object({
  schema: z.literal('writer/1'),
  seed: z.string(),
  counter: z.number().int().min(0),
  jobs: z.array(
    z.object({
      id: z.string(),
      org_id: z.string(),
      application_id: z.string(),
      inputs: z.array(z.object({ id: z.string(), value: z.array(z.string()) })),
      created_ms: z.number(),
      run_started_ms: z.number(),
      duration_ms: z.number().min(0),
      outcome: z.enum(WRITER_JOB_OUTCOMES),
      attempts: z.number().int().min(1),
    }),
  ),
});

/** `--state` for the Writer personality: read once on start, checked, written after changes. */
export function loadWriterState(file: string): WriterState | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file}: not a JSON file`);
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: not a Writer emulator state file (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

export function saveWriterState(file: string, state: WriterState): void {
  writeFileAtomic.sync(file, `${JSON.stringify(state)}\n`);
}
