import { ValidationError } from '../errors/errors';
import type { AttributeMeta } from '../metadata/entity-metadata';
import type { ExpressionContext } from './context';
import { describe, ordered } from './conditions';
import { checkKeyValue } from '../marshalling/keys';
import {
  CONDITION_OPERATORS,
  OPERATOR_REGISTRY,
  type OperatorRegistry,
  type OperatorSpec,
  type SortKeyOperatorOf,
} from './registry';

/** Sort-key operators accepted by `where()`: the registry's `sortKey: true` entries. */
export const SORT_KEY_OPERATORS = CONDITION_OPERATORS.filter(
  (o) => OPERATOR_REGISTRY[o].sortKey,
) as readonly SortKeyOperator[];
export type SortKeyOperator = SortKeyOperatorOf;

/** Values a sort key can be compared with. */
export type SortKeyValue = string | number | bigint | Uint8Array;

type OnlyOne<K extends SortKeyOperator, V> = { readonly [P in K]: V } & {
  readonly [P in Exclude<SortKeyOperator, K>]?: never;
};

// What a sort-key operator takes, from its registry entry: a pair of key values, a prefix, or one key value.
type SortKeyOperand<O extends SortKeyOperator> = OperatorRegistry[O]['arity'] extends 'pair'
  ? readonly [SortKeyValue, SortKeyValue]
  : OperatorRegistry[O]['operand'] extends 'prefix'
    ? string | Uint8Array
    : SortKeyValue;

/**
 * `where()`'s argument: exactly one sort-key operator, e.g. `{ gte: 'ord_100' }`,
 * `{ between: [1, 9] }`, `{ begins_with: '2024-' }`. Two operators in one object do not compile.
 */
export type SortKeyCondition = { [O in SortKeyOperator]: OnlyOne<O, SortKeyOperand<O>> }[SortKeyOperator];

/** `#pk = :v` AND the optional sort-key clause. */
export function compileKeyCondition(
  partitionKey: AttributeMeta,
  partitionValue: unknown,
  sortKey: AttributeMeta | undefined,
  where: SortKeyCondition | undefined,
  ctx: ExpressionContext,
  scope: string,
): string {
  checkKeyValue(partitionKey, partitionValue, scope);
  const pk = `${ctx.name(partitionKey.stored)} = ${ctx.value(partitionValue, partitionKey.property)}`;
  if (where === undefined) return pk;
  const sk = ctx.name(sortKey!.stored);
  const [op, value] = Object.entries(where)[0] as [SortKeyOperator, unknown];
  checkSortKeyValue(sortKey!, op, value, scope);
  const prop = sortKey!.property;
  const spec: OperatorSpec = OPERATOR_REGISTRY[op];
  const operands = spec.arity === 'pair' ? (value as unknown[]) : [value];
  return `${pk} AND ${spec.render(
    sk,
    operands.map((v) => ctx.value(v, prop)),
    false,
  )}`;
}

/** Checks a sort-key operand: key type, a pair's arity and order, a prefix's type. */
function checkSortKeyValue(sortKey: AttributeMeta, op: SortKeyOperator, value: unknown, scope: string): void {
  const prop = sortKey.property;
  const spec: OperatorSpec = OPERATOR_REGISTRY[op];
  if (spec.arity === 'pair') {
    if (!Array.isArray(value) || value.length !== 2)
      throw new ValidationError(`where({ ${op} }) on "${prop}" takes [low, high], got ${describe(value)}.`);
    checkKeyValue(sortKey, value[0], scope);
    checkKeyValue(sortKey, value[1], scope);
    // DynamoDB rejects a KeyConditionExpression whose BETWEEN bounds are reversed.
    ordered(value[0], value[1], (why) => {
      throw new ValidationError(`where({ ${op} }) on "${prop}": ${why}`);
    });
    return;
  }
  checkKeyValue(sortKey, value, scope);
  if (spec.operand === 'prefix' && typeof value !== 'string' && !(value instanceof Uint8Array)) {
    throw new ValidationError(`where({ ${op} }) on "${prop}" takes a string or binary prefix, got ${describe(value)}.`);
  }
}

/** Validates `where()`'s argument at the call. */
export function checkSortKeyCondition(
  where: unknown,
  sortKey: AttributeMeta | undefined,
  scope: string,
): SortKeyCondition {
  if (!sortKey) {
    throw new ValidationError(`where() needs a sort key, and ${scope} has none. Use filter() for other attributes.`);
  }
  if (where === null || typeof where !== 'object' || Array.isArray(where)) {
    throw new ValidationError(
      `where() takes one sort-key condition like { gte: 'a' }; operators: ${SORT_KEY_OPERATORS.join(', ')}.`,
    );
  }
  const keys = Object.keys(where);
  if (keys.length !== 1) {
    throw new ValidationError(
      `where() takes exactly one sort-key condition on "${sortKey.property}", got ${keys.length}; operators: ${SORT_KEY_OPERATORS.join(', ')}.`,
    );
  }
  const op = keys[0] as SortKeyOperator;
  if (!SORT_KEY_OPERATORS.includes(op)) {
    throw new ValidationError(
      `where(): "${op}" is not a sort-key operator; use one of ${SORT_KEY_OPERATORS.join(', ')}.`,
    );
  }
  const value = (where as Record<string, unknown>)[op];
  if (value === undefined) throw new ValidationError(`where({ ${op} }): the value is undefined.`);
  // Checked here so a bad operand fails at the where() call, not when the request is built.
  checkSortKeyValue(sortKey, op, value, scope);
  return where as SortKeyCondition;
}
