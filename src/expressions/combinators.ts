import { ValidationError } from '../errors/errors';
import type { ConditionObject, FreeCondition } from './types';

/**
 * A composed condition made by {@link and}, {@link or} or {@link not}. `T` is the entity its
 * operator objects were checked against (`unknown`: not checked).
 */
// The interface merged below adds a type-only member carrying `T` (never present at run time).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-unused-vars
export class ConditionNode<T = unknown> {
  /** @internal */
  constructor(
    readonly kind: 'and' | 'or' | 'not',
    readonly items: readonly ConditionInput[],
  ) {}
}

// A phantom, type-only member carrying `T`. Method syntax makes it bivariant: a node checked for
// `Order` or an unchecked one (`T = unknown`) fits where `Order` is expected, a node checked for
// another entity does not, and generic code can pass `ConditionNode<T>` on as `ConditionNode`.
declare const ENTITY: unique symbol;

export interface ConditionNode<T> {
  /** Type-only: never present at run time (kept in the published types: it carries `T`). */
  [ENTITY]?(entity: T): void;
}

/**
 * A condition: an operator object (`{ total__gt: 5 }`, entries ANDed), a composed node, or a
 * `free()` object (not checked against the entity type).
 */
export type ConditionInput<T = unknown> = ConditionObject<T> | ConditionNode<T> | FreeCondition;

// Items are taken as `unknown[]`: relating `ConditionInput<NoInferHere<T>>` to `ConditionInput` for a
// generic `T` makes the checker expand the entity types, which is slow. The compiler validates
// every item at run time anyway.
function compose<T>(kind: 'and' | 'or', items: readonly unknown[]): ConditionNode<T> {
  if (items.length === 0) throw new ValidationError(`${kind}() needs at least one condition.`);
  return new ConditionNode<T>(kind, items as readonly ConditionInput[]);
}

// The entity type comes only from where the node is used (`filter(or(...))` checks against the
// builder's entity), never from the operator objects themselves; a node built on its own is
// unchecked unless given the entity: `or<Order>(...)`. `NoInferHere<T>` blocks inference from the
// arguments like the built-in `NoInfer<T>`, which measured ~7k more type instantiations per
// entity (its substitution types defeat the checker's cache of the entity's condition type).
type NoInferHere<T> = [T][T extends unknown ? 0 : never];

/**
 * All of the conditions hold.
 * @example orders.scan().filter(and({ total__gt: 5 }, { status: 'NEW' }))
 */
export function and<T = unknown>(...conditions: ConditionInput<NoInferHere<T>>[]): ConditionNode<T> {
  return compose<T>('and', conditions);
}

/**
 * At least one of the conditions holds.
 * @example orders.scan().filter(or({ status: 'A' }, { status: 'B' }))
 */
export function or<T = unknown>(...conditions: ConditionInput<NoInferHere<T>>[]): ConditionNode<T> {
  return compose<T>('or', conditions);
}

/**
 * The condition does not hold.
 * @example orders.scan().filter(not({ tags__contains: 'x' }))
 */
export function not<T = unknown>(condition: ConditionInput<NoInferHere<T>>): ConditionNode<T> {
  if (condition === undefined || condition === null) throw new ValidationError('not() needs a condition.');
  const item: unknown = condition;
  return new ConditionNode<T>('not', [item as ConditionInput]);
}
