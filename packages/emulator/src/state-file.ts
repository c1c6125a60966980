import { existsSync, readFileSync } from 'node:fs';
import { saveStateFile } from './state-file-io.ts';
import type { State } from './store/types.ts';

/** `--state`: read once on start, then written atomically after each changing request. */
export function loadState(file: string): State | null {
  if (!existsSync(file)) return null;
  const state = JSON.parse(readFileSync(file, 'utf8')) as State;
  if (state.schema !== 1)
    throw new Error(`${file}: not an emulator state file (schema ${state.schema})`);
  return state;
}

export function saveState(file: string, state: State): void {
  saveStateFile(file, state);
}
