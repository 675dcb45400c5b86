import type { Executor } from './executor';
import { milliseconds, positiveInteger } from './option-checks';
import { backoffDelay, type RetryTiming } from './retry';

/**
 * Tuning of batch operations: per call (`batchGet(keys, { ... })`, `batchWrite(fn, { ... })`)
 * or client-wide (`new DkmioClient({ batch: { ... } })`).
 */
export interface BatchTuning {
  /**
   * Attempts per chunk, the first one included: leftovers (UnprocessedItems/UnprocessedKeys, or a
   * chunk whose request failed with throttling, a 5xx or a network error) are retried until
   * this many attempts were made. Default 8.
   */
  maxAttempts?: number;
  /**
   * Base of the exponential backoff between attempts: retry n waits a random time in
   * [0, baseDelayMs * 2^(n-1)) (full jitter), capped at 20 s. Default 50.
   */
  baseDelayMs?: number;
  /** Chunks in flight at once. Default 4. */
  concurrency?: number;
}

/** Resolved tuning: every field set. */
export type BatchSettings = Required<BatchTuning>;

/**
 * The defaults. 8 attempts with a 50 ms base wait at most 50 + 100 + ... + 3200 = 6.35 s
 * (3.2 s on average) before giving up on a chunk: long enough to ride out a throttling burst or
 * a partition split, short enough for a request handler. The SDK's own retries (3 attempts by
 * default) run inside each attempt. 4 chunks in flight (up to 100 writes or 400 reads) keep a
 * bulk load moving without letting one call flood a table; raise it for large loads.
 */
export const DEFAULT_BATCH_SETTINGS: BatchSettings = Object.freeze({ maxAttempts: 8, baseDelayMs: 50, concurrency: 4 });

/** `defaults` overridden by the options given, each checked. */
export function resolveBatchSettings(
  defaults: BatchSettings,
  options: BatchTuning | undefined,
  where: string,
): BatchSettings {
  const o = options ?? {};
  return {
    maxAttempts: positiveInteger(o.maxAttempts, defaults.maxAttempts, `${where} maxAttempts`),
    baseDelayMs: milliseconds(o.baseDelayMs, defaults.baseDelayMs, `${where} baseDelayMs`),
    concurrency: positiveInteger(o.concurrency, defaults.concurrency, `${where} concurrency`),
  };
}

/** How a batch is sent: through which executor, with which tuning, timing and signal. */
export interface BatchRun {
  executor: Executor;
  settings: BatchSettings;
  timing: RetryTiming;
  signal?: AbortSignal;
}

/**
 * The retry loop of one batch chunk: `attempt` sends what is pending and resolves to what is
 * left (UnprocessedItems/UnprocessedKeys, or all of it after a failure worth retrying); that is
 * sent again after a full-jitter backoff until nothing is left or `maxAttempts` attempts were
 * made. Resolves to what is still left then (empty when everything was done). `describe` words
 * the warning logged before each retry.
 */
export async function retryLeftovers<I>(
  run: BatchRun,
  items: I[],
  attempt: (pending: I[]) => Promise<I[]>,
  describe: (retry: number, left: number, pending: readonly I[]) => string,
): Promise<I[]> {
  const { executor, settings, timing, signal } = run;
  let pending = items;
  for (let n = 1; ; n++) {
    const leftovers = await attempt(pending);
    if (leftovers.length === 0 || n >= settings.maxAttempts) return leftovers;
    if (executor.log.enabled) executor.log.warn(describe(n, leftovers.length, pending));
    await timing.sleep(backoffDelay(n, settings.baseDelayMs, timing.random), signal);
    pending = leftovers;
  }
}
