import type { EmulatorOptions } from '../options.ts';
import { checkWriterOutcomes, type WriterEmulatorOptions } from './options.ts';

/** Flags that shape RoboWrite's world only; with `--provider writer` they are a mistake. */
const ROBOWRITE_ONLY = ['fixture', 'items', 'list-markers'] as const;

/**
 * `--provider writer`: the shared flags as parsed for RoboWrite, narrowed to the Writer
 * personality; a RoboWrite-only flag or outcome is one clear error.
 */
export function writerCliOptions(
  parsed: EmulatorOptions,
  given: Record<string, unknown>,
): WriterEmulatorOptions {
  for (const flag of ROBOWRITE_ONLY) {
    if (given[flag] !== undefined) throw new Error(`--${flag} does not apply to --provider writer`);
  }
  const options: WriterEmulatorOptions = { provider: 'writer' };
  if (parsed.host !== undefined) options.host = parsed.host;
  if (parsed.port !== undefined) options.port = parsed.port;
  if (parsed.jobDurationMs !== undefined) options.jobDurationMs = parsed.jobDurationMs;
  if (parsed.rateLimit !== undefined) options.rateLimit = parsed.rateLimit;
  if (parsed.faults !== undefined) options.faults = parsed.faults;
  if (parsed.jobOutcomes !== undefined)
    options.jobOutcomes = checkWriterOutcomes(parsed.jobOutcomes);
  if (parsed.stateFile !== undefined) options.stateFile = parsed.stateFile;
  if (parsed.seed !== undefined) options.seed = parsed.seed;
  return options;
}
