import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ConditionError, TransactionError, type CancellationReason } from '../../errors/errors';
import { hydrate } from '../../marshalling/items';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { isOwnItem } from '../../metadata/entity-keys';

type RawItem = Record<string, AttributeValue>;

/**
 * The stored item DynamoDB returned with a failed condition (`returnItemOnConditionFail`, or a
 * `mustExist` check), put on the error as an instance of the entity: on `ConditionError.item`
 * for a single write, on each failing reason for a transaction (`metas` gives each item's entity).
 * The one place such items are hydrated; anything else passes through.
 */
export function withReturnedItems(
  error: unknown,
  metas: EntityMetadata | readonly (EntityMetadata | undefined)[],
): unknown {
  if (error instanceof ConditionError) {
    const raw = (error.cause as { Item?: RawItem } | undefined)?.Item;
    const meta = isList(metas) ? metas[0] : metas;
    // Another type's item (single-table design) is no instance of this entity: it is not handed on.
    return raw && meta && error.item === undefined && isOwnItem(meta, raw)
      ? new ConditionError(error.message, { cause: error.cause, item: hydrate(meta, raw) })
      : error;
  }
  if (error instanceof TransactionError) {
    const raw = (error.cause as { CancellationReasons?: { Item?: RawItem }[] } | undefined)?.CancellationReasons;
    if (!raw?.some((r) => r.Item)) return error;
    const list = isList(metas) ? metas : [metas];
    const reasons: CancellationReason[] = error.reasons.map((r) => {
      const item = raw[r.index]?.Item;
      const meta = list[r.index];
      return item && meta && isOwnItem(meta, item) ? { ...r, item: hydrate(meta, item) } : r;
    });
    return new TransactionError(error.message, reasons, { cause: error.cause });
  }
  return error;
}

function isList(
  metas: EntityMetadata | readonly (EntityMetadata | undefined)[],
): metas is readonly (EntityMetadata | undefined)[] {
  return Array.isArray(metas);
}
