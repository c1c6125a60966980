import { type EmulatorOptions, startEmulator } from '@robowrite/emulator';
import {
  createWriterzRoomProvider,
  type WriterzRoomDialect,
  type WriterzRoomProvider,
  type WriterzRoomProviderOptions,
} from '../src/index.ts';
import { CapturingLogger, closeAfterEach } from './helpers.ts';

export { settle } from './helpers.ts';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

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
  return closeAfterEach(emu, 'emulator');
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
  return { provider: closeAfterEach(provider, 'client'), logs };
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
