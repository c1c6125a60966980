import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from '../faults.ts';
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

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.emitWarning(
        `writerzroom-emulator: ${error instanceof Error ? error.stack : String(error)}`,
      );
    });
  });
  server.on('connection', () => {
    runtime.stats.connections += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${port}`,
    host: options.host,
    port,
    apiKey: WRITERZROOM_DEMO_API_KEY,
    apiKeys: [WRITERZROOM_DEMO_API_KEY, WRITERZROOM_DEPLETED_API_KEY],
    stats: () => structuredClone(runtime.stats),
    faults,
    queueJobOutcomes: (...outcomes) => {
      for (const outcome of outcomes) checkOutcome(outcome);
      runtime.outcomes.push(...outcomes);
    },
    // Idempotent, as RoboWrite's: a second close() waits on the first.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        if (options.stateFile && store.dirty) saveWzrState(options.stateFile, store.toState());
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
