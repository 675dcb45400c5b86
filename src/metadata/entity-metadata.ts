import type { Constructor } from './records';
import type { SingleTableMeta } from './single-table-meta';

/** One attribute the metadata knows about: its property name, stored name and design type. */
export interface AttributeMeta {
  property: string;
  stored: string;
  designType?: unknown;
}

/** A resolved index. `projected` is null for `'ALL'`, else every property name the index holds. */
export interface IndexMeta {
  kind: 'global' | 'local';
  name: string;
  partitionKey: AttributeMeta;
  sortKey?: AttributeMeta;
  projection: 'ALL' | 'KEYS_ONLY' | readonly string[];
  /** Property names readable through the index (keys included); null when everything is. */
  projected: ReadonlySet<string> | null;
  /** Property names of every key attribute an item read through this index carries. */
  keyProperties: readonly string[];
}

/**
 * Everything a request needs about an entity class, computed once per class: names, keys,
 * indexes and the property <-> stored-name maps. Builders read it; nothing re-derives it.
 */
export interface EntityMetadata<T = unknown> {
  target: Constructor<T>;
  className: string;
  /** Table name without any client prefix. */
  tableName: string;
  partitionKey: AttributeMeta;
  sortKey?: AttributeMeta;
  /** Property names of the primary key, partition key first. */
  keyProperties: readonly string[];
  /** The primary key's attributes, partition key first (computed once; read on every key). */
  keyAttributes: readonly AttributeMeta[];
  indexes: ReadonlyMap<string, IndexMeta>;
  ttl?: AttributeMeta;
  version?: AttributeMeta;
  /** Every declared attribute by property name. */
  attributes: ReadonlyMap<string, AttributeMeta>;
  /** Property name -> stored name, only where they differ. */
  toStored: ReadonlyMap<string, string>;
  /** Stored name -> property name, only where they differ. */
  toProperty: ReadonlyMap<string, string>;
  /** Properties whose design type is `Date` (stored as ISO strings, read back as Dates). */
  dateProperties: ReadonlySet<string>;
  /**
   * Present for an `@Entity` of a table class (single-table design): its type and key templates.
   * The key fields above then hold the table's stored key attributes (property = stored name).
   */
  single?: SingleTableMeta;
}

/** Stored name of a top-level property (itself when not renamed). */
export function storedName(meta: EntityMetadata, property: string): string {
  return meta.toStored.get(property) ?? property;
}

/** Property name of a top-level stored attribute (itself when not renamed). */
export function propertyName(meta: EntityMetadata, stored: string): string {
  return meta.toProperty.get(stored) ?? stored;
}
