import type { Runtime } from '../runtime.ts';
import type { RouteBucket, WzrOptions } from './options.ts';
import type { WzrStore } from './store.ts';
import type { Account } from './types.ts';

export interface WzrContext {
  store: WzrStore;
  account: Account;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: number;
  runtime: Runtime;
  options: WzrOptions;
}

export interface WzrResult {
  status: number;
  body: unknown;
}

export interface WzrRoute {
  method: string;
  /** Full path template, e.g. `/v1/content/{content_id}`: also the stats and fault key. */
  template: string;
  /** Which documented rate limit the route counts against. */
  bucket: RouteBucket;
  /** Whether the handler reads a JSON body. */
  body?: boolean;
  handler: (ctx: WzrContext) => WzrResult;
}

export type WzrMatch =
  | { kind: 'found'; route: WzrRoute; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** Both dialects' routes in one table; a path parameter never matches across a `/`. */
export class WzrRouter {
  readonly #routes: { route: WzrRoute; pattern: RegExp; names: string[] }[] = [];

  constructor(routes: WzrRoute[]) {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.#routes.push({ route, pattern: new RegExp(`^${source}/?$`), names });
    }
  }

  match(method: string, path: string): WzrMatch {
    let pathMatched = false;
    for (const { route, pattern, names } of this.#routes) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { kind: 'found', route, params };
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

/** A malformed escape (`%zz`) is just an id that matches nothing: a 404, never a crash. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
