import type { WriterProvider } from '@robowrite/core';
import { CONFIG_FILE, type ResolvedConfig } from '../config/define-config.ts';
import { UsageError } from './exit-codes.ts';

type Value = string | string[];

/** An input's value and where the user wrote it (`--input audience`, `"inputs.audience"`). */
export interface GivenInput {
  value: Value;
  source: string;
}

/** A Writer generation's inputs, named as the user wrote them, before the local check. */
export interface WriterInputs {
  /** The application the job goes to (`--app`, the brief file's `app`, else the default). */
  app: unknown;
  inputs: Map<string, GivenInput>;
  /** `--topic` or the brief file's `topic`, and where it came from. */
  topic: GivenInput | undefined;
  /** The brief file, or null for flags only: the start of every refusal line. */
  briefFile: string | null;
}

/** The recorded application the job goes to, if `init` recorded one. */
function recordedApplication(provider: WriterProvider, config: ResolvedConfig, app: unknown) {
  const id = app === undefined ? provider.applicationIds[0] : app;
  return typeof id === 'string' ? { id, recorded: config.writer.applications?.[id] } : undefined;
}

/** `topic (required), audience, keywords`: the recorded inputs, for a refusal or init line. */
export function describeInputs(inputs: readonly { name: string; required: boolean }[]): string {
  const names = inputs.map(({ name, required }) => `${name}${required ? ' (required)' : ''}`);
  return names.length > 0 ? names.join(', ') : 'none';
}

/** No value, or only empty ones (a value of the wrong type is left to the request schema). */
const blank = (value: Value | undefined): boolean =>
  value === undefined ||
  [value].flat().every((v: unknown) => typeof v === 'string' && v.trim() === '');

/**
 * The inputs to send, by the application's input names: `--topic` fills the recorded topic input
 * (`topic` when nothing is recorded). With the application's inputs recorded (`robowrite init`
 * with a key), an unknown name, a missing required input or a `--topic` with no topic input is
 * refused here in one line (exit 2), before any request; without them the API checks.
 */
export function writerInputs(
  provider: WriterProvider,
  config: ResolvedConfig,
  given: WriterInputs,
): Record<string, Value> {
  const target = recordedApplication(provider, config, given.app);
  const recorded = target?.recorded;
  const inputs = new Map(given.inputs);
  const where = given.briefFile ?? 'generate';
  const known = recorded?.inputs;
  const listing = known ? `; ${target?.id}'s inputs: ${describeInputs(known)}` : '';
  if (given.topic !== undefined) {
    const topicInput = recorded?.topicInput ?? (known ? undefined : 'topic');
    if (topicInput === undefined) {
      throw new UsageError(
        `${where}: ${given.topic.source}: the application has no topic input (give one with --input, or set writer.applications["${target?.id}"].topicInput in ${CONFIG_FILE})${listing}`,
      );
    }
    inputs.set(topicInput, given.topic);
  }
  if (known) {
    for (const [name, { source }] of inputs) {
      if (!known.some((input) => input.name === name)) {
        throw new UsageError(`${where}: ${source}: not an input of the application${listing}`);
      }
    }
    // No input at all is left to the request schema's own local line ("at least one input").
    const missing =
      inputs.size > 0 &&
      known.find((input) => input.required && blank(inputs.get(input.name)?.value));
    if (missing) {
      throw new UsageError(`${where}: input ${JSON.stringify(missing.name)} is required${listing}`);
    }
  }
  return Object.fromEntries([...inputs].map(([name, { value }]) => [name, value]));
}
