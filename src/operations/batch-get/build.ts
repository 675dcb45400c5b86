import type { AttributeValue, BatchGetItemCommandInput, KeysAndAttributes } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import { ExpressionContext } from '../../expressions/context';
import { marshallKey } from '../../marshalling/keys';
import { compileProjection } from '../../expressions/projection';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { withTypeAttribute } from '../../metadata/entity-keys';
import { keyIdentity } from '../targets/key-identity';
import type { GetOptions } from '../get/options';

/** DynamoDB's limit of keys per BatchGetItem request. */
export const BATCH_GET_LIMIT = 100;

type RawKey = Record<string, AttributeValue>;

/** A batch read, validated and deduplicated, ready to be cut into requests. */
export interface PreparedBatchGet {
  table: string;
  /** Each distinct key once, marshalled, in first-seen order. */
  keys: RawKey[];
  /** `keyIdentity` of each entry of `keys`. */
  identities: string[];
  /** For each input position, its index in `keys` (duplicates share one). */
  positions: number[];
  /** The per-table read settings of every request: projection and consistency. */
  read: Omit<KeysAndAttributes, 'Keys'>;
  /**
   * Key properties added to the projection only to match answers (which come back unordered) to
   * keys; dropped again before the items are handed back.
   */
  addedKeyProperties: string[];
}

/**
 * Validates every key (full primary key, types) and removes duplicates, before anything is sent:
 * DynamoDB refuses a BatchGetItem naming one key twice, but the caller still gets the item at
 * every position that asked for it.
 */
export function prepareBatchGet(
  meta: EntityMetadata,
  table: string,
  keys: readonly unknown[],
  options?: Pick<GetOptions, 'select' | 'consistent'>,
): PreparedBatchGet {
  if (!Array.isArray(keys))
    throw new ValidationError(
      `batchGet on ${meta.className} takes an array of keys, got ${keys === null ? 'null' : typeof keys}.`,
    );
  const prepared: PreparedBatchGet = {
    table,
    keys: [],
    identities: [],
    positions: [],
    read: {},
    addedKeyProperties: [],
  };
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    const raw = marshallKey(meta, key, `batchGet (key ${i})`);
    const id = keyIdentity(meta, table, raw);
    let at = seen.get(id);
    if (at === undefined) {
      at = prepared.keys.length;
      seen.set(id, at);
      prepared.keys.push(raw);
      prepared.identities.push(id);
    }
    prepared.positions.push(at);
  });
  if (options?.select !== undefined) {
    const added = withTypeAttribute(meta, meta.keyProperties).filter((k) => !options.select!.includes(k));
    const ctx = new ExpressionContext();
    prepared.read.ProjectionExpression = compileProjection(meta, [...options.select, ...added], ctx);
    prepared.read.ExpressionAttributeNames = ctx.names;
    prepared.addedKeyProperties = added;
  }
  if (options?.consistent) prepared.read.ConsistentRead = true;
  return prepared;
}

/** The BatchGetItem request for some keys of a prepared batch (at most {@link BATCH_GET_LIMIT}). */
export function buildBatchGetItem(prepared: PreparedBatchGet, keys: readonly RawKey[]): BatchGetItemCommandInput {
  if (keys.length === 0 || keys.length > BATCH_GET_LIMIT) {
    throw new ValidationError(`A BatchGetItem request holds 1 to ${BATCH_GET_LIMIT} keys, got ${keys.length}.`);
  }
  return { RequestItems: { [prepared.table]: { Keys: [...keys], ...prepared.read } } };
}
