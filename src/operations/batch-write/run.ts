import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  type BatchWriteItemCommandOutput,
  type DeleteItemCommandInput,
  type PutItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteError, ConditionError, ThrottlingError, type UnprocessedWrite } from '../../errors/errors';
import { isInfrastructureFailure } from '../../errors/map-aws-error';
import { BATCH_WRITE_LIMIT, buildBatchWriteItem, unprocessedWrites, type PreparedWrite } from './build';
import { resolveBatchSettings, retryLeftovers, type BatchRun } from '../../runtime/batch-settings';
import { chunk, runBounded } from '../../runtime/pool';
import { realTiming } from '../../runtime/retry';
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
 *
 * A single-table write whose key could be another entity's (`PreparedWrite.guarded`) is sent
 * alone as its guarded PutItem/DeleteItem, retried the same way. When its type guard fails (the
 * item stored under its key is of another type), it is not retried: it is listed with
 * `reason: 'otherType'` and the rest of the batch goes on.
 * A cancelled batch rethrows the signal's reason; the chunks already sent stay written.
 */
export async function runBatchWrite(writes: readonly PreparedWrite[], run: BatchRun): Promise<void> {
  if (writes.length === 0) return;
  const { executor, settings, signal } = run;
  const notDone = new Set<PreparedWrite>();
  /** Writes that were part of a request that failed as a whole: perhaps applied, answer lost. */
  const uncertain = new Set<PreparedWrite>();
  /** Guarded writes refused by the type guard, with the first such failure. */
  const otherType = new Set<PreparedWrite>();
  let conflict: unknown;
  let stopped: unknown;
  let lastFailure: unknown;

  /** One attempt at some writes of a chunk: what is left to retry. */
  const attempt = async (pending: PreparedWrite[]): Promise<PreparedWrite[]> => {
    if (stopped !== undefined) {
      pending.forEach((w) => notDone.add(w));
      return [];
    }
    // A guarded write is always a unit of its own (see `units`).
    const guarded = pending.length === 1 && pending[0].guarded ? pending[0] : undefined;
    try {
      if (guarded) {
        await sendGuarded(run, guarded);
        return [];
      }
      const out = await executor.send<BatchWriteItemCommandOutput>(
        new BatchWriteItemCommand(buildBatchWriteItem(pending)),
        {
          operation: 'batch_write',
          table: tableList(pending.map((w) => w.table)),
          signal,
        },
      );
      return unprocessedWrites(pending, out.UnprocessedItems);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (guarded && error instanceof ConditionError) {
        // Another type's item holds this key: resending cannot succeed, and the batch goes on.
        conflict ??= error;
        otherType.add(guarded);
        notDone.add(guarded);
        return [];
      }
      if (!isInfrastructureFailure(error)) {
        stopped ??= error;
        pending.forEach((w) => notDone.add(w));
        return [];
      }
      // The whole request failed: every write of it is a leftover, retried like UnprocessedItems.
      lastFailure = error;
      // A throttled request was refused before anything was written; a 5xx or lost answer may not have been.
      if (!(error instanceof ThrottlingError)) pending.forEach((w) => uncertain.add(w));
      return pending;
    }
  };
  const sendChunk = async (chunkWrites: PreparedWrite[]): Promise<void> => {
    const left = await retryLeftovers(
      run,
      chunkWrites,
      attempt,
      (retry, left, pending) =>
        `batch_write retry ${retry} on ${tableList(pending.map((w) => w.table))} (${left} of ${pending.length} writes left)`,
    );
    left.forEach((w) => notDone.add(w));
  };

  // Writes that go in BatchWriteItem keep their chunks; each guarded write is a unit of its own.
  const units = [
    ...chunk(
      writes.filter((w) => !w.guarded),
      BATCH_WRITE_LIMIT,
    ),
    ...writes.filter((w) => w.guarded).map((w) => [w]),
  ];
  await runBounded(units, settings.concurrency, sendChunk);
  if (notDone.size === 0) return;
  const unprocessed = writes.filter((w) => notDone.has(w));
  const cause = stopped ?? lastFailure ?? conflict;
  const others = unprocessed.length - otherType.size;
  const why =
    stopped !== undefined
      ? `the batch stopped at an error that retrying cannot fix (${errorText(stopped)})`
      : `they were still unprocessed after ${settings.maxAttempts} attempts${lastFailure !== undefined ? ` (last failure: ${errorText(lastFailure)})` : ''}`;
  const refused =
    `${otherType.size} ${otherType.size === 1 ? 'was' : 'were'} refused by the single-table type guard: ` +
    `the item stored under its key is of another type (reason 'otherType'; resending fails the same way)`;
  const because =
    otherType.size === 0 ? ` because ${why}` : others === 0 ? `: ${refused}` : `: ${refused}; ${others} because ${why}`;
  const maybe = unprocessed.filter((w) => uncertain.has(w)).length;
  const notApplied = unprocessed.length - maybe;
  const counts =
    maybe === 0
      ? `${unprocessed.length} of ${writes.length} writes were not done`
      : `${unprocessed.length} of ${writes.length} writes are not known to be done (${notApplied} not applied; ${maybe} may have been applied, their request having failed without an answer: maybeApplied is true)`;
  throw new BatchWriteError(
    `batch_write on ${tableList(unprocessed.map((w) => w.table))}: ${counts}${because}. ` +
      `They are listed in error.unprocessed; every other write was done.` +
      (others > 0
        ? ` Resending the listed writes${otherType.size > 0 ? " without reason 'otherType'" : ''} is safe.`
        : ''),
    unprocessed.map((w): UnprocessedWrite => ({
      ...w.unprocessed,
      maybeApplied: uncertain.has(w),
      ...(otherType.has(w) ? { reason: 'otherType' as const } : {}),
    })),
    cause === undefined ? undefined : { cause },
  );
}

/** Sends a guarded single-table write alone, as `put()`/`delete()` would send it. */
async function sendGuarded(run: BatchRun, write: PreparedWrite): Promise<void> {
  const input = write.guarded!;
  const put = write.unprocessed.kind === 'put';
  await run.executor.send(
    put ? new PutItemCommand(input as PutItemCommandInput) : new DeleteItemCommand(input as DeleteItemCommandInput),
    { operation: put ? 'put_item' : 'delete_item', table: write.table, signal: run.signal },
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
