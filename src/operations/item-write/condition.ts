import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import type { ExpressionContext } from '../../expressions/context';
import { compileConditions } from '../../expressions/conditions';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import type { ItemConditionOptions, MustExistOption, ReturnValues, WriteOptions } from './options';

/** The request fields every conditional write shares (single-item or inside a transaction). */
interface ConditionalWriteFields {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ReturnValuesOnConditionCheckFailure?: string;
}

/**
 * Adds the condition (after `extra`, e.g. a version check), the placeholders and
 * `ReturnValuesOnConditionCheckFailure` to a put/update/delete: the item-level part shared by
 * single-item writes and transaction items.
 */
export function finishItemWrite<I extends ConditionalWriteFields>(
  input: I,
  meta: EntityMetadata,
  options: (ItemConditionOptions & MustExistOption) | undefined,
  ctx: ExpressionContext,
  extra?: string,
): I {
  // mustExist: `attribute_exists(<partition key>)` in front. When other clauses follow, the stored
  // item is asked for on a failed check: none returned means absent, one returned means present
  // but failing the rest (see Repository.update/delete).
  const exists = options?.mustExist ? `attribute_exists(${ctx.name(meta.partitionKey.stored)})` : undefined;
  let front = exists === undefined ? extra : extra === undefined ? exists : `${exists} AND ${extra}`;
  // Single-table entities: no write clobbers an item of another type.
  const guard = meta.single ? `(${typeGuard(meta, ctx)})` : undefined;
  if (guard !== undefined) front = front === undefined ? guard : `${guard} AND ${front}`;
  let condition = writeCondition(meta, options, ctx, front);
  // The guard alone needs no parentheses.
  if (guard !== undefined && condition === guard) condition = guard.slice(1, -1);
  if (condition !== undefined) input.ConditionExpression = condition;
  Object.assign(input, ctx.attributes());
  if (options?.returnItemOnConditionFail || (exists !== undefined && condition !== exists))
    input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return input;
}

/** `attribute_not_exists(pk) OR _type = :type`: the item is absent or of this entity's type (parenthesize it to combine). */
export function typeGuard(meta: EntityMetadata, ctx: ExpressionContext): string {
  const single = meta.single!;
  return `attribute_not_exists(${ctx.name(meta.partitionKey.stored)}) OR ${ctx.name(single.typeAttribute)} = ${ctx.value(single.type, single.typeAttribute)}`;
}

/** Adds `ReturnValues` (checked against what the operation allows) to a single-item write. */
export function withReturnValues<I extends { ReturnValues?: string }>(
  input: I,
  options: WriteOptions | undefined,
  allowed: readonly ReturnValues[],
  operation: string,
): I {
  const rv = returnValuesOf(options, allowed, operation);
  if (rv !== undefined) input.ReturnValues = rv;
  return input;
}

/** Checks `returnValues` against what the operation allows. */
export function returnValuesOf(
  options: { returnValues?: ReturnValues } | undefined,
  allowed: readonly ReturnValues[],
  operation: string,
): ReturnValues | undefined {
  const rv = options?.returnValues;
  if (rv === undefined) return undefined;
  if (!allowed.includes(rv))
    throw new ValidationError(
      `${operation}: returnValues "${String(rv)}" is not valid here; use one of ${allowed.join(', ')}.`,
    );
  return rv;
}

/** The ConditionExpression of a write, or undefined. `extra` clauses are ANDed in front. */
// `options` is structural on purpose: any entity's `WriteOptions<T>` fits without the checker
// relating its typed conditions (see compileConditions).
export function writeCondition(
  meta: EntityMetadata,
  options: { condition?: unknown; conditionOr?: unknown } | undefined,
  ctx: ExpressionContext,
  extra?: string,
): string | undefined {
  const user = compileConditions(meta, options?.condition, options?.conditionOr, ctx, { label: 'condition' });
  if (extra === undefined) return user;
  if (user === undefined) return extra;
  return `${extra} AND (${user})`;
}
