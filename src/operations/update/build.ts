import type { AttributeValue, Update, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import { ExpressionContext } from '../../expressions/context';
import { marshallKey } from '../../marshalling/keys';
import { compileUpdate, type ExtraSet, type UpdateActions } from '../../expressions/update';
import {
  attributeValueSize,
  checkItemSize,
  itemSize,
  mapUpperBound,
  MAX_ITEM_BYTES,
} from '../../marshalling/item-size';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { finishItemWrite, withReturnValues } from '../item-write/condition';
import type { ItemConditionOptions, MustExistOption } from '../item-write/options';
import type { UpdateOptions } from './options';
import { templateUpdate } from './single-table';

/** UpdateItem request. With `@Version()`, every update increments the version. */
export function buildUpdateItem(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  actions: UpdateActions,
  options?: UpdateOptions,
): UpdateItemCommandInput {
  return withReturnValues<UpdateItemCommandInput>(
    buildUpdate(meta, table, key, actions, options),
    options,
    ['NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'],
    'update',
  );
}

/**
 * The item-level part of an update, shared by UpdateItem and a transaction's Update: key, update
 * expression (with the `@Version()` increment) and condition (with the expected version).
 */
export function buildUpdate(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  actions: UpdateActions,
  options?: ItemConditionOptions & MustExistOption & { expectedVersion?: number; compose?: unknown },
  operation = 'update',
): Update {
  const Key = marshallKey(meta, key, operation);
  const ctx = new ExpressionContext();
  const extra: ExtraSet[] = [];
  let versionClause: string | undefined;
  if (meta.version) {
    const zero = ctx.rawValue({ N: '0' });
    const one = ctx.rawValue({ N: '1' });
    extra.push({
      path: meta.version.property,
      label: '@Version() increment',
      expr: (p) => `${p} = if_not_exists(${p}, ${zero}) + ${one}`,
    });
    if (options?.expectedVersion !== undefined) {
      const ev = options.expectedVersion;
      if (typeof ev !== 'number' || !Number.isInteger(ev))
        throw new ValidationError(`${operation} on ${meta.className}: expectedVersion must be an integer.`);
      versionClause = `${ctx.name(meta.version.stored)} = ${ctx.value(ev, meta.version.property)}`;
    }
  } else if (options?.expectedVersion !== undefined) {
    throw new ValidationError(
      `${operation} on ${meta.className}: expectedVersion needs a @Version() property on the class.`,
    );
  }
  if (meta.single) {
    // Single-table entities: key-source rules, recomposed index keys, `compose` checks (single-table/update.ts).
    const t = templateUpdate(meta, key as Record<string, unknown>, actions, options, ctx, operation);
    actions = t.actions;
    extra.push(...t.sets);
    if (t.condition !== undefined)
      versionClause = versionClause === undefined ? t.condition : `${t.condition} AND ${versionClause}`;
  }
  const UpdateExpression = compileUpdate(meta, actions, ctx, extra);
  const update: Update = { TableName: table, Key, UpdateExpression };
  finishItemWrite(update, meta, options, ctx, versionClause);
  // The stored item is not known here, but the key and the values this update writes are part of
  // it: over 400 KB together, DynamoDB is certain to refuse the update.
  const values = update.ExpressionAttributeValues ?? {};
  if (mapUpperBound(Key) + mapUpperBound(values) > MAX_ITEM_BYTES) {
    checkItemSize(
      itemSize(Key) + valuesSize(values),
      `${operation} on ${meta.className}: the key and the values it writes`,
    );
  }
  return update;
}

function valuesSize(values: Record<string, AttributeValue>): number {
  let n = 0;
  for (const v of Object.values(values)) n += attributeValueSize(v);
  return n;
}
