import { BatchGetItemCommand, type AttributeValue, type BatchGetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { DkmioError, ThrottlingError } from '../../errors/errors';
import { isInfrastructureFailure } from '../../errors/map-aws-error';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { BATCH_GET_LIMIT, buildBatchGetItem, prepareBatchGet, type PreparedBatchGet } from './build';
import { keyIdentity } from '../targets/key-identity';
import { resolveBatchSettings, retryLeftovers, type BatchRun } from '../../runtime/batch-settings';
import { hydrate } from '../../marshalling/items';
import { isOwnItem } from '../../metadata/entity-keys';
import type { OperationContext } from '../context';
import type { TableTarget } from '../targets/target';
import type { BatchGetOptions } from './options';
import { chunk, runBounded } from '../../runtime/pool';
import { realTiming } from '../../runtime/retry';

type RawItem = Record<string, AttributeValue>;

/**
 * The items with these keys, in input order, `null` for absent ones (a key given twice is read
 * once and returned at both positions).
 */
export async function batchGet<T>(
  ctx: OperationContext,
  target: TableTarget<T>,
  keys: readonly unknown[],
  options?: BatchGetOptions,
): Promise<(T | null)[]> {
  const { metadata } = target;
  const settings = resolveBatchSettings(ctx.batchDefaults, options, 'batchGet');
  const prepared = prepareBatchGet(metadata, target.tableName, keys, options);
  if (prepared.keys.length === 0) return [];
  const found = await runBatchGet(metadata, prepared, {
    executor: ctx.executor,
    settings,
    timing: realTiming,
    signal: options?.signal,
  });
  // Key attributes were read only to match answers to keys; hand back what was selected.
  const added = prepared.addedKeyProperties;
  const omit = added.length ? new Set(added.map((p) => metadata.toStored.get(p) ?? p)) : undefined;
  return prepared.positions.map((at) => {
    const raw = found.get(prepared.identities[at]);
    return raw && isOwnItem(metadata, raw) ? hydrate(metadata, raw, omit) : null;
  });
}

/**
 * Reads the distinct keys of a prepared batch in chunks of 100, `concurrency` chunks at a time,
 * retrying UnprocessedKeys (and chunks whose request failed with throttling, a 5xx or a network
 * error) with full-jitter backoff up to `maxAttempts` attempts. Returns the raw item of each
 * distinct key found, by `keyIdentity`.
 *
 * Keys still unread after the last attempt are never reported as absent: the read fails with
 * the last request's error, or a {@link ThrottlingError} when DynamoDB kept answering with
 * UnprocessedKeys. Any other failure stops the read at once (after awaiting chunks in flight).
 */
export async function runBatchGet(
  meta: EntityMetadata,
  prepared: PreparedBatchGet,
  run: BatchRun,
): Promise<Map<string, RawItem>> {
  const { executor, settings, signal } = run;
  const found = new Map<string, RawItem>();
  const byIdentity = new Map(prepared.keys.map((k, i) => [prepared.identities[i], k]));
  const table = prepared.table;

  const readChunk = async (keys: RawItem[]): Promise<void> => {
    let failure: unknown;
    const left = await retryLeftovers(
      run,
      keys,
      async (pending) => {
        failure = undefined;
        try {
          const out = await executor.send<BatchGetItemCommandOutput>(
            new BatchGetItemCommand(buildBatchGetItem(prepared, pending)),
            {
              operation: 'batch_get',
              table,
              signal,
            },
          );
          for (const item of out.Responses?.[table] ?? []) found.set(keyIdentity(meta, table, item), item);
          // Resend our own marshalled key when the returned one matches it (it always should).
          return (out.UnprocessedKeys?.[table]?.Keys ?? []).map(
            (k) => byIdentity.get(keyIdentity(meta, table, k)) ?? k,
          );
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          if (!isInfrastructureFailure(error)) throw error;
          failure = error;
          return pending;
        }
      },
      (retry, left, pending) => `batch_get retry ${retry} on ${table} (${left} of ${pending.length} keys left)`,
    );
    if (left.length === 0) return;
    if (failure instanceof DkmioError) throw failure;
    throw new ThrottlingError(
      `batch_get on ${table}: ${left.length} keys were still unprocessed after ${settings.maxAttempts} attempts; ` +
        'the table is short of read capacity. Retry later, raise maxAttempts, or lower concurrency.',
      failure === undefined ? undefined : { cause: failure },
    );
  };

  await runBounded(chunk(prepared.keys, BATCH_GET_LIMIT), settings.concurrency, readChunk);
  return found;
}
