import type {
  AttributeValue,
  ConditionCheck,
  TransactWriteItem,
  TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import { ExpressionContext } from '../../expressions/context';
import { marshallKey } from '../../marshalling/keys';
import type { UpdateActions } from '../../expressions/update';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { typeGuard, writeCondition } from '../item-write/condition';
import { buildDelete } from '../delete/build';
import type { ItemConditionOptions, MustExistOption } from '../item-write/options';
import { buildPut } from '../put/build';
import { buildUpdate } from '../update/build';

/** DynamoDB's limit of items per transaction (TransactWriteItems and TransactGetItems). */
export const TRANSACTION_LIMIT = 100;

/** A transaction's put: the same item-level request as `put()`, without `returnValues`. */
export function buildTransactPut(
  meta: EntityMetadata,
  table: string,
  item: unknown,
  options?: ItemConditionOptions,
): TransactWriteItem {
  return { Put: buildPut(meta, table, item, options, 'tx.put') };
}

/** A transaction's update: the same item-level request as `update()`, without `returnValues`. */
export function buildTransactUpdate(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  actions: UpdateActions,
  options?: ItemConditionOptions & MustExistOption & { expectedVersion?: number },
): TransactWriteItem {
  return { Update: buildUpdate(meta, table, key, actions, options, 'tx.update') };
}

/** A transaction's delete. */
export function buildTransactDelete(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  options?: ItemConditionOptions & MustExistOption,
): TransactWriteItem {
  return { Delete: buildDelete(meta, table, key, options, 'tx.delete') };
}

/** A transaction's condition check: a condition on an item that the transaction does not write. */
export function buildConditionCheck(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  options: ItemConditionOptions,
): TransactWriteItem {
  const Key = marshallKey(meta, key, 'tx.conditionCheck');
  const ctx = new ExpressionContext();
  // Single-table entities: the check holds only for an item of this entity's type.
  const guard = meta.single ? `(${typeGuard(meta, ctx)})` : undefined;
  const condition = writeCondition(meta, options, ctx, guard);
  if (condition === undefined || condition === guard) {
    throw new ValidationError(
      `tx.conditionCheck on ${meta.className} needs a condition or conditionOr, e.g. { condition: { status__eq: 'ACTIVE' } }.`,
    );
  }
  const check: ConditionCheck = { TableName: table, Key, ConditionExpression: condition, ...ctx.attributes() };
  if (options.returnItemOnConditionFail) check.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return { ConditionCheck: check };
}

/** The TransactWriteItems request. */
export function buildTransactWriteItems(
  items: readonly TransactWriteItem[],
  clientRequestToken?: string,
): TransactWriteItemsCommandInput {
  checkTransactionSize(items.length, 'transactWrite');
  const input: TransactWriteItemsCommandInput = { TransactItems: [...items] };
  if (clientRequestToken !== undefined) {
    if (typeof clientRequestToken !== 'string' || clientRequestToken.length < 1 || clientRequestToken.length > 36) {
      throw new ValidationError(
        "transactWrite clientRequestToken must be a string of 1 to 36 characters (DynamoDB's limit), e.g. a UUID.",
      );
    }
    input.ClientRequestToken = clientRequestToken;
  }
  return input;
}

/** Refuses an empty transaction and one over {@link TRANSACTION_LIMIT} items. */
export function checkTransactionSize(count: number, operation: string): void {
  if (count === 0) throw new ValidationError(`${operation} has no item; add at least one operation in its callback.`);
  if (count > TRANSACTION_LIMIT) {
    throw new ValidationError(
      `${operation} has ${count} items; DynamoDB allows at most ${TRANSACTION_LIMIT} per transaction. Split it into several transactions.`,
    );
  }
}

/** The key of the item a transaction write touches (for the duplicate check). */
export function touchedKey(item: TransactWriteItem): Record<string, AttributeValue> {
  return item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key ?? item.ConditionCheck?.Key ?? {};
}
