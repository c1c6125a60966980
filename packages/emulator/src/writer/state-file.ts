import { z } from 'zod';
import { loadCheckedState, saveStateFile } from '../state-file-io.ts';
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
  return loadCheckedState(file, stateSchema, {
    what: 'Writer emulator',
    notJson: (path) => `${path}: not a JSON file`,
  });
}

export function saveWriterState(file: string, state: WriterState): void {
  saveStateFile(file, state);
}
