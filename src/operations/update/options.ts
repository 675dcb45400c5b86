import type { MustExistOption, WriteOptions } from '../item-write/options';

/** Options of update. */
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
