import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, blockedAtEdge } from './auth.ts';
import { ApiError } from './errors.ts';
import { Faults, PRE_HANDLER_FAULTS } from './faults.ts';
import { seedCrafted } from './fixtures/crafted.ts';
import { DEMO_API_KEY, SECOND_API_KEY, seedDemo } from './fixtures/demo.ts';
import { listen } from './http-server.ts';
import { readKey, remember } from './idempotency.ts';
import { InFlightKeys, takeTurn } from './idempotency-in-flight.ts';
import { settleJobs } from './jobs.ts';
import { type EmulatorOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import { FixedWindowLimiter } from './rate-limit.ts';
import { parseJsonBody, readBody } from './request-body.ts';
import { tallyRequest } from './request-tally.ts';
import { send } from './respond.ts';
import { createRouter } from './routes/index.ts';
import { createRuntime, type Stats } from './runtime.ts';
import { loadState, saveState } from './state-file.ts';
import { emptyState } from './store/state.ts';
import { Store } from './store/store.ts';
import type { JobOutcome } from './store/types.ts';
import type { WriterEmulatorOptions } from './writer/options.ts';
import { startWriterEmulator, type WriterEmulator } from './writer/server.ts';
import { startWriterzRoom } from './writerzroom/server.ts';

export const BASE_PATH = '/api/public/v1';

export interface Emulator {
  /** RoboWrite: the full base URL, ending in `/api/public/v1`; WriterzRoom: the origin. */
  url: string;
  host: string;
  port: number;
  /** The demo organization's key. */
  apiKey: string;
  /** One key per organization: `[demo org, second org]`. */
  apiKeys: string[];
  stats(): Stats;
  faults: Faults;
  /** Force the outcomes of the next jobs, in order. */
  queueJobOutcomes(...outcomes: JobOutcome[]): void;
  close(): Promise<void>;
}

function buildStore(options: ResolvedOptions): Store {
  const saved = options.stateFile ? loadState(options.stateFile) : null;
  if (saved) return new Store(saved);
  const store = new Store(emptyState(options.seed));
  seedDemo(store, options.fixture === 'demo');
  seedCrafted(store, options.craftedItems);
  if (options.items > 0) {
    const org = store.orgs[0];
    const brand = [...store.brands.values()].find((b) => b.org_id === org?.id && b.cms_connected);
    if (!org || !brand) throw new Error('the fixture has no organization for --items');
    store.synthetic = {
      count: options.items,
      org_id: org.id,
      brand_id: brand.id,
      property_ids: [...store.properties.values()]
        .filter((p) => p.brand_id === brand.id)
        .map((p) => p.id),
      author_ids: store.ownedList(store.authors, org).map((a) => a.id),
      overrides: {},
    };
  }
  return store;
}

const invalidJson = () => new ApiError(400, 'Request body is not valid JSON');

export function startEmulator(input?: EmulatorOptions): Promise<Emulator>;
export function startEmulator(input: WriterEmulatorOptions): Promise<WriterEmulator>;
export function startEmulator(
  input: EmulatorOptions | WriterEmulatorOptions,
): Promise<Emulator | WriterEmulator>;
export async function startEmulator(
  input: EmulatorOptions | WriterEmulatorOptions = {},
): Promise<Emulator | WriterEmulator> {
  if (input.provider === 'writer') return startWriterEmulator(input);
  if (input.provider === 'writerzroom') return startWriterzRoom(input);
  if (input.routeLimits)
    throw new Error('routeLimits is a WriterzRoom option (provider: writerzroom)');
  const options = resolveOptions(input);
  const store = buildStore(options);
  const runtime = createRuntime(options);
  const faults = new Faults(runtime.rng, options.faults);
  const limiter = new FixedWindowLimiter(options.rateLimit);
  const router = createRouter();
  const inFlight = new InFlightKeys();
  let requestCount = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    runtime.stats.requests += 1;
    requestCount += 1;
    const headers: Record<string, string> = {
      'x-request-id': `req_${requestCount.toString(16).padStart(8, '0')}`,
    };
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.startsWith(BASE_PATH)
      ? url.pathname.slice(BASE_PATH.length) || '/'
      : null;
    const match = path === null ? ({ kind: 'not-found' } as const) : router.match(method, path);
    const template = match.kind === 'found' ? match.route.template : null;
    const injected = tallyRequest(runtime.stats, faults, method, template);
    if (injected && PRE_HANDLER_FAULTS.includes(injected.kind)) {
      if (injected.kind === 'edge-403') return send(res, 403, undefined, {}, null);
      if (injected.kind === '503') {
        return send(
          res,
          503,
          { detail: 'Backend temporarily unavailable, retry shortly' },
          headers,
          null,
        );
      }
      runtime.stats.rateLimited += 1;
      const retry: Record<string, string> =
        injected.kind === '429' ? { 'retry-after': String(injected.retryAfter) } : {};
      return send(res, 429, { detail: 'Rate limit exceeded' }, { ...headers, ...retry }, null);
    }
    const postFault = injected?.kind ?? null;

    if (blockedAtEdge(req)) return send(res, 403, undefined, {}, null);
    try {
      const org = authenticate(store, req.headers.authorization);

      const now = options.now();
      const wait = limiter.hit(org.id, now);
      if (wait !== null) {
        runtime.stats.rateLimited += 1;
        throw new ApiError(429, 'Rate limit exceeded; retry after the current window', {
          'retry-after': String(wait),
        });
      }
      if (match.kind === 'not-found') throw new ApiError(404, 'Not Found');
      if (match.kind === 'method-not-allowed') throw new ApiError(405, 'Method Not Allowed');

      settleJobs(store, now);
      const { route, params } = match;
      const idempotency = route.idempotency ?? 'none';
      const key =
        idempotency === 'none'
          ? null
          : readKey(req.headers['idempotency-key'], idempotency === 'required');
      const scope = `${method} ${path}`;
      // A same-key request still running is waited for, so overlapping retries never both run.
      const turn = key ? await takeTurn(inFlight, { store, org, scope, key, now }) : null;
      if (turn?.replay) {
        runtime.stats.replays += 1;
        const { status, body } = turn.replay;
        return send(res, status, body, { ...headers, 'idempotency-replayed': 'true' }, postFault);
      }
      const release = turn?.release;
      try {
        const body = route.body ? parseJsonBody(await readBody(req), invalidJson) : undefined;
        const result = route.handler({
          req,
          method,
          path: path ?? '/',
          query: url.searchParams,
          params,
          org,
          body,
          now,
          store,
          runtime,
        });
        if (key) remember(store, org, scope, key, result.status, result.body, now);
        if (store.dirty && options.stateFile) {
          saveState(options.stateFile, store.toState());
          store.dirty = false;
        }
        send(res, result.status, result.body, { ...headers, ...result.headers }, postFault);
      } finally {
        release?.();
      }
    } catch (error) {
      if (error instanceof ApiError) {
        send(
          res,
          error.status,
          { detail: error.message },
          { ...headers, ...error.headers },
          postFault,
        );
        return;
      }
      send(res, 500, { detail: 'Internal emulator error' }, headers, null);
      throw error;
    }
  }

  const server = await listen({
    host: options.host,
    port: options.port,
    label: 'robowrite-emulator',
    handle,
    onConnection: () => {
      runtime.stats.connections += 1;
    },
  });
  return {
    url: `${server.origin}${BASE_PATH}`,
    host: options.host,
    port: server.port,
    apiKey: DEMO_API_KEY,
    apiKeys: [DEMO_API_KEY, SECOND_API_KEY],
    stats: () => structuredClone(runtime.stats),
    faults,
    queueJobOutcomes: (...outcomes: JobOutcome[]) => {
      runtime.outcomes.push(...outcomes);
    },
    close: () =>
      server.close(() => {
        if (options.stateFile && store.dirty) saveState(options.stateFile, store.toState());
      }),
  };
}
