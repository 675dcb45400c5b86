/**
 * Backoff for retrying what DynamoDB left unprocessed. "Full jitter" (a random delay between 0
 * and the exponential ceiling) spreads retries of concurrent callers apart, which is what lets a
 * throttled table recover; see the AWS Architecture Blog, "Exponential Backoff and Jitter".
 */

/** Ceiling of any single delay, so a large `maxAttempts` never sleeps for minutes. */
export const MAX_BACKOFF_MS = 20_000;

/** Time and randomness the retry loops use; injectable so unit tests run without waiting. */
export interface RetryTiming {
  /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1). */
  random: () => number;
}

/**
 * The delay before retry number `retry` (1 for the first retry): a random value in
 * [0, min(MAX_BACKOFF_MS, baseDelayMs * 2^(retry - 1))).
 */
export function backoffDelay(retry: number, baseDelayMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** A sleep that an AbortSignal cuts short (rejecting with the signal's reason). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Real time and `Math.random`. */
export const realTiming: RetryTiming = { sleep: abortableSleep, random: Math.random };
