/**
 * The operator registry: every operator of the `property__operator` syntax, defined once. The
 * condition compiler (`conditions.ts`), the sort-key conditions of `where()` (`key-condition.ts`),
 * the key parser (`operators.ts`) and the type tables (`types.ts`, through `typeof OPERATOR_REGISTRY`)
 * are all derived from it, so a new operator is one entry here (plus its model in the test
 * reference evaluator, which a unit test holds to this registry).
 *
 * An entry says:
 * - `arity`: what the value is: `one` value, a `pair` `[low, high]`, a `list` (1 to 100 values),
 *   or a `flag` (`true`/`false`, no value sent);
 * - `operand`: what each value must be, at run time and in the type tables: `any` value (for a
 *   property of type `V`: `V`), an `element` of the property (substring, set member, list
 *   element), an `order`able value, a string or binary `prefix`, a `flag`, a DynamoDB `typeName`;
 * - `size`: whether it may follow `size` (`items__size__gt`), comparing `size(path)` with numbers;
 * - `sortKey`: whether `where()` takes it on a sort key;
 * - `render`: the DynamoDB expression, from the operand (a path or `size(path)`) and the value
 *   placeholders (`flag` operators get the flag instead).
 */

/** What an operator's value is made of. */
export type Arity = 'one' | 'pair' | 'list' | 'flag';

/** What each value of an operator must be (see the registry's header). */
export type OperandKind = 'any' | 'element' | 'order' | 'prefix' | 'flag' | 'typeName';

/** One operator's definition. */
export interface OperatorSpec {
  readonly arity: Arity;
  readonly operand: OperandKind;
  readonly size: boolean;
  readonly sortKey: boolean;
  /** The expression: `target` is the path (or `size(path)`), `values` the placeholders, `flag` a flag operator's value. */
  readonly render: (target: string, values: readonly string[], flag: boolean) => string;
}

const compare =
  (symbol: string) =>
  (target: string, [value]: readonly string[]): string =>
    `${target} ${symbol} ${value}`;

/** Every operator, in the order messages list them. */
export const OPERATOR_REGISTRY = {
  eq: { arity: 'one', operand: 'any', size: true, sortKey: true, render: compare('=') },
  neq: { arity: 'one', operand: 'any', size: true, sortKey: false, render: compare('<>') },
  gt: { arity: 'one', operand: 'order', size: true, sortKey: true, render: compare('>') },
  gte: { arity: 'one', operand: 'order', size: true, sortKey: true, render: compare('>=') },
  lt: { arity: 'one', operand: 'order', size: true, sortKey: true, render: compare('<') },
  lte: { arity: 'one', operand: 'order', size: true, sortKey: true, render: compare('<=') },
  between: {
    arity: 'pair',
    operand: 'order',
    size: true,
    sortKey: true,
    render: (target, [low, high]) => `${target} BETWEEN ${low} AND ${high}`,
  },
  begins_with: {
    arity: 'one',
    operand: 'prefix',
    size: false,
    sortKey: true,
    render: (target, [prefix]) => `begins_with(${target}, ${prefix})`,
  },
  not_begins_with: {
    arity: 'one',
    operand: 'prefix',
    size: false,
    sortKey: false,
    render: (target, [prefix]) => `NOT begins_with(${target}, ${prefix})`,
  },
  // Any value: DynamoDB looks for a substring, a set member, or a list element of any type
  // (`items__contains: { sku: 'a', qty: 1 }` on a list of maps).
  contains: {
    arity: 'one',
    operand: 'element',
    size: false,
    sortKey: false,
    render: (target, [value]) => `contains(${target}, ${value})`,
  },
  not_contains: {
    arity: 'one',
    operand: 'element',
    size: false,
    sortKey: false,
    render: (target, [value]) => `NOT contains(${target}, ${value})`,
  },
  exists: {
    arity: 'flag',
    operand: 'flag',
    size: false,
    sortKey: false,
    render: (target, _, flag) => `${flag ? 'attribute_exists' : 'attribute_not_exists'}(${target})`,
  },
  not_exists: {
    arity: 'flag',
    operand: 'flag',
    size: false,
    sortKey: false,
    render: (target, _, flag) => `${flag ? 'attribute_not_exists' : 'attribute_exists'}(${target})`,
  },
  in: {
    arity: 'list',
    operand: 'any',
    size: true,
    sortKey: false,
    render: (target, values) => `${target} IN (${values.join(', ')})`,
  },
  type: {
    arity: 'one',
    operand: 'typeName',
    size: false,
    sortKey: false,
    render: (target, [name]) => `attribute_type(${target}, ${name})`,
  },
} as const satisfies Record<string, OperatorSpec>;

export type OperatorRegistry = typeof OPERATOR_REGISTRY;

/** An operator of the registry (`size` is a prefix, not one of them). */
export type ConditionOperator = keyof OperatorRegistry;

/** The registry's operators that may follow `size`. */
export type SizeableOperator = {
  [O in ConditionOperator]: OperatorRegistry[O]['size'] extends true ? O : never;
}[ConditionOperator];

/** The registry's operators that `where()` takes on a sort key. */
export type SortKeyOperatorOf = {
  [O in ConditionOperator]: OperatorRegistry[O]['sortKey'] extends true ? O : never;
}[ConditionOperator];

/** The registry's operator names, in order. */
export const CONDITION_OPERATORS = Object.keys(OPERATOR_REGISTRY) as ConditionOperator[];

/** The definition of operator `op` (an entry of the registry). */
export function operatorSpec(op: ConditionOperator): OperatorSpec {
  return OPERATOR_REGISTRY[op];
}
