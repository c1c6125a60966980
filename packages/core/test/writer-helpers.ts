import {
  SOCIAL_POST_APPLICATION_ID,
  startEmulator,
  type WriterEmulator,
  type WriterEmulatorOptions,
} from '@robowrite/emulator';
import { afterEach } from 'vitest';
import {
  createWriterProvider,
  type JobSnapshot,
  type ProviderV1,
  type WriterProvider,
  type WriterProviderOptions,
} from '../src/index.ts';
import { CapturingLogger } from './helpers.ts';

export { SOCIAL_POST_APPLICATION_ID };
export const JOBS_ROUTE = 'GET /v1/applications/{application_id}/jobs';

const open: { emulators: WriterEmulator[]; providers: ProviderV1[] } = {
  emulators: [],
  providers: [],
};

afterEach(async () => {
  await Promise.all(open.providers.splice(0).map((p) => p.close()));
  await Promise.all(open.emulators.splice(0).map((e) => e.close()));
});

/** The Writer personality on a free loopback port, quick jobs, no server-side limit. */
export async function writerEmulator(
  options: Omit<WriterEmulatorOptions, 'provider'> = {},
): Promise<WriterEmulator> {
  const emu = await startEmulator({
    provider: 'writer',
    port: 0,
    jobDurationMs: 100,
    rateLimit: false,
    ...options,
  });
  open.emulators.push(emu);
  return emu;
}

/** A provider for the emulator's applications (both unless given), client limit off, logs kept. */
export function writerProvider(
  emu: WriterEmulator,
  options: Partial<WriterProviderOptions> = {},
): { provider: WriterProvider; logs: CapturingLogger } {
  const logs = new CapturingLogger();
  const provider = createWriterProvider({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    applicationIds: [emu.applicationId, SOCIAL_POST_APPLICATION_ID],
    logger: logs,
    logLevel: 'debug',
    rateLimit: false,
    timeout: 5_000,
    ...options,
  } as WriterProviderOptions);
  open.providers.push(provider);
  return { provider, logs };
}

/** Starts `count` blog post jobs, topics numbered, and returns their ids. */
export async function startBlogJobs(provider: WriterProvider, count: number): Promise<string[]> {
  const gen = provider.generation;
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const input = gen.parseInput({ inputs: { topic: `Topic number ${n}` } });
    ids.push((await gen.start(input, gen.newCheckpoint(input))).jobId);
  }
  return ids;
}

/** Polls a job until it leaves 'running' (generous deadline: shared, noisy CI cores). */
export async function settle(
  provider: ProviderV1,
  jobId: string,
  deadlineMs = 30_000,
): Promise<JobSnapshot> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const snapshot = await provider.retrieveJob(jobId);
    if (snapshot.outcome !== 'running' || Date.now() > deadline) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
