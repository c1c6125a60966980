/**
 * Runs `fn` over `items` with at most `limit` calls in flight, results in input order.
 * Hand-written (a dozen lines) rather than adding p-limit/p-map to the CLI's dependencies;
 * `fn` is expected to handle its own errors (a rejection stops the remaining items).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}
