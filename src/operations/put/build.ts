import type { Put, PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import { ExpressionContext } from '../../expressions/context';
import { checkItemKey } from '../../marshalling/keys';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { checkItemSize, itemSize, mapUpperBound, MAX_ITEM_BYTES } from '../../marshalling/item-size';
import { marshallItem } from '../../marshalling/items';
import { finishItemWrite, withReturnValues } from '../item-write/condition';
import type { ItemConditionOptions } from '../item-write/options';
import type { PutOptions } from './options';

/** PutItem request for `item`, with the full primary key checked and `@Version()` applied. */
export function buildPutItem(
  meta: EntityMetadata,
  table: string,
  item: unknown,
  options?: PutOptions,
): PutItemCommandInput {
  return withReturnValues<PutItemCommandInput>(
    buildPut(meta, table, item, options),
    options,
    ['NONE', 'ALL_OLD'],
    'put',
  );
}

/**
 * The item-level part of a put, shared by PutItem and a transaction's Put: the item with its key
 * checked, `@Version()` applied, and the condition compiled.
 */
export function buildPut(
  meta: EntityMetadata,
  table: string,
  item: unknown,
  options?: ItemConditionOptions,
  operation = 'put',
): Put {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new ValidationError(`${operation} on ${meta.className} needs an item object.`);
  }
  checkItemKey(meta, item as Record<string, unknown>, operation);
  const Item = marshallItem(meta, item);
  const ctx = new ExpressionContext();
  let versionClause: string | undefined;
  if (meta.version) {
    const current = (item as Record<string, unknown>)[meta.version.property];
    if (current === undefined || current === null) {
      versionClause = `attribute_not_exists(${ctx.name(meta.partitionKey.stored)})`;
      Item[meta.version.stored] = { N: '1' };
    } else {
      if (typeof current !== 'number' || !Number.isInteger(current)) {
        throw new ValidationError(
          `${operation} on ${meta.className}: version "${meta.version.property}" must be an integer, got ${typeof current}.`,
        );
      }
      // The name placeholder is made only here: DynamoDB rejects a request whose
      // ExpressionAttributeNames hold a name no expression uses.
      versionClause = `${ctx.name(meta.version.stored)} = ${ctx.value(current, meta.version.property)}`;
      Item[meta.version.stored] = { N: String(current + 1) };
    }
  }
  if (mapUpperBound(Item) > MAX_ITEM_BYTES)
    checkItemSize(itemSize(Item), `${operation} on ${meta.className}: the item`);
  return finishItemWrite<Put>({ TableName: table, Item }, meta, options, ctx, versionClause);
}
