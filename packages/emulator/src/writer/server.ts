import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../errors.ts';
import { type FaultKind, Faults, PRE_HANDLER_FAULTS } from '../faults.ts';
import { Random } from '../generator/random.ts';
import { listen } from '../http-server.ts';
import { FixedWindowLimiter } from '../rate-limit.ts';
import { parseJsonBody, readBody } from '../request-body.ts';
import { tallyRequest } from '../request-tally.ts';
import { send } from '../respond.ts';
import { emptyStats, type Stats } from '../runtime.ts';
import {
  BLOG_POST_APPLICATION_ID,
  WRITER_DEMO_API_KEY,
  WRITER_SECOND_API_KEY,
} from './applications.ts';
import { authenticateWriter } from './auth.ts';
import { writerErrorBody } from './errors.ts';
import { createMatcher } from './match.ts';
import {
  checkWriterOutcomes,
  resolveWriterOptions,
  type WriterEmulatorOptions,
} from './options.ts';
import { WRITER_ROUTES, type WriterContext } from './routes.ts';
import { loadWriterState, saveWriterState } from './state-file.ts';
import { WriterStore } from './store.ts';
import type { WriterJobOutcome } from './types.ts';

export interface WriterEmulator {
  /** The base URL the official SDK takes (`WRITER_BASE_URL`): origin only, it adds `/v1/...`. */
  url: string;
  host: string;
  port: number;
  /** The demo organization's key. */
  apiKey: string;
  /** One key per organization: `[demo org, second org]` (the second has no applications). */
  apiKeys: string[];
  /** The demo "Blog post writer" application: a `topic` input in, a Markdown blog post out. */
  applicationId: string;
  stats(): Stats;
  faults: Faults;
  /** Force the outcomes of the next runs (creations and retries), in order. */
  queueJobOutcomes(...outcomes: WriterJobOutcome[]): void;
  close(): Promise<void>;
}

/** Request bodies past this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req, {
    maxBytes: MAX_BODY_BYTES,
    tooLarge: () => new ApiError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`),
  });
  return parseJsonBody(raw, () => new ApiError(400, 'Request body is not valid JSON'));
}

/** The faults that answer before the API runs: nothing is created, the SDK may retry. */
function answerFault(
  res: ServerResponse,
  fault: { kind: FaultKind; retryAfter: number },
  headers: Record<string, string>,
  stats: Stats,
): void {
  if (fault.kind === 'edge-403') {
    send(res, 403, undefined, {}, null);
    return;
  }
  if (fault.kind === '503') {
    const body = writerErrorBody(503, 'Service temporarily unavailable, retry shortly');
    send(res, 503, body, headers, null);
    return;
  }
  stats.rateLimited += 1;
  const retry: Record<string, string> =
    fault.kind === '429' ? { 'retry-after': String(fault.retryAfter) } : {};
  send(res, 429, writerErrorBody(429, 'Rate limit exceeded'), { ...headers, ...retry }, null);
}

export async function startWriterEmulator(input: WriterEmulatorOptions): Promise<WriterEmulator> {
  const options = resolveWriterOptions(input);
  const saved = options.stateFile ? loadWriterState(options.stateFile) : null;
  const store = saved ? new WriterStore(saved) : WriterStore.empty(options.seed);
  const stats = emptyStats();
  const outcomes = [...options.jobOutcomes];
  const faults = new Faults(new Random(`${options.seed}:writer-runtime`), options.faults);
  const limiter = new FixedWindowLimiter(options.rateLimit);
  const match = createMatcher(WRITER_ROUTES);

  function persist(): void {
    if (!store.dirty || !options.stateFile) return;
    saveWriterState(options.stateFile, store.toState());
    store.dirty = false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests += 1;
    const headers = { 'x-request-id': `req_${stats.requests.toString(16).padStart(8, '0')}` };
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const found = match(method, url.pathname);
    const template = found.kind === 'found' ? found.route.template : null;
    const injected = tallyRequest(stats, faults, method, template);
    if (injected && PRE_HANDLER_FAULTS.includes(injected.kind)) {
      return answerFault(res, injected, headers, stats);
    }
    const postFault = injected?.kind ?? null;
    try {
      const org = authenticateWriter(req.headers.authorization);
      const now = options.now();
      const wait = limiter.hit(org.id, now);
      if (wait !== null) {
        stats.rateLimited += 1;
        throw new ApiError(429, 'Rate limit exceeded; retry after the current window', {
          'retry-after': String(wait),
        });
      }
      if (found.kind === 'not-found') throw new ApiError(404, 'Not Found');
      if (found.kind === 'method-not-allowed') throw new ApiError(405, 'Method Not Allowed');
      const body = found.route.body ? await readJson(req) : undefined;
      const ctx: WriterContext = {
        org,
        params: found.params,
        query: url.searchParams,
        body,
        now,
        store,
        options,
        outcomes,
        stats,
      };
      const result = found.route.handler(ctx);
      persist();
      send(res, result.status, result.body, headers, postFault);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        send(res, 500, writerErrorBody(500, 'Internal emulator error'), headers, null);
        throw error;
      }
      const body = writerErrorBody(error.status, error.message);
      send(res, error.status, body, { ...headers, ...error.headers }, postFault);
    }
  }

  const server = await listen({
    host: options.host,
    port: options.port,
    label: 'robowrite-emulator (writer)',
    handle,
    onConnection: () => {
      stats.connections += 1;
    },
  });
  return {
    url: server.origin,
    host: options.host,
    port: server.port,
    apiKey: WRITER_DEMO_API_KEY,
    apiKeys: [WRITER_DEMO_API_KEY, WRITER_SECOND_API_KEY],
    applicationId: BLOG_POST_APPLICATION_ID,
    stats: () => structuredClone(stats),
    faults,
    queueJobOutcomes: (...next) => {
      outcomes.push(...checkWriterOutcomes(next));
    },
    close: () => server.close(persist),
  };
}
