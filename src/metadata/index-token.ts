/**
 * Typed index handles. Decorators cannot change a class's type, so `orders.index('gsi-status')`
 * cannot know what the decorator `@GlobalIndex('gsi-status', { projection: [...] })` projects.
 * The decorator itself can: `GlobalIndex(...)` and `LocalIndex(...)` return a decorator that also
 * carries the index's name (at run time) and its keys and projection (as a type). Kept in a
 * constant, it decorates the class and opens the index with a typed `select()`:
 *
 * @example
 * const byStatus = GlobalIndex('gsi-status', { partitionKey: 'status', projection: ['total'] });
 * \@Table('orders') \@byStatus class Order { ... }
 * orders.index(byStatus).query({ status: 'NEW' }).select('total');   // select('region'): compile error
 */
import type { DocumentPathOf } from '../expressions/path-types';
import type { EntityData } from '../expressions/path-types';

declare const INDEX_INFO: unique symbol;

/** What an index decorator knows about its index, as types: key names and the projection literal. */
export interface IndexInfo {
  pk: string;
  sk: string;
  projection: unknown;
}

/** A typed index reference: an index decorator kept in a constant. */
export interface IndexToken<I extends IndexInfo = IndexInfo> {
  /** The index's name. */
  readonly indexName: string;
  /** @internal Type-only: never present at run time. */
  readonly [INDEX_INFO]?: I;
}

// Required top-level properties: the table's key properties are among them (DynamoDB stores the
// keys in every item), and the compiler cannot tell which they are (decorators do not change types).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type RequiredProperties<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T] & string;

type PathsUnder<T, H extends string> = Extract<DocumentPathOf<T>, H | `${H}.${string}` | `${H}[${string}`>;

/**
 * The paths `select()` takes on an index: everything for `'ALL'` (or no projection); for
 * `'KEYS_ONLY'` and a list, the index keys, the listed names and the class's required properties
 * (where the table keys are). Anything else is also refused at run time (`InvalidProjectionError`).
 */
export type IndexSelectable<T, I> = I extends {
  pk: infer PK extends string;
  sk: infer SK extends string;
  projection: infer P;
}
  ? P extends 'KEYS_ONLY'
    ? PathsUnder<T, PK | SK | RequiredProperties<EntityData<T>>>
    : P extends readonly (infer X extends string)[]
      ? PathsUnder<T, X | PK | SK | RequiredProperties<EntityData<T>>>
      : DocumentPathOf<T>
  : DocumentPathOf<T>;
