import type { WriteOptions } from '../item-write/options';

/** Options of put. */
export interface PutOptions<T = unknown> extends WriteOptions<T> {
  returnValues?: 'NONE' | 'ALL_OLD';
}
