import type { BaseOptions } from '../context';

/** Options of get. */
export interface GetOptions<K extends string = string> extends BaseOptions {
  /** Attributes to read (a projection). */
  select?: readonly K[];
  /** Strongly consistent read. */
  consistent?: boolean;
}
