import 'reflect-metadata';
import type { LenientTyping } from '../expressions/type-options';
import type { IndexInfo, IndexToken } from './index-token';
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
type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * The type-level check of index key names against the decorated class. A decorator factory cannot
 * see the class it will decorate when its options are checked, so the names are inferred as
 * literals from the options and checked when the returned decorator is applied: a name the class
 * does not declare makes the application fail to compile (TS1238, naming the property), in the
 * default type mode (a class with an index signature accepts any name; so does the lenient mode,
 * `DkmioTypeOptions { undeclaredAttributes: 'allow' }`).
 * Names that are not literals (options built elsewhere as `string`) are not checked.
 */
export type IndexKeyCheck<I, N extends string> = string extends N
  ? unknown
  : LenientTyping extends true
    ? unknown
    : [Exclude<N, keyof I>] extends [never]
      ? unknown
      : { readonly 'dkmio: the index names a property the class does not declare': Exclude<N, keyof I> };

/** A class decorator that checks index key names `N` against the class it decorates. */
export type IndexDecorator<N extends string, I extends IndexInfo = IndexInfo> = (<C extends AnyClass>(target: C & IndexKeyCheck<InstanceType<C>, N>) => void) & IndexToken<I>;

type NamesOf<P> = P extends readonly (infer X extends string)[] ? X : never;

/** Attaches the index's name to its decorator, so the decorator is also a typed index reference (`orders.index(byStatus)`). */
function token<F extends object>(decorator: F, name: string): F {
  Object.defineProperty(decorator, 'indexName', { value: name, enumerable: true });
  return decorator;
}

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
 * Declares a global secondary index. Its key and projection names must be properties of the
 * class: a misspelled one does not compile (unless the class declares an index signature).
 * @example
 * \@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
 */
export function GlobalIndex<const PK extends string, const SK extends string = never, const P extends 'ALL' | 'KEYS_ONLY' | readonly string[] = 'ALL'>(
  name: string,
  options: { partitionKey: PK; sortKey?: SK; projection?: P },
): IndexDecorator<PK | SK | NamesOf<P>, { pk: PK; sk: SK; projection: P }>;
/** Declares a global secondary index of entity `T`: key and projection names are checked against `T`. */
export function GlobalIndex<T>(name: string, options: GlobalIndexOptions<T>): ClassDecoratorFn<T>;
export function GlobalIndex(name: string, options: GlobalIndexOptions): ClassDecoratorFn<unknown> {
  return token<ClassDecoratorFn<unknown>>((target) => {
    // Class decorators run bottom-up; unshift keeps the indexes in the order they are written.
    recordOf(target).indexes.unshift({
      kind: 'global',
      name,
      partitionKey: options?.partitionKey,
      sortKey: options?.sortKey,
      projection: options?.projection as Projection | undefined,
      raw: options,
    });
  }, name);
}

/**
 * Declares a local secondary index (same partition key as the table, another sort key). Its sort
 * key and projection names must be properties of the class: a misspelled one does not compile.
 * @example
 * \@LocalIndex('lsi-amount', { sortKey: 'total' })
 */
export function LocalIndex<const SK extends string, const P extends 'ALL' | 'KEYS_ONLY' | readonly string[] = 'ALL'>(
  name: string,
  options: { sortKey: SK; projection?: P },
): IndexDecorator<SK | NamesOf<P>, { pk: never; sk: SK; projection: P }>;
/** Declares a local secondary index of entity `T`: key and projection names are checked against `T`. */
export function LocalIndex<T>(name: string, options: LocalIndexOptions<T>): ClassDecoratorFn<T>;
export function LocalIndex(name: string, options: LocalIndexOptions): ClassDecoratorFn<unknown> {
  return token<ClassDecoratorFn<unknown>>((target) => {
    recordOf(target).indexes.unshift({
      kind: 'local',
      name,
      sortKey: options?.sortKey,
      projection: options?.projection as Projection | undefined,
      raw: options,
    });
  }, name);
}
