import { z } from 'zod';
import { loadCheckedState, saveStateFile } from '../state-file-io.ts';
import { GENERATION_MODES } from './catalog.ts';
import type { WzrState } from './types.ts';

const nullableText = z.string().nullable();

const STATE = z.object({
  schema: z.literal('writerzroom/1'),
  seed: z.string(),
  counter: z.number().int().nonnegative(),
  accounts: z.array(
    z.object({
      id: z.string(),
      key_hash: z.string().regex(/^[0-9a-f]{64}$/),
      plan: z.string(),
      credits: z.number().int(),
    }),
  ),
  generations: z.array(
    z.object({
      request_id: z.string(),
      account_id: z.string(),
      dialect: z.enum(['api', 'v1']),
      template_id: z.string(),
      style_profile_id: z.string(),
      generation_mode: z.enum(GENERATION_MODES),
      inputs: z.record(z.string(), z.unknown()),
      vertical: nullableText,
      brand_voice_id: nullableText,
      created_ms: z.number(),
      duration_ms: z.number().nonnegative(),
      outcome: z.enum(['completed', 'failed']),
      error: nullableText,
      ends_at: z.number().min(0).max(1),
      content_id: nullableText,
      settled: z.boolean(),
    }),
  ),
  contents: z.array(
    z.object({
      id: z.string(),
      account_id: z.string(),
      request_id: nullableText,
      template_id: nullableText,
      style_profile_id: nullableText,
      vertical: nullableText,
      brand_voice_id: nullableText,
      title: z.string(),
      body: z.string(),
      word_count: z.number().int().nonnegative(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ),
});

/** `--state` for WriterzRoom: read once on start (checked field by field), written atomically. */
export function loadWzrState(file: string): WzrState | null {
  return loadCheckedState(file, STATE, {
    what: 'WriterzRoom emulator',
    notJson: (path) => `${path}: not JSON, so not a WriterzRoom emulator state file`,
  });
}

export function saveWzrState(file: string, state: WzrState): void {
  saveStateFile(file, state);
}
