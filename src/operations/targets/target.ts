import type { EntityMetadata } from '../../metadata/entity-metadata';
import type { Constructor } from '../../metadata/records';

/** An entity's table as operations see it: its metadata and full table name (a `Repository` is one). */
export interface TableTarget<T> {
  readonly metadata: EntityMetadata<T>;
  readonly tableName: string;
}

/** Where a cross-table operation writes or reads: a repository, or an entity class (its repository on this client). */
export type EntityTarget<T> = TableTarget<T> | Constructor<T>;

/** Turns a target into its table (the client's repository for classes). */
export type TargetResolver = <T>(target: EntityTarget<T>) => TableTarget<T>;

/** The distinct table names some requests touch, for logs and messages: `orders, users`. */
export function tableList(tables: readonly string[]): string {
  return [...new Set(tables)].join(', ');
}
