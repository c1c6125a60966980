import { existsSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
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
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file}: not JSON, so not a WriterzRoom emulator state file`);
  }
  const parsed = STATE.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: not a WriterzRoom emulator state file (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

export function saveWzrState(file: string, state: WzrState): void {
  writeFileAtomic.sync(file, `${JSON.stringify(state)}\n`);
}
