/** The data properties of an entity (methods left out). */
export type EntityData<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/** A primary key of `T`: the key properties (exactly those are checked at run time). */
export type KeyInput<T> = Readonly<Partial<EntityData<T>>>;

/** An item to put: the entity's data properties (the key ones are checked at run time). */
export type ItemInput<T> = Readonly<Partial<EntityData<T>>>;

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
