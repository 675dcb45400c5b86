import type { Delete, DeleteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../../expressions/context';
import { marshallKey } from '../../marshalling/keys';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { finishItemWrite, withReturnValues } from '../item-write/condition';
import type { ItemConditionOptions, MustExistOption } from '../item-write/options';
import type { DeleteOptions } from './options';

/** DeleteItem request for `key`. */
export function buildDeleteItem(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  options?: DeleteOptions,
): DeleteItemCommandInput {
  return withReturnValues<DeleteItemCommandInput>(
    buildDelete(meta, table, key, options),
    options,
    ['NONE', 'ALL_OLD'],
    'delete',
  );
}

/** The item-level part of a delete, shared by DeleteItem and a transaction's Delete. */
export function buildDelete(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  options?: ItemConditionOptions & MustExistOption,
  operation = 'delete',
): Delete {
  return finishItemWrite<Delete>(
    { TableName: table, Key: marshallKey(meta, key, operation) },
    meta,
    options,
    new ExpressionContext(),
  );
}
