import type { DeleteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/context';
import { marshallKey } from '../expressions/keys';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { finishWrite } from './common';
import type { DeleteOptions } from './options';

/** DeleteItem request for `key`. */
export function buildDeleteItem(meta: EntityMetadata, table: string, key: unknown, options?: DeleteOptions): DeleteItemCommandInput {
  const input: DeleteItemCommandInput = { TableName: table, Key: marshallKey(meta, key, 'delete') };
  return finishWrite(input, meta, options, new ExpressionContext(), ['NONE', 'ALL_OLD'], 'delete');
}
