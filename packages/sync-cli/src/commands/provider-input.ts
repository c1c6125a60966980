import type { ProviderV1, WriterProvider, WriterzRoomProvider } from '@robowrite/core';
import { CONFIG_FILE, type ResolvedConfig } from '../config/define-config.ts';
import type { GenerateInput } from '../sync/jobs.ts';
import { readYamlMapping } from './brief-file.ts';
import { UsageError } from './exit-codes.ts';
import { type GivenInput, writerInputs } from './writer-inputs.ts';

/** The generate flags WriterzRoom and Writer take (RoboWrite's are in generate.ts). */
export interface ProviderInputFlags {
  brief?: string;
  template?: string;
  styleProfile?: string;
  generationMode?: string;
  topic?: string;
  /** `--input key=value`, repeatable. */
  input?: string[];
  app?: string;
}

/** A brief file's keys for these providers: the same fields as the flags. */
const WRITERZROOM_KEYS = new Set([
  'template',
  'style_profile',
  'generation_mode',
  'topic',
  'inputs',
  'vertical',
  'brand_voice_id',
]);
const WRITER_KEYS = new Set(['app', 'topic', 'inputs']);

type Value = string | string[];

/** `--input key=value` pairs; a key given twice is a list (Writer) or a mistake (WriterzRoom). */
function parsePairs(pairs: readonly string[], lists: boolean): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--input needs key=value, got ${JSON.stringify(pair)}`);
    const [key, value] = [pair.slice(0, at).trim(), pair.slice(at + 1)];
    const known = out.get(key);
    if (known !== undefined && !lists) throw new UsageError(`--input ${key} given twice`);
    out.set(key, known === undefined ? value : [...[known].flat(), value]);
  }
  return out;
}

/** A brief file's `inputs` mapping, its values strings (or, for Writer, lists of strings). */
function fileInputs(path: string, value: unknown): Map<string, Value> {
  if (value === undefined) return new Map();
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${path}: "inputs" must be a mapping of input names to values`);
  }
  return new Map(Object.entries(value as Record<string, Value>));
}

async function readFileFields(path: string | undefined, keys: ReadonlySet<string>) {
  if (!path) return { fields: new Map<string, unknown>(), inputs: new Map<string, Value>() };
  const data = await readYamlMapping(path);
  for (const key of Object.keys(data)) {
    if (!keys.has(key)) {
      throw new UsageError(
        `${path}: unknown key ${JSON.stringify(key)} (allowed: ${[...keys].join(', ')})`,
      );
    }
  }
  return { fields: new Map(Object.entries(data)), inputs: fileInputs(path, data.inputs) };
}

/**
 * WriterzRoom's generation mode (flag, then brief file, then config). Only seed 000's api dialect
 * has one: given for v1, it is refused in one line naming where it came from.
 */
function generationMode(
  flags: ProviderInputFlags,
  file: Map<string, unknown>,
  config: ResolvedConfig,
  dialect: string,
): unknown {
  const sources: [unknown, string][] = [
    [flags.generationMode, '--generation-mode'],
    [file.get('generation_mode'), `${flags.brief}: "generation_mode"`],
    [config.writerzroom.generationMode, `${CONFIG_FILE}: writerzroom.generationMode`],
  ];
  const [mode, source] = sources.find(([value]) => value !== undefined) ?? [undefined, ''];
  if (mode !== undefined && dialect === 'v1') {
    throw new UsageError(`${source}: the v1 dialect has no generation mode (only api does)`);
  }
  return mode;
}

/** Writer's input: each input named by where it came from, then checked (writer-inputs.ts). */
function writerInput(
  provider: WriterProvider,
  config: ResolvedConfig,
  flags: ProviderInputFlags,
  file: Awaited<ReturnType<typeof readFileFields>>,
  flagPairs: Map<string, Value>,
): GenerateInput {
  const source = (name: string, fromFlag: boolean) =>
    fromFlag ? `--input ${name}` : `"inputs.${name}"`;
  const inputs = new Map<string, GivenInput>();
  for (const [name, value] of file.inputs) inputs.set(name, { value, source: source(name, false) });
  for (const [name, value] of flagPairs) inputs.set(name, { value, source: source(name, true) });
  const fileTopic = file.fields.get('topic') as Value | undefined;
  const topic =
    flags.topic !== undefined
      ? { value: flags.topic, source: '--topic' }
      : fileTopic !== undefined
        ? { value: fileTopic, source: '"topic"' }
        : undefined;
  const app = flags.app ?? file.fields.get('app');
  const params = writerInputs(provider, config, {
    app,
    inputs,
    topic,
    briefFile: flags.brief ?? null,
  });
  return { ...(app !== undefined ? { applicationId: app } : {}), inputs: params };
}

/**
 * The generation input for WriterzRoom or Writer from flags and a brief file (flags win), in the
 * provider's own shape; the provider's `parseInput` then checks it.
 */
export async function providerInput(
  provider: ProviderV1,
  config: ResolvedConfig,
  flags: ProviderInputFlags,
): Promise<GenerateInput> {
  const writer = provider.name === 'writer';
  const keys = writer ? WRITER_KEYS : WRITERZROOM_KEYS;
  const file = await readFileFields(flags.brief, keys);
  const flagPairs = parsePairs(flags.input ?? [], writer);
  if (writer) return writerInput(provider as WriterProvider, config, flags, file, flagPairs);
  const inputs = new Map([...file.inputs, ...flagPairs]);
  const topic = flags.topic ?? file.fields.get('topic');
  if (topic !== undefined) inputs.set('topic', topic as Value);
  const params = Object.fromEntries(inputs);
  const template = flags.template ?? file.fields.get('template') ?? config.writerzroom.template;
  const style =
    flags.styleProfile ?? file.fields.get('style_profile') ?? config.writerzroom.styleProfile;
  const dialect = (provider as WriterzRoomProvider).client.dialect;
  const extra = Object.fromEntries(
    [
      ['generation_mode', generationMode(flags, file.fields, config, dialect)],
      ['vertical', file.fields.get('vertical')],
      ['brand_voice_id', file.fields.get('brand_voice_id')],
    ].filter(([, value]) => value !== undefined),
  );
  if (dialect === 'v1') {
    return { template_id: template, style_profile_id: style, inputs: params, ...extra };
  }
  const dynamic = inputs.size > 0 ? { dynamic_parameters: params } : {};
  return { template, style_profile: style, ...dynamic, ...extra };
}

/** The flag (or brief file key) a WriterzRoom or Writer request field came from. */
export function providerFieldName(path: readonly string[], briefFile: string | null): string {
  const [head, name] = path;
  const fromFile = briefFile !== null;
  if (head === 'template' || head === 'template_id') return fromFile ? '"template"' : '--template';
  if (head === 'style_profile' || head === 'style_profile_id') {
    return fromFile ? '"style_profile"' : '--style-profile';
  }
  if (head === 'generation_mode') return fromFile ? '"generation_mode"' : '--generation-mode';
  if (head === 'applicationId') return fromFile ? '"app"' : '--app';
  if (head === 'inputs' || head === 'dynamic_parameters') {
    if (name === 'topic') return fromFile ? '"topic"' : '--topic';
    if (name !== undefined && !/^\d+$/.test(name)) {
      return fromFile ? `"inputs.${name}"` : `--input ${name}`;
    }
    return fromFile ? '"inputs"' : '--input';
  }
  return path.join('.');
}
