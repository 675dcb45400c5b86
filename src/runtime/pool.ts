/**
 * Runs `worker` over `items` with at most `concurrency` running at once, in input order.
 * After the first rejection no new item is started; the ones running are awaited (so nothing is
 * left in flight behind the caller's back) and then the first error is thrown.
 */
export async function runBounded<I>(
  items: readonly I[],
  concurrency: number,
  worker: (item: I) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await worker(item);
      } catch (error) {
        if (!failed) {
          failed = true;
          firstError = error;
        }
      }
    }
  };
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, lane);
  await Promise.all(lanes);
  if (failed) throw firstError;
}

/** `items` cut into consecutive chunks of at most `size`. */
export function chunk<I>(items: readonly I[], size: number): I[][] {
  const out: I[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
