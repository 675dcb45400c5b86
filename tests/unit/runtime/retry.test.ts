import { MAX_BACKOFF_MS, abortableSleep, backoffDelay } from '../../../src/runtime/retry';
import { chunk, runBounded } from '../../../src/runtime/pool';
import { DEFAULT_BATCH_SETTINGS, resolveBatchSettings } from '../../../src/runtime/batch-settings';

describe('backoffDelay (full jitter)', () => {
  it('is random in [0, base * 2^(retry-1)), capped', () => {
    expect(backoffDelay(1, 50, () => 0)).toBe(0);
    expect(backoffDelay(1, 50, () => 0.999)).toBe(49);
    expect(backoffDelay(3, 50, () => 0.5)).toBe(100);
    expect(backoffDelay(30, 50, () => 0.5)).toBe(MAX_BACKOFF_MS / 2);
  });
});

describe('abortableSleep', () => {
  it('rejects with the signal reason when aborted before or during the wait', async () => {
    const before = AbortSignal.abort(new Error('early'));
    await expect(abortableSleep(10, before)).rejects.toThrow('early');
    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('late'));
    await expect(pending).rejects.toThrow('late');
  });

  it('resolves after the delay', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
    await expect(abortableSleep(0)).resolves.toBeUndefined();
  });
});

describe('runBounded', () => {
  it('never runs more than `concurrency` at once and runs everything', async () => {
    let running = 0;
    let max = 0;
    const done: number[] = [];
    await runBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      max = Math.max(max, running);
      await new Promise((r) => setImmediate(r));
      running--;
      done.push(n);
    });
    expect(max).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('after a failure starts nothing new, waits for the running ones, then throws the first error', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = runBounded([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setImmediate(r));
      if (n === 1) throw new Error('one');
      finished++;
    });
    await expect(run).rejects.toThrow('one');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });

  it('chunk cuts consecutive slices', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});

describe('batch settings', () => {
  it('defaults and overrides, checked', () => {
    expect(DEFAULT_BATCH_SETTINGS).toEqual({ maxAttempts: 8, baseDelayMs: 50, concurrency: 4 });
    expect(resolveBatchSettings(DEFAULT_BATCH_SETTINGS, { concurrency: 10 }, 'batchWrite')).toEqual({
      maxAttempts: 8,
      baseDelayMs: 50,
      concurrency: 10,
    });
    expect(() => resolveBatchSettings(DEFAULT_BATCH_SETTINGS, { maxAttempts: 0 }, 'batchWrite')).toThrow(
      'batchWrite maxAttempts must be a positive integer, got 0.',
    );
    expect(() => resolveBatchSettings(DEFAULT_BATCH_SETTINGS, { baseDelayMs: -1 }, 'batchGet')).toThrow(
      /batchGet baseDelayMs/,
    );
    expect(() => resolveBatchSettings(DEFAULT_BATCH_SETTINGS, { concurrency: 1.5 }, 'batch')).toThrow(
      /batch concurrency/,
    );
  });
});
