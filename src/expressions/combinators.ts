import { ValidationError } from '../errors/errors';
import type { ConditionObject } from './types';

/** A composed condition made by {@link and}, {@link or} or {@link not}. */
export class ConditionNode<T = unknown> {
  /** @internal */
  constructor(
    readonly kind: 'and' | 'or' | 'not',
    readonly items: readonly ConditionInput<T>[],
  ) {}
}

/** A condition: an operator object (`{ total__gt: 5 }`, entries ANDed) or a composed node. */
export type ConditionInput<T = unknown> = ConditionObject<T> | ConditionNode<T>;

function compose<T>(kind: 'and' | 'or', items: ConditionInput<T>[]): ConditionNode<T> {
  if (items.length === 0) throw new ValidationError(`${kind}() needs at least one condition.`);
  return new ConditionNode(kind, items);
}

/**
 * All of the conditions hold.
 * @example orders.scan().filter(and({ total__gt: 5 }, { status: 'NEW' }))
 */
export function and<T = unknown>(...conditions: ConditionInput<T>[]): ConditionNode<T> {
  return compose('and', conditions);
}

/**
 * At least one of the conditions holds.
 * @example orders.scan().filter(or({ status: 'A' }, { status: 'B' }))
 */
export function or<T = unknown>(...conditions: ConditionInput<T>[]): ConditionNode<T> {
  return compose('or', conditions);
}

/**
 * The condition does not hold.
 * @example orders.scan().filter(not({ tags__contains: 'x' }))
 */
export function not<T = unknown>(condition: ConditionInput<T>): ConditionNode<T> {
  if (condition === undefined || condition === null) throw new ValidationError('not() needs a condition.');
  return new ConditionNode('not', [condition]);
}
