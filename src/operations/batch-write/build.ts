import type {
  AttributeValue,
  BatchWriteItemCommandInput,
  DeleteItemCommandInput,
  PutItemCommandInput,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { ValidationError, type UnprocessedWrite } from '../../errors/errors';
import { ExpressionContext } from '../../expressions/context';
import { checkItemKey, marshallKey } from '../../marshalling/keys';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { rivalOwning } from '../../metadata/key-rivals';
import { marshallItem } from '../../marshalling/items';
import { finishItemWrite } from '../item-write/condition';
import { keyIdentity } from '../targets/key-identity';

type UnprocessedPut = Extract<UnprocessedWrite, { kind: 'put' }>;
type UnprocessedDelete = Extract<UnprocessedWrite, { kind: 'delete' }>;

/** DynamoDB's limit of writes per BatchWriteItem request. */
export const BATCH_WRITE_LIMIT = 25;

/** One write of a batch, validated and marshalled, with what to report if it is never done. */
export interface PreparedWrite {
  meta: EntityMetadata;
  table: string;
  /** Equal for two writes to the same item (see `keyIdentity`). */
  identity: string;
  request: WriteRequest;
  /** The entry of `BatchWriteError.unprocessed` for this write (the caller's own item or key), `maybeApplied` left for the runner to say. */
  unprocessed: Omit<UnprocessedPut, 'maybeApplied'> | Omit<UnprocessedDelete, 'maybeApplied'>;
  /**
   * Set when the key could also be one of another entity of the same table (single-table design):
   * BatchWriteItem takes no condition, so this write is sent alone as this PutItem/DeleteItem,
   * carrying the type guard of `put()`/`delete()`.
   */
  guarded?: PutItemCommandInput | DeleteItemCommandInput;
}

/**
 * The guarded single request of a single-table write whose stored key parses as a key of another
 * entity of its table (see `rivalOwning`); undefined for every other write.
 */
function guardedRequest<I extends PutItemCommandInput | DeleteItemCommandInput>(
  meta: EntityMetadata,
  key: Record<string, AttributeValue>,
  input: I,
): I | undefined {
  if (!meta.single || !rivalOwning(meta.single, key)) return undefined;
  return finishItemWrite<I>(input, meta, undefined, new ExpressionContext());
}

/**
 * A put in a batch. BatchWriteItem takes no condition, so a `@Version()` entity is refused: a
 * batch could neither check nor safely bump its version. Use `put()` or `transactWrite()` there.
 */
export function prepareBatchPut(meta: EntityMetadata, table: string, item: unknown): PreparedWrite {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new ValidationError(
      `batch put on ${meta.className} needs an item object, got ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}.`,
    );
  }
  if (meta.version) {
    throw new ValidationError(
      `batch put on ${meta.className}: the class has a @Version() property ("${meta.version.property}"), and BatchWriteItem cannot check or increment it. ` +
        'Use put() (or tx.put in transactWrite) for versioned items.',
    );
  }
  checkItemKey(meta, item as Record<string, unknown>, 'batch put');
  const Item = marshallItem(meta, item);
  return {
    meta,
    table,
    identity: keyIdentity(meta, table, Item),
    request: { PutRequest: { Item } },
    unprocessed: { kind: 'put', entity: meta.target, item: item as Record<string, unknown> },
    guarded: guardedRequest<PutItemCommandInput>(meta, Item, { TableName: table, Item }),
  };
}

/** A delete in a batch. */
export function prepareBatchDelete(meta: EntityMetadata, table: string, key: unknown): PreparedWrite {
  const Key = marshallKey(meta, key, 'batch delete');
  return {
    meta,
    table,
    identity: keyIdentity(meta, table, Key),
    request: { DeleteRequest: { Key } },
    unprocessed: { kind: 'delete', entity: meta.target, key: key as Record<string, unknown> },
    guarded: guardedRequest<DeleteItemCommandInput>(meta, Key, { TableName: table, Key }),
  };
}

/** The BatchWriteItem request for some writes (at most {@link BATCH_WRITE_LIMIT}), grouped by table in first-seen order. */
export function buildBatchWriteItem(writes: readonly PreparedWrite[]): BatchWriteItemCommandInput {
  if (writes.length === 0 || writes.length > BATCH_WRITE_LIMIT) {
    throw new ValidationError(`A BatchWriteItem request holds 1 to ${BATCH_WRITE_LIMIT} writes, got ${writes.length}.`);
  }
  const RequestItems: Record<string, WriteRequest[]> = {};
  for (const w of writes) (RequestItems[w.table] ??= []).push(w.request);
  return { RequestItems };
}

/**
 * The writes of `sent` that DynamoDB handed back as UnprocessedItems, in the order sent; every
 * write of `sent` when one cannot be matched.
 */
export function unprocessedWrites(
  sent: readonly PreparedWrite[],
  returned: Record<string, WriteRequest[]> | undefined,
): PreparedWrite[] {
  if (!returned) return [];
  const byIdentity = new Map(sent.map((w) => [w.identity, w]));
  const metaOf = new Map(sent.map((w) => [w.table, w.meta]));
  const matched = new Set<PreparedWrite>();
  for (const [table, requests] of Object.entries(returned)) {
    for (const r of requests ?? []) {
      const meta = metaOf.get(table);
      const raw = r.PutRequest?.Item ?? r.DeleteRequest?.Key;
      const match = meta && raw ? byIdentity.get(keyIdentity(meta, table, raw)) : undefined;
      // Never drop what cannot be matched: resending the whole chunk is safe (puts and deletes are idempotent).
      if (!match) return [...sent];
      matched.add(match);
    }
  }
  return sent.filter((w) => matched.has(w));
}
