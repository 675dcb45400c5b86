import type { Delete, DeleteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/context';
import { marshallKey } from '../expressions/keys';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { returnValuesOf, writeCondition } from './common';
import type { DeleteOptions, ItemConditionOptions } from './options';

/** DeleteItem request for `key`. */
export function buildDeleteItem(meta: EntityMetadata, table: string, key: unknown, options?: DeleteOptions): DeleteItemCommandInput {
  const input: DeleteItemCommandInput = buildDelete(meta, table, key, options);
  const rv = returnValuesOf(options, ['NONE', 'ALL_OLD'], 'delete');
  if (rv !== undefined) input.ReturnValues = rv;
  return input;
}

/** The item-level part of a delete, shared by DeleteItem and a transaction's Delete. */
export function buildDelete(meta: EntityMetadata, table: string, key: unknown, options?: ItemConditionOptions, operation = 'delete'): Delete {
  const input: Delete = { TableName: table, Key: marshallKey(meta, key, operation) };
  const ctx = new ExpressionContext();
  const condition = writeCondition(meta, options, ctx);
  if (condition !== undefined) input.ConditionExpression = condition;
  Object.assign(input, ctx.attributes());
  if (options?.returnItemOnConditionFail) input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return input;
}
