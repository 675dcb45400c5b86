import type { ConditionInput } from '../expressions/combinators';

/** `returnValues` of put/update/delete. */
export type ReturnValues = 'NONE' | 'ALL_OLD' | 'ALL_NEW' | 'UPDATED_OLD' | 'UPDATED_NEW';

/** Options every operation takes. */
export interface BaseOptions {
  /** Cancels the operation. */
  signal?: AbortSignal;
}

/** Conditions of a write: `condition` AND (`conditionOr[0]` OR `conditionOr[1]` ...). */
export interface ConditionOptions<T = unknown> {
  /** Entries ANDed (or a composed and/or/not). */
  condition?: ConditionInput<T>;
  /** Groups ORed; each group is an AND. */
  conditionOr?: readonly ConditionInput<T>[];
}

/** What a single write says about its item, alone or inside a transaction: conditions and what to return when they fail. */
export interface ItemConditionOptions<T = unknown> extends ConditionOptions<T> {
  /**
   * On a failed condition, hand back the stored item: on `ConditionError.item` for a single
   * write, on the failing entry of `TransactionError.reasons` (`item`) in a transaction.
   */
  returnItemOnConditionFail?: boolean;
}

/** Options of put/update/delete. */
export interface WriteOptions<T = unknown> extends BaseOptions, ItemConditionOptions<T> {
  returnValues?: ReturnValues;
}

export interface PutOptions<T = unknown> extends WriteOptions<T> {
  returnValues?: 'NONE' | 'ALL_OLD';
}

/** `mustExist` of update/delete (alone or in a transaction). */
export interface MustExistOption {
  /**
   * The item must already exist: an absent one throws `ItemNotFoundError` (HTTP 404) instead of
   * being created (update) or silently ignored (delete). With a `condition` too, an absent item
   * is `ItemNotFoundError` and a present one failing the condition `ConditionError`.
   */
  mustExist?: boolean;
}

export interface DeleteOptions<T = unknown> extends WriteOptions<T>, MustExistOption {
  returnValues?: 'NONE' | 'ALL_OLD';
}

export interface UpdateOptions<T = unknown> extends WriteOptions<T>, MustExistOption {
  /** With `@Version()`: the version the stored item must have. */
  expectedVersion?: number;
  /**
   * Single-table entities: stored values of the other sources of an index key this update
   * recomposes (checked as a condition, so a stale value fails instead of writing a wrong key).
   * @example orders.update(key, { set: { status: 'PAID' } }, { compose: { region: 'eu' } })
   */
  compose?: { readonly [K in keyof T]?: T[K] };
}

/** Options of get. */
export interface GetOptions<K extends string = string> extends BaseOptions {
  /** Attributes to read (a projection). */
  select?: readonly K[];
  /** Strongly consistent read. */
  consistent?: boolean;
}
