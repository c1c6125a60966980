import { type ChildProcess, fork } from 'node:child_process';
import type { EmulatorOptions, Stats } from '@robowrite/emulator';
import { type StatsDelta, statsSince } from './emulator.ts';

const SERVER = new URL('../children/emulator-server.ts', import.meta.url);

/** The emulator's counters, and the CPU time its process has used so far. */
export type ProcessStats = Stats & { cpuMs: number };

/** An emulator in its own process: counters are asked for over IPC, so they are promises. */
export interface EmulatorProcess {
  url: string;
  apiKey: string;
  /** Environment for a child that talks to this emulator. */
  env: Record<string, string>;
  snapshot(): Promise<ProcessStats>;
  /** What the emulator counted since `before`, and the CPU time it spent serving it. */
  since(before: ProcessStats): Promise<StatsDelta & { cpuMs: number }>;
  close(): Promise<void>;
}

type Reply =
  | { type: 'ready'; url: string; apiKey: string }
  | { type: 'stats'; id: number; stats: ProcessStats };

function ready(child: ChildProcess): Promise<{ url: string; apiKey: string }> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the emulator process exited with ${code} before it listened`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message: Reply) => {
      child.off('exit', onExit);
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`the emulator process said ${message.type} before it listened`));
    });
  });
}

/**
 * Starts the emulator in a child process (children/emulator-server.ts), so the process measured
 * against it has both cores' worth of scheduling to itself apart from what the API costs, as it
 * would against a remote API, and the bench's own event loop is no part of the figure.
 */
export async function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
  const child = fork(SERVER, [JSON.stringify(options)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { url, apiKey } = await ready(child);
  let next = 0;
  const pending = new Map<number, (stats: ProcessStats) => void>();
  child.on('message', (message: Reply) => {
    if (message.type !== 'stats') return;
    pending.get(message.id)?.(message.stats);
    pending.delete(message.id);
  });
  const snapshot = () =>
    new Promise<ProcessStats>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      child.send({ type: 'stats', id });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    apiKey,
    env: { ROBOWRITE_API_KEY: apiKey, ROBOWRITE_BASE_URL: url },
    snapshot,
    async since(before) {
      const now = await snapshot();
      return { ...statsSince(now, before), cpuMs: now.cpuMs - before.cpuMs };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
