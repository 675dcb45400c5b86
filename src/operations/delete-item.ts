import type { DeleteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/context';
import { marshallKey } from '../expressions/keys';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { returnValuesOf, writeCondition } from './common';
import type { DeleteOptions } from './options';

/** DeleteItem request for `key`. */
export function buildDeleteItem(meta: EntityMetadata, table: string, key: unknown, options?: DeleteOptions): DeleteItemCommandInput {
  const input: DeleteItemCommandInput = { TableName: table, Key: marshallKey(meta, key, 'delete') };
  const ctx = new ExpressionContext();
  const condition = writeCondition(meta, options, ctx);
  if (condition !== undefined) input.ConditionExpression = condition;
  Object.assign(input, ctx.attributes());
  const rv = returnValuesOf(options, ['NONE', 'ALL_OLD'], 'delete');
  if (rv !== undefined) input.ReturnValues = rv;
  if (options?.returnItemOnConditionFail) input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return input;
}
