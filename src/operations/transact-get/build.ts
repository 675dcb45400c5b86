import type { TransactGetItem, TransactGetItemsCommandInput } from '@aws-sdk/client-dynamodb';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { buildGetItem } from '../get/build';
import { checkTransactionSize } from '../transact-write/build';

/** One read of a transaction: the same key and projection as `get()` (transactional reads are always consistent). */
export function buildTransactGet(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  select?: readonly string[],
): TransactGetItem {
  const { TableName, Key, ProjectionExpression, ExpressionAttributeNames } = buildGetItem(
    meta,
    table,
    key,
    select === undefined ? undefined : { select },
    'tx.get',
  );
  const get: TransactGetItem['Get'] = { TableName, Key };
  if (ProjectionExpression !== undefined) get.ProjectionExpression = ProjectionExpression;
  if (ExpressionAttributeNames !== undefined) get.ExpressionAttributeNames = ExpressionAttributeNames;
  return { Get: get };
}

/** The TransactGetItems request. */
export function buildTransactGetItems(items: readonly TransactGetItem[]): TransactGetItemsCommandInput {
  checkTransactionSize(items.length, 'transactGet');
  return { TransactItems: [...items] };
}
