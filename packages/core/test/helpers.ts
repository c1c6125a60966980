import { type EmulatorOptions, startEmulator } from '@robowrite/emulator';
import { afterEach } from 'vitest';
import {
  type ClientOptions,
  type JobSnapshot,
  type Logger,
  type ProviderV1,
  RoboWrite,
} from '../src/index.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Every log line a client wrote, flattened to text (message plus JSON of its arguments). */
export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  debug(message: string, ...rest: unknown[]): void {
    this.#add('debug', message, rest);
  }
  info(message: string, ...rest: unknown[]): void {
    this.#add('info', message, rest);
  }
  warn(message: string, ...rest: unknown[]): void {
    this.#add('warn', message, rest);
  }
  error(message: string, ...rest: unknown[]): void {
    this.#add('error', message, rest);
  }
  #add(level: string, message: string, rest: unknown[]): void {
    this.lines.push(`${level} ${message} ${rest.map((r) => JSON.stringify(r)).join(' ')}`);
  }
}

interface Closable {
  close(): Promise<void>;
}

const open: { clients: Closable[]; emulators: Closable[] } = { clients: [], emulators: [] };

afterEach(async () => {
  await Promise.all(open.clients.splice(0).map((c) => c.close()));
  await Promise.all(open.emulators.splice(0).map((e) => e.close()));
});

/**
 * Closes `thing` after the running test: clients and providers first, then the emulators they
 * talk to (a client closing after its server would log connection errors).
 */
export function closeAfterEach<T extends Closable>(thing: T, kind: 'client' | 'emulator'): T {
  (kind === 'client' ? open.clients : open.emulators).push(thing);
  return thing;
}

/** RoboWrite with fast jobs, no queued acks and no server-side limit: what most tests want. */
export const FAST_ROBOWRITE = {
  port: 0,
  jobDurationMs: 200,
  completionLagMs: 20,
  queuedAckRate: 0,
  rateLimit: false,
} as const satisfies EmulatorOptions;

/** A fresh emulator on a free loopback port, fast jobs and no server-side limit unless asked. */
export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return closeAfterEach(await startEmulator({ ...FAST_ROBOWRITE, ...options }), 'emulator');
}

/** A client for an emulator, with quick retries and every log line captured. */
export function client(
  emu: Emulator,
  options: ClientOptions = {},
): { client: RoboWrite; logs: CapturingLogger } {
  const logs = new CapturingLogger();
  const c = new RoboWrite({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    logger: logs,
    logLevel: 'debug',
    rateLimit: false,
    timeout: 5_000,
    ...options,
  });
  return { client: closeAfterEach(c, 'client'), logs };
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Polls a job until it leaves 'running' (generous deadline: shared, noisy CI cores). */
export async function settle(
  provider: ProviderV1,
  jobId: string,
  { pollMs = 50, deadlineMs = 30_000 }: { pollMs?: number; deadlineMs?: number } = {},
): Promise<JobSnapshot> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const snapshot = await provider.retrieveJob(jobId);
    if (snapshot.outcome !== 'running' || Date.now() > deadline) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
