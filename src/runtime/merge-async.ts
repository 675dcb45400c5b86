/**
 * Values of several async iterators in arrival order, pulling from all of them concurrently
 * (each one a value ahead at most). Returning early (a `break`, an error) stops every source.
 */
export async function* mergeAsync<T>(sources: readonly AsyncIterator<T>[]): AsyncGenerator<T> {
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<T> }>>();
  const next = (i: number) =>
    pending.set(
      i,
      sources[i].next().then((r) => ({ i, r })),
    );
  for (let i = 0; i < sources.length; i++) next(i);
  try {
    while (pending.size > 0) {
      const { i, r } = await Promise.race(pending.values());
      if (r.done) {
        pending.delete(i);
        continue;
      }
      next(i);
      yield r.value;
    }
  } finally {
    // A value still in flight may fail after the caller stopped; nobody awaits it any more, so
    // mark it handled before stopping the sources.
    for (const p of pending.values()) p.catch(() => undefined);
    await Promise.allSettled(sources.map((s) => (s.return ? s.return(undefined) : Promise.resolve())));
  }
}
