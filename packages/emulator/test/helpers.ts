import { afterEach } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../src/index.ts';

const started: { close(): Promise<void> }[] = [];

/** Closes an emulator (any personality) after the running test. */
export function closeAfterEach<T extends { close(): Promise<void> }>(emu: T): T {
  started.push(emu);
  return emu;
}

/** Starts an emulator on a free port with a short job duration; closed after each test. */
export async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  return closeAfterEach(await startEmulator({ port: 0, jobDurationMs: 50, ...options }));
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((emu) => emu.close()));
});

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  body: any;
}

export interface CallOptions {
  body?: unknown;
  key?: string | null;
  headers?: Record<string, string>;
  idempotencyKey?: string;
}

/** One request over real loopback HTTP, with the demo key and a normal User-Agent by default. */
export async function call(
  emu: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'user-agent': 'robowrite-tests/1.0' };
  const key = options.key === undefined ? emu.apiKey : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  Object.assign(headers, options.headers);
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = null;
  if (text !== '' && response.headers.get('content-type')?.includes('json'))
    body = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, body };
}

/** The demo organization's two brands: the primary one without a CMS, and the one with. */
export async function demoBrands(emu: Emulator): Promise<{ noCms: string; withCms: string }> {
  const { body } = await call(emu, 'GET', '/brands');
  // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
  const find = (cms: boolean) => body.items.find((b: any) => b.cms_connected === cms).id as string;
  return { noCms: find(false), withCms: find(true) };
}

/** A controllable clock: job timelines are stepped without sleeping. */
export function manualClock(start = Date.parse('2026-03-01T12:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = start + ms;
    },
  };
}
