import { ValidationError } from '../errors/errors';
import type { ExpressionContext } from '../expressions/context';
import { compileConditions } from '../expressions/conditions';
import type { EntityMetadata } from '../metadata/entity-metadata';
import type { ReturnValues } from './options';

/** Checks `returnValues` against what the operation allows. */
export function returnValuesOf(options: { returnValues?: ReturnValues } | undefined, allowed: readonly ReturnValues[], operation: string): ReturnValues | undefined {
  const rv = options?.returnValues;
  if (rv === undefined) return undefined;
  if (!allowed.includes(rv)) throw new ValidationError(`${operation}: returnValues "${String(rv)}" is not valid here; use one of ${allowed.join(', ')}.`);
  return rv;
}

/** The ConditionExpression of a write, or undefined. `extra` clauses are ANDed in front. */
// `options` is structural on purpose: any entity's `WriteOptions<T>` fits without the checker
// relating its typed conditions (see compileConditions).
export function writeCondition(meta: EntityMetadata, options: { condition?: unknown; conditionOr?: unknown } | undefined, ctx: ExpressionContext, extra?: string): string | undefined {
  const user = compileConditions(meta, options?.condition, options?.conditionOr, ctx, { label: 'condition' });
  if (extra === undefined) return user;
  if (user === undefined) return extra;
  return `${extra} AND (${user})`;
}
