import type { MustExistOption, WriteOptions } from '../item-write/options';

/** Options of delete. */
export interface DeleteOptions<T = unknown> extends WriteOptions<T>, MustExistOption {
  returnValues?: 'NONE' | 'ALL_OLD';
}
