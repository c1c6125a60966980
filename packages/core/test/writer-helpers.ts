import {
  SOCIAL_POST_APPLICATION_ID,
  startEmulator,
  type WriterEmulator,
  type WriterEmulatorOptions,
} from '@robowrite/emulator';
import {
  createWriterProvider,
  type WriterProvider,
  type WriterProviderOptions,
} from '../src/index.ts';
import { CapturingLogger, closeAfterEach } from './helpers.ts';

export { settle } from './helpers.ts';

export { SOCIAL_POST_APPLICATION_ID };
export const JOBS_ROUTE = 'GET /v1/applications/{application_id}/jobs';

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
  return closeAfterEach(emu, 'emulator');
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
  return { provider: closeAfterEach(provider, 'client'), logs };
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
