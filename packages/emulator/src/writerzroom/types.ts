import type { GenerationMode } from './catalog.ts';

export type Dialect = 'api' | 'v1';
export type GenerationOutcome = 'completed' | 'failed';

export interface Account {
  id: string;
  /** SHA-256 of the key: a state file never holds a key. */
  key_hash: string;
  plan: string;
  credits: number;
}

/** One generation request; its status is a pure function of elapsed time (see lifecycle.ts). */
export interface Generation {
  request_id: string;
  account_id: string;
  /** The dialect it was submitted in; either dialect can poll it. */
  dialect: Dialect;
  template_id: string;
  style_profile_id: string;
  generation_mode: GenerationMode;
  inputs: Record<string, unknown>;
  vertical: string | null;
  brand_voice_id: string | null;
  created_ms: number;
  duration_ms: number;
  outcome: GenerationOutcome;
  /** The failure message; null when it completes. */
  error: string | null;
  /** Fraction of the duration at which it ends: 1, or earlier for a rejected input. */
  ends_at: number;
  /** Set once completed and settled. */
  content_id: string | null;
  settled: boolean;
}

export interface ContentRecord {
  id: string;
  account_id: string;
  request_id: string | null;
  template_id: string | null;
  style_profile_id: string | null;
  vertical: string | null;
  brand_voice_id: string | null;
  title: string;
  /** Markdown without the title heading. */
  body: string;
  word_count: number;
  created_at: string;
  updated_at: string;
}

export interface WzrState {
  schema: 'writerzroom/1';
  seed: string;
  counter: number;
  accounts: Account[];
  generations: Generation[];
  contents: ContentRecord[];
}
