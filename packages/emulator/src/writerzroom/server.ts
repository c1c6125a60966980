import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults, PRE_HANDLER_FAULTS } from '../faults.ts';
import type { EmulatorOptions } from '../options.ts';
import { send } from '../respond.ts';
import { createRuntime } from '../runtime.ts';
import type { Emulator } from '../server.ts';
import { API_ROUTES } from './api-routes.ts';
import { WRITERZROOM_DEMO_API_KEY, WRITERZROOM_DEPLETED_API_KEY } from './catalog.ts';
import { WzrError } from './errors.ts';
import { authenticate, readJson } from './http.ts';
import { settleGenerations } from './lifecycle.ts';
import { RouteLimiter } from './limits.ts';
import { checkOutcome, resolveWzrOptions, type WzrOptions } from './options.ts';
import { WzrRouter } from './router.ts';
import { loadWzrState, saveWzrState } from './state-file.ts';
import { WzrStore } from './store.ts';
import { V1_ROUTES } from './v1-routes.ts';

/** The dialect prefixes; `Emulator.url` is the origin, without either. */
export const WRITERZROOM_DIALECT_PATHS = { api: '/api', v1: '/v1' } as const;

function buildStore(options: WzrOptions): WzrStore {
  const saved = options.stateFile ? loadWzrState(options.stateFile) : null;
  return saved ? new WzrStore(saved) : WzrStore.fresh(options.seed);
}

/** The faults that answer before the API runs, in WriterzRoom's error format. */
function preHandlerFault(kind: string, retryAfter: number): WzrError | 'bare-403' {
  if (kind === 'edge-403') return 'bare-403';
  if (kind === '503')
    return new WzrError(503, 'service_unavailable', 'Configuration Manager unavailable');
  const headers: Record<string, string> =
    kind === '429' ? { 'retry-after': String(retryAfter) } : {};
  return new WzrError(429, 'rate_limited', 'Rate limit exceeded', headers);
}

/** WriterzRoom, both dialects, over one store: the same `Emulator` shape RoboWrite's has. */
export async function startWriterzRoom(input: EmulatorOptions): Promise<Emulator> {
  const options = resolveWzrOptions(input);
  const store = buildStore(options);
  const runtime = createRuntime(options);
  const faults = new Faults(runtime.rng, options.faults);
  const limiter = new RouteLimiter(options.routeLimits);
  const router = new WzrRouter([...API_ROUTES, ...V1_ROUTES]);
  let requestCount = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    runtime.stats.requests += 1;
    requestCount += 1;
    const headers = { 'x-request-id': `wzr_${requestCount.toString(16).padStart(8, '0')}` };
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const match = router.match(method, url.pathname);
    const routeKey =
      match.kind === 'found' ? `${method} ${match.route.template}` : `${method} (unmatched)`;
    runtime.stats.routes[routeKey] = (runtime.stats.routes[routeKey] ?? 0) + 1;

    const injected = faults.take(routeKey);
    if (injected) runtime.stats.faultsInjected += 1;
    if (injected && PRE_HANDLER_FAULTS.includes(injected.kind)) {
      const fault = preHandlerFault(injected.kind, injected.retryAfter);
      if (fault === 'bare-403') return send(res, 403, undefined, {}, null);
      if (fault.status === 429) runtime.stats.rateLimited += 1;
      return send(res, fault.status, fault.toBody(), { ...headers, ...fault.headers }, null);
    }
    const postFault = injected?.kind ?? null;
    try {
      const account = authenticate(store, req.headers.authorization);
      const now = options.now();
      const wait = limiter.hit(
        account.id,
        match.kind === 'found' ? match.route.bucket : 'other',
        now,
      );
      if (wait !== null) {
        runtime.stats.rateLimited += 1;
        throw new WzrError(429, 'rate_limited', 'Rate limit exceeded', {
          'retry-after': String(wait),
        });
      }
      if (match.kind === 'not-found') throw new WzrError(404, 'not_found', 'Not Found');
      if (match.kind === 'method-not-allowed')
        throw new WzrError(405, 'method_not_allowed', 'Method Not Allowed');
      settleGenerations(store, now);
      const { route, params } = match;
      const body = route.body ? await readJson(req) : undefined;
      const result = route.handler({
        store,
        account,
        params,
        query: url.searchParams,
        body,
        now,
        runtime,
        options,
      });
      if (store.dirty && options.stateFile) {
        saveWzrState(options.stateFile, store.toState());
        store.dirty = false;
      }
      send(res, result.status, result.body, headers, postFault);
    } catch (error) {
      if (error instanceof WzrError) {
        send(res, error.status, error.toBody(), { ...headers, ...error.headers }, postFault);
        return;
      }
      send(res, 500, { error: 'internal', message: 'Internal emulator error' }, headers, null);
      throw error;
    }
  }

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
