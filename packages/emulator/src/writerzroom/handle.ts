import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Faults, PRE_HANDLER_FAULTS } from '../faults.ts';
import { tallyRequest } from '../request-tally.ts';
import { send } from '../respond.ts';
import type { Runtime } from '../runtime.ts';
import { API_ROUTES } from './api-routes.ts';
import { rateLimited, unavailable, WzrError } from './errors.ts';
import { authenticate, readJson } from './http.ts';
import { settleGenerations } from './lifecycle.ts';
import { RouteLimiter } from './limits.ts';
import type { WzrOptions } from './options.ts';
import { WzrRouter } from './router.ts';
import { saveWzrState } from './state-file.ts';
import type { WzrStore } from './store.ts';
import { V1_ROUTES } from './v1-routes.ts';

interface Deps {
  options: WzrOptions;
  store: WzrStore;
  runtime: Runtime;
  faults: Faults;
}

/** The faults that answer before the API runs, in WriterzRoom's error format. */
function preHandlerFault(kind: string, retryAfter: number): WzrError | 'bare-403' {
  if (kind === 'edge-403') return 'bare-403';
  if (kind === '503') return unavailable();
  return kind === '429' ? rateLimited(retryAfter) : rateLimited(null);
}

/**
 * One request, in the order the README lists: faults, key, the route group's limit, routing,
 * then the handler. The status of every generation is settled first, so lists are consistent.
 */
export function createHandler({ options, store, runtime, faults }: Deps) {
  const limiter = new RouteLimiter(options.routeLimits);
  const router = new WzrRouter([...API_ROUTES, ...V1_ROUTES]);
  let requestCount = 0;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    runtime.stats.requests += 1;
    requestCount += 1;
    const headers = { 'x-request-id': `wzr_${requestCount.toString(16).padStart(8, '0')}` };
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const match = router.match(method, url.pathname);
    const template = match.kind === 'found' ? match.route.template : null;
    const injected = tallyRequest(runtime.stats, faults, method, template);
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
      const bucket = match.kind === 'found' ? match.route.bucket : 'other';
      const wait = limiter.hit(account.id, bucket, now);
      if (wait !== null) {
        runtime.stats.rateLimited += 1;
        throw rateLimited(wait);
      }
      if (match.kind === 'not-found') throw new WzrError(404, 'not_found', 'Not Found');
      if (match.kind === 'method-not-allowed') {
        throw new WzrError(405, 'method_not_allowed', 'Method Not Allowed');
      }
      settleGenerations(store, now);
      const { route, params } = match;
      const body = route.body ? await readJson(req) : undefined;
      const query = url.searchParams;
      const result = route.handler({ store, account, params, query, body, now, runtime, options });
      if (store.dirty && options.stateFile) {
        saveWzrState(options.stateFile, store.toState());
        store.dirty = false;
      }
      send(res, result.status, result.body, headers, postFault);
    } catch (error) {
      if (!(error instanceof WzrError)) {
        send(res, 500, { error: 'internal', message: 'Internal emulator error' }, headers, null);
        throw error;
      }
      send(res, error.status, error.toBody(), { ...headers, ...error.headers }, postFault);
    }
  };
}
