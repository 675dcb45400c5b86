import { ValidationError } from '../errors/errors';
import type { ExpressionContext } from '../expressions/context';
import { compileConditions } from '../expressions/conditions';
import type { EntityMetadata } from '../metadata/entity-metadata';
import type { ConditionOptions, ReturnValues, WriteOptions } from './options';

/** The request fields every conditional write shares. */
interface WriteFields {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue>;
  ReturnValues?: string;
  ReturnValuesOnConditionCheckFailure?: string;
}

/**
 * Adds the condition (after `extra`, e.g. a version check), the placeholders, `ReturnValues` and
 * `ReturnValuesOnConditionCheckFailure` to a put/update/delete request.
 */
export function finishWrite<I extends WriteFields>(
  input: I,
  meta: EntityMetadata,
  options: WriteOptions | undefined,
  ctx: ExpressionContext,
  allowed: readonly ReturnValues[],
  operation: string,
  extra?: string,
): I {
  const condition = writeCondition(meta, options, ctx, extra);
  if (condition !== undefined) input.ConditionExpression = condition;
  Object.assign(input, ctx.attributes());
  const rv = returnValuesOf(options, allowed, operation);
  if (rv !== undefined) input.ReturnValues = rv;
  if (options?.returnItemOnConditionFail) input.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return input;
}

/** Checks `returnValues` against what the operation allows. */
export function returnValuesOf(options: WriteOptions | undefined, allowed: readonly ReturnValues[], operation: string): ReturnValues | undefined {
  const rv = options?.returnValues;
  if (rv === undefined) return undefined;
  if (!allowed.includes(rv)) throw new ValidationError(`${operation}: returnValues "${String(rv)}" is not valid here; use one of ${allowed.join(', ')}.`);
  return rv;
}

/** The ConditionExpression of a write, or undefined. `extra` clauses are ANDed in front. */
export function writeCondition(meta: EntityMetadata, options: ConditionOptions | undefined, ctx: ExpressionContext, extra?: string): string | undefined {
  const user = compileConditions(meta, options?.condition, options?.conditionOr, ctx, { label: 'condition' });
  if (extra === undefined) return user;
  if (user === undefined) return extra;
  return `${extra} AND (${user})`;
}
