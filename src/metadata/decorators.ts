import 'reflect-metadata';
import { propertyRecord, recordOf, type Projection, type PropertyRecord } from './records';

/** Options of the attribute decorators. */
export interface AttributeOptions {
  /** The attribute's name in the table when it differs from the property name. */
  name?: string;
  /**
   * The DynamoDB scalar type (`'S'`, `'N'` or `'B'`), for builds that record no `design:type`
   * (esbuild, swc, tsx) or for a property whose TypeScript type is a union. It wins over the
   * recorded type for `createTables` and for key type checks.
   */
  type?: 'S' | 'N' | 'B';
}

const SCALAR_CONSTRUCTORS: Record<string, unknown> = { S: String, N: Number, B: Uint8Array };

/** Options of `@Table` in object form. */
export interface TableOptions {
  name: string;
}

/** Options of `@GlobalIndex`. Key names are property names. */
export interface GlobalIndexOptions<T = unknown> {
  partitionKey: IndexKeyName<T>;
  sortKey?: IndexKeyName<T>;
  /** `'ALL'` (default), `'KEYS_ONLY'`, or the property names to include. */
  projection?: 'ALL' | 'KEYS_ONLY' | readonly IndexKeyName<T>[];
}

/** Options of `@LocalIndex`: the partition key is the table's. */
export interface LocalIndexOptions<T = unknown> {
  sortKey: IndexKeyName<T>;
  projection?: 'ALL' | 'KEYS_ONLY' | readonly IndexKeyName<T>[];
}

/** A property name of `T` (any string when `T` is not known). */
export type IndexKeyName<T> = unknown extends T ? string : Extract<keyof T, string>;

type PropertyDecoratorFn = (target: object, propertyKey: string | symbol) => void;
type ClassDecoratorFn<T> = (target: abstract new (...args: never[]) => T) => void;

function record(target: object, key: string | symbol, role: PropertyRecord['roles'][number], options?: AttributeOptions): void {
  const property = String(key);
  const p = propertyRecord(target.constructor, property);
  p.roles.push(role);
  if (options?.name !== undefined) p.name = options.name;
  if (options?.type !== undefined) {
    // Checked here, at class definition, because nothing else would notice a typo like 'String'.
    const ctor = SCALAR_CONSTRUCTORS[options.type];
    if (ctor === undefined) {
      throw new TypeError(`@${role === 'attribute' ? 'Attribute' : role[0]!.toUpperCase() + role.slice(1)}({ type }) on "${property}" must be 'S', 'N' or 'B', got ${JSON.stringify(options.type)}.`);
    }
    p.designType = ctor;
    return;
  }
  const designType: unknown = Reflect.getMetadata('design:type', target, key);
  if (designType !== undefined && p.designType === undefined) p.designType = designType;
}

/**
 * Names the DynamoDB table a class maps to.
 * @example
 * \@Table('orders') class Order { ... }
 */
export function Table(nameOrOptions: string | TableOptions): ClassDecorator {
  return (target) => {
    const r = recordOf(target);
    r.hasTable = true;
    r.tableName = typeof nameOrOptions === 'string' ? nameOrOptions : nameOrOptions?.name;
  };
}

/** Marks the partition (hash) key property. */
export function PartitionKey(options?: AttributeOptions): PropertyDecoratorFn {
  return (target, key) => record(target, key, 'partitionKey', options);
}

/** Marks the sort (range) key property. */
export function SortKey(options?: AttributeOptions): PropertyDecoratorFn {
  return (target, key) => record(target, key, 'sortKey', options);
}

/** Marks the TTL attribute (epoch seconds); `createTables` enables TTL on it. */
export function Ttl(options?: AttributeOptions): PropertyDecoratorFn {
  return (target, key) => record(target, key, 'ttl', options);
}

/** Marks the optimistic-locking version attribute (a number). */
export function Version(options?: AttributeOptions): PropertyDecoratorFn {
  return (target, key) => record(target, key, 'version', options);
}

/**
 * Declares a property: records its design type (for `createTables`) and, with `name`,
 * the stored attribute name. Undecorated properties are stored under their own name.
 */
export function Attribute(options?: AttributeOptions): PropertyDecoratorFn {
  return (target, key) => record(target, key, 'attribute', options);
}

/**
 * Declares a global secondary index.
 * @example
 * \@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
 */
export function GlobalIndex<T = unknown>(name: string, options: GlobalIndexOptions<T>): ClassDecoratorFn<T> {
  return (target) => {
    // Class decorators run bottom-up; unshift keeps the indexes in the order they are written.
    recordOf(target).indexes.unshift({
      kind: 'global',
      name,
      partitionKey: options?.partitionKey,
      sortKey: options?.sortKey,
      projection: options?.projection as Projection | undefined,
      raw: options,
    });
  };
}

/**
 * Declares a local secondary index (same partition key as the table, another sort key).
 * @example
 * \@LocalIndex('lsi-amount', { sortKey: 'total' })
 */
export function LocalIndex<T = unknown>(name: string, options: LocalIndexOptions<T>): ClassDecoratorFn<T> {
  return (target) => {
    recordOf(target).indexes.unshift({
      kind: 'local',
      name,
      sortKey: options?.sortKey,
      projection: options?.projection as Projection | undefined,
      raw: options,
    });
  };
}
