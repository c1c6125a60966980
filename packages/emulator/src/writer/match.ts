import type { WriterRoute } from './routes.ts';

export type WriterMatch =
  | { kind: 'found'; route: WriterRoute; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

interface Compiled {
  route: WriterRoute;
  pattern: RegExp;
  names: string[];
}

/** A malformed escape (`%zz`) is just an id that matches nothing, so a 404, never a crash. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Matches a path against the routes' templates, in the order given. */
export function createMatcher(
  routes: WriterRoute[],
): (method: string, path: string) => WriterMatch {
  const compiled: Compiled[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (method, path) => {
    let pathMatched = false;
    for (const { route, pattern, names } of compiled) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      const params = Object.fromEntries(names.map((name, i) => [name, safeDecode(m[i + 1] ?? '')]));
      return { kind: 'found', route, params };
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  };
}
