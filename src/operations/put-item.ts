import type { PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors/errors';
import { ExpressionContext } from '../expressions/context';
import { checkItemKey } from '../expressions/keys';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { checkItemSize, itemSize } from '../marshalling/item-size';
import { marshallItem } from '../marshalling/items';
import { returnValuesOf, writeCondition } from './common';
import type { PutOptions } from './options';

/** PutItem request for `item`, with the full primary key checked and `@Version()` applied. */
export function buildPutItem(meta: EntityMetadata, table: string, item: unknown, options?: PutOptions): PutItemCommandInput {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new ValidationError(`put on ${meta.className} needs an item object.`);
  }
  checkItemKey(meta, item as Record<string, unknown>, 'put');
  const Item = marshallItem(meta, item);
  const ctx = new ExpressionContext();
  let versionClause: string | undefined;
  if (meta.version) {
    const current = (item as Record<string, unknown>)[meta.version.property];
    const ver = ctx.name(meta.version.stored);
    if (current === undefined || current === null) {
      versionClause = `attribute_not_exists(${ctx.name(meta.partitionKey.stored)})`;
      Item[meta.version.stored] = { N: '1' };
    } else {
      if (typeof current !== 'number' || !Number.isInteger(current)) {
        throw new ValidationError(`put on ${meta.className}: version "${meta.version.property}" must be an integer, got ${typeof current}.`);
      }
      versionClause = `${ver} = ${ctx.value(current, meta.version.property)}`;
      Item[meta.version.stored] = { N: String(current + 1) };
    }
  }
  checkItemSize(itemSize(Item), `put on ${meta.className}: the item`);
  const input: PutItemCommandInput = { TableName: table, Item };
  const condition = writeCondition(meta, options, ctx, versionClause);
  if (condition !== undefined) input.ConditionExpression = condition;
  Object.assign(input, ctx.attributes());
  const rv = returnValuesOf(options, ['NONE', 'ALL_OLD'], 'put');
  if (rv !== undefined) input.ReturnValues = rv;
  if (options?.returnItemOnConditionFail) input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return input;
}
