import { startEmulator, type WriterEmulator, type WriterEmulatorOptions } from '../src/index.ts';
import { closeAfterEach } from './helpers.ts';

/** Starts the Writer personality on a free port; closed after each test. */
export async function startWriter(
  options: Omit<WriterEmulatorOptions, 'provider'> = {},
): Promise<WriterEmulator> {
  return closeAfterEach(
    await startEmulator({ provider: 'writer', port: 0, jobDurationMs: 50, ...options }),
  );
}

export interface WriterReply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  body: any;
}

/** One plain HTTP request, with the demo key unless `key` says otherwise (`null`: none). */
export async function writerCall(
  emu: WriterEmulator,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; key?: string | null } = {},
): Promise<WriterReply> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? emu.apiKey : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emu.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : JSON.parse(text),
  };
}

export const topicInputs = (topic: string) => ({ inputs: [{ id: 'topic', value: [topic] }] });
