/**
 * Runs `task` over `items` with at most `concurrency` in flight, results in input order.
 * Hand-written because it is eight lines and the workspace has no pool library; the client's own
 * rate limiter still decides how fast requests go out, this only bounds how many wait at once.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
