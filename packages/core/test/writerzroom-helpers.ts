import { type EmulatorOptions, startEmulator } from '@robowrite/emulator';
import { afterEach } from 'vitest';
import {
  createWriterzRoomProvider,
  type JobSnapshot,
  type ProviderV1,
  type WriterzRoomDialect,
  type WriterzRoomProvider,
  type WriterzRoomProviderOptions,
} from '../src/index.ts';
import { CapturingLogger } from './helpers.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const open: { emulators: Emulator[]; providers: ProviderV1[] } = { emulators: [], providers: [] };

afterEach(async () => {
  await Promise.all(open.providers.splice(0).map((p) => p.close()));
  await Promise.all(open.emulators.splice(0).map((e) => e.close()));
});

/** The WriterzRoom personality on a free loopback port, quick jobs, no limits unless asked. */
export async function wzrEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({
    provider: 'writerzroom',
    port: 0,
    jobDurationMs: 200,
    // Server-side limits only when a test sets them (`rateLimit: false` would turn them off).
    ...(options.routeLimits ? {} : { rateLimit: false as const }),
    ...options,
  });
  open.emulators.push(emu);
  return emu;
}

/** A provider for the emulator in one dialect, client limits off unless given, logs captured. */
export function wzrProvider(
  emu: Emulator,
  dialect: WriterzRoomDialect,
  options: Partial<WriterzRoomProviderOptions> = {},
): { provider: WriterzRoomProvider; logs: CapturingLogger } {
  const logs = new CapturingLogger();
  const provider = createWriterzRoomProvider({
    apiKey: emu.apiKey,
    baseURL: emu.url,
    dialect,
    logger: logs,
    logLevel: 'debug',
    rateLimit: false,
    timeout: 5_000,
    ...options,
  } as WriterzRoomProviderOptions);
  open.providers.push(provider);
  return { provider, logs };
}

/** A valid generation input in each dialect (blog_article_generator needs `topic`). */
export function generationInput(dialect: WriterzRoomDialect, topic = 'Local SEO for bakeries') {
  return dialect === 'api'
    ? {
        template: 'blog_article_generator',
        style_profile: 'general_blog',
        generation_mode: 'standard',
        dynamic_parameters: { topic, target_audience: 'owners' },
      }
    : {
        template_id: 'blog_article_generator',
        style_profile_id: 'general_blog',
        inputs: { topic, audience: 'owners' },
      };
}

/** Polls a job until it leaves 'running' (generous deadline: shared, noisy CI cores). */
export async function settle(
  provider: ProviderV1,
  jobId: string,
  pollMs = 50,
  deadlineMs = 30_000,
): Promise<JobSnapshot> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const snapshot = await provider.retrieveJob(jobId);
    if (snapshot.outcome !== 'running' || Date.now() > deadline) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
