import { BatchWriteItemCommand, type BatchWriteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { BatchWriteError, ThrottlingError } from '../../errors/errors';
import { isInfrastructureFailure } from '../../errors/map-aws-error';
import { BATCH_WRITE_LIMIT, buildBatchWriteItem, unprocessedWrites, type PreparedWrite } from './build';
import { resolveBatchSettings, type BatchRun } from '../../runtime/batch-settings';
import { chunk, runBounded } from '../../runtime/pool';
import { backoffDelay, realTiming } from '../../runtime/retry';
import type { OperationContext } from '../context';
import { tableList } from '../targets/target';
import type { BatchWriteOptions } from './options';
import { WriteCollector } from './writers';

/**
 * Runs a batchWrite callback on the batch `makeBatch` gives and sends what it collected: the one
 * body behind `repository.batchWrite` and `db.batchWrite`. Nothing is sent when the callback throws.
 */
export async function batchWrite<B>(
  ctx: OperationContext,
  fn: (batch: B) => unknown,
  makeBatch: (collector: WriteCollector) => B,
  options?: BatchWriteOptions,
): Promise<void> {
  const settings = resolveBatchSettings(ctx.batchDefaults, options, 'batchWrite');
  const collector = new WriteCollector();
  const writes = await collector.collect(fn, makeBatch(collector));
  if (options?.signal?.aborted) throw options.signal.reason;
  await runBatchWrite(writes, { executor: ctx.executor, settings, timing: realTiming, signal: options?.signal });
}

/**
 * Sends validated writes in chunks of 25, `concurrency` chunks at a time. A chunk's leftovers
 * (UnprocessedItems, or the whole chunk when its request failed with throttling, a 5xx or a
 * network error after the SDK's own retries) are sent again after a full-jitter backoff, up to
 * `maxAttempts` attempts. Any other failure (a request DynamoDB rejects, an open circuit) stops
 * the batch: no new request is started and the ones in flight are awaited.
 *
 * Nothing is ever dropped: when writes remain, {@link BatchWriteError} lists exactly those (in
 * input order) and everything else was written. A write that was ever part of a request that
 * failed as a whole without an answer (a 5xx, a reset connection, a timeout) cannot be known to
 * be undone: DynamoDB may have applied it before the answer was lost. It is listed too, with
 * `maybeApplied: true` (kept whatever later attempts say: a retry returning it unprocessed or an
 * open circuit refusing it do not undo the first request), since puts and deletes are
 * idempotent and resending it is always safe.
 * A cancelled batch rethrows the signal's reason; the chunks already sent stay written.
 */
export async function runBatchWrite(writes: readonly PreparedWrite[], run: BatchRun): Promise<void> {
  if (writes.length === 0) return;
  const { executor, settings, timing, signal } = run;
  const notDone = new Set<PreparedWrite>();
  /** Writes that were part of a request that failed as a whole: perhaps applied, answer lost. */
  const uncertain = new Set<PreparedWrite>();
  let stopped: unknown;
  let lastFailure: unknown;

  const sendChunk = async (chunkWrites: PreparedWrite[]): Promise<void> => {
    let pending = chunkWrites;
    for (let attempt = 1; ; attempt++) {
      if (stopped !== undefined) {
        pending.forEach((w) => notDone.add(w));
        return;
      }
      const tables = tableList(pending.map((w) => w.table));
      let leftovers: PreparedWrite[];
      try {
        const out = await executor.send<BatchWriteItemCommandOutput>(
          new BatchWriteItemCommand(buildBatchWriteItem(pending)),
          {
            operation: 'batch_write',
            table: tables,
            signal,
          },
        );
        leftovers = unprocessedWrites(pending, out.UnprocessedItems);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!isInfrastructureFailure(error)) {
          stopped ??= error;
          pending.forEach((w) => notDone.add(w));
          return;
        }
        // The whole request failed: every write of it is a leftover, retried like UnprocessedItems.
        lastFailure = error;
        leftovers = pending;
        // A throttled request was refused before anything was written; a 5xx or lost answer may not have been.
        if (!(error instanceof ThrottlingError)) pending.forEach((w) => uncertain.add(w));
      }
      if (leftovers.length === 0) return;
      if (attempt >= settings.maxAttempts) {
        leftovers.forEach((w) => notDone.add(w));
        return;
      }
      if (executor.log.enabled)
        executor.log.warn(
          `batch_write retry ${attempt} on ${tables} (${leftovers.length} of ${pending.length} writes left)`,
        );
      await timing.sleep(backoffDelay(attempt, settings.baseDelayMs, timing.random), signal);
      pending = leftovers;
    }
  };

  await runBounded(chunk(writes, BATCH_WRITE_LIMIT), settings.concurrency, sendChunk);
  if (notDone.size === 0) return;
  const unprocessed = writes.filter((w) => notDone.has(w));
  const cause = stopped ?? lastFailure;
  const why =
    stopped !== undefined
      ? `the batch stopped at an error that retrying cannot fix (${errorText(stopped)})`
      : `they were still unprocessed after ${settings.maxAttempts} attempts${lastFailure !== undefined ? ` (last failure: ${errorText(lastFailure)})` : ''}`;
  const maybe = unprocessed.filter((w) => uncertain.has(w)).length;
  const notApplied = unprocessed.length - maybe;
  const counts =
    maybe === 0
      ? `${unprocessed.length} of ${writes.length} writes were not done`
      : `${unprocessed.length} of ${writes.length} writes are not known to be done (${notApplied} not applied; ${maybe} may have been applied, their request having failed without an answer: maybeApplied is true)`;
  throw new BatchWriteError(
    `batch_write on ${tableList(unprocessed.map((w) => w.table))}: ${counts} because ${why}. ` +
      `They are listed in error.unprocessed; every other write was done. Resending the listed writes is safe.`,
    unprocessed.map((w) => ({ ...w.unprocessed, maybeApplied: uncertain.has(w) })),
    cause === undefined ? undefined : { cause },
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
