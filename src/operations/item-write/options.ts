import type { ConditionInput } from '../../expressions/combinators';
import type { BaseOptions } from '../context';

/** `returnValues` of put/update/delete. */
export type ReturnValues = 'NONE' | 'ALL_OLD' | 'ALL_NEW' | 'UPDATED_OLD' | 'UPDATED_NEW';

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

/** `mustExist` of update/delete (alone or in a transaction). */
export interface MustExistOption {
  /**
   * The item must already exist: an absent one throws `ItemNotFoundError` (HTTP 404) instead of
   * being created (update) or silently ignored (delete). With a `condition` too, an absent item
   * is `ItemNotFoundError` and a present one failing the condition `ConditionError`.
   */
  mustExist?: boolean;
}
