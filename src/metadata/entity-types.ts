import type { EntityData } from '../expressions/path-types';
import type { UndeclaredAttributes } from '../expressions/type-options';

export type { EntityData };

/** The types a key attribute can have (DynamoDB keys are strings, numbers or binaries). */
export type KeyValue = string | number | bigint | Uint8Array;

/**
 * A primary key of `T`: its properties whose type can be a key type. Which of them form the key
 * is known only at run time (decorators do not change types), so a missing part or an extra
 * attribute is a runtime `MissingKeyError`/`ValidationError`; a misspelled name or a value of
 * the wrong type is a compile error.
 */
export type KeyInput<T> = {
  readonly [
    K in keyof EntityData<T> as [Exclude<EntityData<T>[K], undefined | null>] extends [KeyValue] ? K : never
  ]?: Exclude<EntityData<T>[K], undefined | null>;
};

/**
 * An item to put: the entity's data properties (the key ones are checked at run time).
 * Attributes the class does not declare go through `free()`: `put({ ...order, ...free({ extra: 1 }) })`.
 */
// `T` itself (a class instance) and interface-typed data have no implicit index signature, so they
// are members of their own; the intersection takes object literals with undeclared attributes.
export type ItemInput<T> =
  T | Readonly<Partial<EntityData<T>>> | (Readonly<Partial<EntityData<T>>> & UndeclaredAttributes);

/** A property name of `T`. */
export type PropertyName<T> = Extract<keyof EntityData<T>, string>;

/** One page of a query or scan. */
export interface Page<R> {
  items: R[];
  /** Where the next page starts (pass to `startFrom()`); undefined on the last page. */
  lastKey?: Record<string, unknown>;
  /** `lastKey` as an opaque URL-safe string for HTTP APIs; undefined on the last page. */
  cursor?: string;
  /** Items in this result (after the filter). */
  count: number;
  /** Items DynamoDB read before the filter. */
  scannedCount: number;
}

/** What `explain()` returns: the request, not sent. */
export interface Explained {
  operation: 'Query' | 'Scan';
  table: string;
  index?: string;
  keyCondition?: string;
  filter?: string;
  projection?: string;
  /** Placeholder -> stored attribute name. */
  expressionAttributeNames: Record<string, string>;
  /** Placeholder -> plain JS value. */
  expressionAttributeValues: Record<string, unknown>;
  limit?: number;
  scanForward?: boolean;
  consistent?: boolean;
  segment?: number;
  totalSegments?: number;
  /** The exact low-level request that would be sent (marshalled values). */
  request: Record<string, unknown>;
}
