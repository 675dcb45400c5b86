import type { MustExistOption, WriteOptions } from '../item-write/options';

/** Options of update. */
export interface UpdateOptions<T = unknown> extends WriteOptions<T>, MustExistOption {
  /** With `@Version()`: the version the stored item must have. */
  expectedVersion?: number;
}
