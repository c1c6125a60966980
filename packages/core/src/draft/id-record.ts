/**
 * A record keyed by ids from outside (the API, a committed state file, the meta a previous build
 * stored) has no prototype, so an id such as `__proto__`, `constructor` or `toString` is just a key, never a
 * member of `Object.prototype` (issue 10 #4). The CLI's state and the loader's meta both use it.
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
