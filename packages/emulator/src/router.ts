import type { IncomingMessage } from 'node:http';
import type { Runtime } from './runtime.ts';
import type { Store } from './store/store.ts';
import type { Org } from './store/types.ts';

/**
 * A tiny hand-written router over `node:http`. No framework on purpose: it keeps the emulator
 * dependency-light, and owning the raw socket is what lets faults (reset connections, truncated
 * bodies, stalls) be injected exactly where a real network would produce them.
 */
export interface RequestContext {
  req: IncomingMessage;
  method: string;
  /** Path below the base path, e.g. `/content/abc`. */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  org: Org;
  body: unknown;
  now: number;
  store: Store;
  runtime: Runtime;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Idempotency = 'required' | 'optional' | 'none';

export interface Route {
  method: string;
  /** The guide's template, e.g. `/content/{content_item_id}`; also the stats and fault key. */
  template: string;
  idempotency?: Idempotency;
  /** Whether the handler reads a JSON body. */
  body?: boolean;
  handler: (ctx: RequestContext) => HandlerResult;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** A malformed escape (`%zz`) is just an id that matches nothing, so a 404, never a crash. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class Router {
  readonly #routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.#routes.push({
        ...route,
        pattern: new RegExp(`^${source}/?$`),
        names,
        literalSegments: route.template.split('/').filter((s) => s && !s.startsWith('{')).length,
      });
    }
    // Literal segments win over parameters: `/content/items` before `/content/{content_item_id}`.
    this.#routes.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  match(method: string, path: string): Match {
    let pathMatched = false;
    for (const route of this.#routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { kind: 'found', route, params };
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}
