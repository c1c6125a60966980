/**
 * A record keyed by item ids from the API (or from the meta a previous build stored) has no
 * prototype, so an id such as `__proto__`, `constructor` or `toString` is just a key, never a
 * member of `Object.prototype` (issue 10 #4).
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
