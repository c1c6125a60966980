import { Faults } from '../faults.ts';
import { listen } from '../http-server.ts';
import type { EmulatorOptions } from '../options.ts';
import { createRuntime } from '../runtime.ts';
import type { Emulator } from '../server.ts';
import { WRITERZROOM_DEMO_API_KEY, WRITERZROOM_DEPLETED_API_KEY } from './catalog.ts';
import { createHandler } from './handle.ts';
import { checkOutcome, resolveWzrOptions, type WzrOptions } from './options.ts';
import { loadWzrState, saveWzrState } from './state-file.ts';
import { WzrStore } from './store.ts';

/** The dialect prefixes; `Emulator.url` is the origin, without either. */
export const WRITERZROOM_DIALECT_PATHS = { api: '/api', v1: '/v1' } as const;

function buildStore(options: WzrOptions): WzrStore {
  const saved = options.stateFile ? loadWzrState(options.stateFile) : null;
  return saved ? new WzrStore(saved) : WzrStore.fresh(options.seed);
}

/** WriterzRoom, both dialects, over one store: the same `Emulator` shape RoboWrite's has. */
export async function startWriterzRoom(input: EmulatorOptions): Promise<Emulator> {
  const options = resolveWzrOptions(input);
  const store = buildStore(options);
  const runtime = createRuntime(options);
  const faults = new Faults(runtime.rng, options.faults);
  const handle = createHandler({ options, store, runtime, faults });

  const server = await listen({
    host: options.host,
    port: options.port,
    label: 'writerzroom-emulator',
    handle,
    onConnection: () => {
      runtime.stats.connections += 1;
    },
  });
  return {
    url: server.origin,
    host: options.host,
    port: server.port,
    apiKey: WRITERZROOM_DEMO_API_KEY,
    apiKeys: [WRITERZROOM_DEMO_API_KEY, WRITERZROOM_DEPLETED_API_KEY],
    stats: () => structuredClone(runtime.stats),
    faults,
    queueJobOutcomes: (...outcomes) => {
      for (const outcome of outcomes) checkOutcome(outcome);
      runtime.outcomes.push(...outcomes);
    },
    close: () =>
      server.close(() => {
        if (options.stateFile && store.dirty) saveWzrState(options.stateFile, store.toState());
      }),
  };
}
