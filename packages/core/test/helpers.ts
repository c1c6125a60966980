import { type EmulatorOptions, startEmulator } from '@robowrite/emulator';
import { afterEach } from 'vitest';
import { type ClientOptions, type Logger, RoboWrite } from '../src/index.ts';

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

const open: { emulators: Emulator[]; clients: RoboWrite[] } = { emulators: [], clients: [] };

afterEach(async () => {
  await Promise.all(open.clients.splice(0).map((c) => c.close()));
  await Promise.all(open.emulators.splice(0).map((e) => e.close()));
});

/** A fresh emulator on a free loopback port, fast jobs and no server-side limit unless asked. */
export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({
    port: 0,
    jobDurationMs: 200,
    completionLagMs: 20,
    queuedAckRate: 0,
    rateLimit: false,
    ...options,
  });
  open.emulators.push(emu);
  return emu;
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
  open.clients.push(c);
  return { client: c, logs };
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
