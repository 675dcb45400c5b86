import 'reflect-metadata';
import type { LenientTyping } from '../expressions/type-options';
import type { IndexInfo, IndexToken } from './index-token';
import type { TableClassDecorator, TableClassOptions } from './table-class';
import type { KeyNames } from './entity';
import { InvalidDefinitionError } from '../errors/errors';
import {
  linkMetadata,
  propertyRecord,
  propertyRecordIn,
  recordOf,
  recordOfMetadata,
  type EntityRecord,
  type PropertyRecord,
} from './records';

// Standard decorators receive `context.metadata` only where `Symbol.metadata` exists (the
// compiled class looks it up when it is defined); Node 20 and 22 do not define it yet. This
// module is loaded before any entity class that uses its decorators, so defining it here is in
// time; the registered symbol matches what other libraries' polyfills use.
(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata');

/** Options of the attribute decorators. */
export interface AttributeOptions {
  /** The attribute's name in the table when it differs from the property name. */
  name?: string;
  /**
   * What the property holds, for builds that record no `design:type` (standard decorators,
   * esbuild, swc, tsx, Bun) or for a property whose TypeScript type is a union. It wins over the
   * recorded type for `createTables`, key type checks and reads:
   * - `'S'`, `'N'`, `'B'` (or `String`, `Number`, `Uint8Array`): the DynamoDB scalar type;
   * - `Date`: stored as an ISO string and read back as a `Date`;
   * - `Boolean`: a boolean (never a key).
   */
  type?: AttributeType;
}

/** The values `@Attribute({ type })` and the key decorators' `type` option take. */
export type AttributeType =
  | 'S'
  | 'N'
  | 'B'
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | DateConstructor
  | Uint8ArrayConstructor;

const TYPE_OPTIONS = new Map<unknown, unknown>([
  ['S', String],
  ['N', Number],
  ['B', Uint8Array],
  [String, String],
  [Number, Number],
  [Boolean, Boolean],
  [Date, Date],
  [Uint8Array, Uint8Array],
]);

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

/**
 * A property decorator of either dialect: legacy (`experimentalDecorators`: called with the
 * prototype and the property key) and standard (TC39: called with `undefined` and a field context).
 */
export type PropertyDecoratorFn = (
  target: object | undefined,
  context: string | symbol | ClassFieldDecoratorContext<unknown, unknown>,
) => void;
/** A class decorator of either dialect (standard decorators also pass a context). */
export type EntityClassDecorator = (target: Function, context?: ClassDecoratorContext) => void;
type ClassDecoratorFn<T> = (target: abstract new (...args: never[]) => T, context?: ClassDecoratorContext) => void;
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
export type IndexDecorator<N extends string, I extends IndexInfo = IndexInfo> = (<C extends AnyClass>(
  target: C & IndexKeyCheck<InstanceType<C>, N>,
  context?: ClassDecoratorContext,
) => void) &
  IndexToken<I>;

type NamesOf<P> = P extends readonly (infer X extends string)[] ? X : never;

/** Attaches the index's name to its decorator, so the decorator is also a typed index reference (`orders.index(byStatus)`). */
function token<F extends object>(decorator: F, name: string): F {
  Object.defineProperty(decorator, 'indexName', { value: name, enumerable: true });
  return decorator;
}

type Role = PropertyRecord['roles'][number];

const DECORATOR_NAMES: Record<Role, string> = {
  partitionKey: '@PartitionKey()',
  sortKey: '@SortKey()',
  ttl: '@Ttl()',
  version: '@Version()',
  attribute: '@Attribute()',
};

/** A standard (TC39) decorator context, as far as dkmio reads it. */
interface StandardContext {
  kind: string;
  name?: string | symbol;
  static?: boolean;
  private?: boolean;
  metadata?: object;
}

function isStandardContext(value: unknown): value is StandardContext {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

const describeKey = (key: unknown) => (typeof key === 'symbol' ? key.toString() : `"${String(key)}"`);
const FIELD_HINT =
  'dkmio decorators go on instance data properties (class fields such as `@Attribute() total?: number;`)';

/**
 * A property decorator's one body for both dialects, told apart by what the call receives:
 * `(prototype, key, descriptor?)` is legacy, `(undefined, { kind: 'field', ... })` is standard.
 * Anything else (a method, an accessor, a static or private field, a class) is an
 * InvalidDefinitionError naming the decorator, the member and what to do instead.
 */
function propertyDecorator(role: Role, options: AttributeOptions | undefined): PropertyDecoratorFn {
  const decorator = DECORATOR_NAMES[role];
  return (...args: unknown[]) => {
    const [target, second, descriptor] = args;
    if (isStandardContext(second)) {
      const context = second;
      const where = `${decorator} on ${context.kind} ${describeKey(context.name)}`;
      if (context.kind !== 'field') {
        const instead =
          context.kind === 'class'
            ? 'it decorates a property, not a class'
            : context.kind === 'accessor'
              ? 'auto-accessors (`accessor x`) are not stored as own properties; declare a plain field'
              : `a ${context.kind} is not stored`;
        throw new InvalidDefinitionError(`${where}: ${instead}. ${FIELD_HINT}.`);
      }
      if (context.static) throw new InvalidDefinitionError(`${where}: the field is static; ${FIELD_HINT}.`);
      if (context.private)
        throw new InvalidDefinitionError(`${where}: private (#) fields are not stored; ${FIELD_HINT}.`);
      if (context.metadata === undefined || context.metadata === null) {
        throw new InvalidDefinitionError(
          `${where}: the compiler passed no decorator metadata (context.metadata). Use TypeScript 5.2+ (or a compiler that supports decorator metadata), ` +
            'or enable `experimentalDecorators`.',
        );
      }
      const type = typeOption(decorator, String(context.name), options);
      apply(propertyRecordIn(recordOfMetadata(context.metadata), String(context.name)), role, options, type, undefined);
      return;
    }
    if (
      (typeof second === 'string' || typeof second === 'symbol') &&
      target !== null &&
      (typeof target === 'object' || typeof target === 'function')
    ) {
      const className =
        typeof target === 'function' ? target.name : (target as { constructor?: { name?: string } }).constructor?.name;
      const where = `${decorator} on ${describeKey(second)}${className ? ` of ${className}` : ''}`;
      if (typeof target === 'function')
        throw new InvalidDefinitionError(`${where}: the property is static; ${FIELD_HINT}.`);
      if (
        descriptor !== undefined &&
        descriptor !== null &&
        typeof descriptor === 'object' &&
        !('initializer' in descriptor)
      ) {
        const d = descriptor as PropertyDescriptor;
        const what =
          typeof d.value === 'function' ? 'a method' : d.get || d.set ? 'an accessor' : 'not a data property';
        throw new InvalidDefinitionError(`${where}: it is ${what}; ${FIELD_HINT}.`);
      }
      const type = typeOption(decorator, String(second), options);
      const designType: unknown = type === undefined ? Reflect.getMetadata('design:type', target, second) : undefined;
      apply(propertyRecord(target.constructor, String(second)), role, options, type, designType);
      return;
    }
    throw new InvalidDefinitionError(
      `${decorator} was called in a way neither decorator dialect does (${describeArgs(args)}). ` +
        `Apply it to a class field, as \`${decorator.slice(0, -1)}) name?: string;\`; with experimentalDecorators or with standard decorators.`,
    );
  };
}

function apply(
  p: PropertyRecord,
  role: Role,
  options: AttributeOptions | undefined,
  type: unknown,
  designType: unknown,
): void {
  p.roles.push(role);
  if (options?.name !== undefined) p.name = options.name;
  if (type !== undefined) p.designType = type;
  else if (designType !== undefined && p.designType === undefined) p.designType = designType;
}

/** The constructor a `type` option names; checked at class definition, where a typo shows. */
function typeOption(decorator: string, property: string, options: AttributeOptions | undefined): unknown {
  if (options === undefined || options === null || options.type === undefined) return undefined;
  const type = TYPE_OPTIONS.get(options.type);
  if (type === undefined) {
    const got =
      typeof options.type === 'function'
        ? (options.type as Function).name || 'a function'
        : JSON.stringify(options.type);
    throw new InvalidDefinitionError(
      `${decorator.slice(0, -1)}{ type }) on "${property}" must be 'S', 'N', 'B', String, Number, Boolean, Date or Uint8Array, got ${got}.`,
    );
  }
  return type;
}

function describeArgs(args: unknown[]): string {
  return args.length === 0
    ? 'no arguments'
    : args.map((a) => (a === null ? 'null' : typeof a === 'function' ? 'a class' : typeof a)).join(', ');
}

/**
 * A class decorator's one body for both dialects: `(class)` is legacy, `(class, { kind: 'class' })`
 * standard; a standard class decorator also links the record its field decorators made.
 */
export function classDecorator(
  decorator: string,
  body: (record: EntityRecord, target: Function) => void,
): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const [target, context] = args;
    if (isStandardContext(context)) {
      if (context.kind !== 'class' || typeof target !== 'function') {
        throw new InvalidDefinitionError(
          `${decorator} is on ${context.kind} ${describeKey(context.name)}; it decorates a class (put it above \`class ...\`).`,
        );
      }
      body(context.metadata ? linkMetadata(target, context.metadata) : recordOf(target), target);
      return;
    }
    if (typeof target === 'function' && args.length <= 2 && context === undefined) {
      body(recordOf(target), target);
      return;
    }
    if (target !== null && typeof target === 'object' && (typeof context === 'string' || typeof context === 'symbol')) {
      throw new InvalidDefinitionError(
        `${decorator} is on property ${describeKey(context)}; it decorates a class (put it above \`class ...\`).`,
      );
    }
    throw new InvalidDefinitionError(
      `${decorator} was called in a way neither decorator dialect does (${describeArgs(args)}); put it above a class declaration.`,
    );
  };
}

/**
 * Names the DynamoDB table a class maps to.
 * @example
 * \@Table('orders') class Order { ... }
 */
export function Table(nameOrOptions: string | TableOptions): EntityClassDecorator;
/**
 * Declares a table class: the physical schema of a table that several entity classes share
 * (single-table design). Key and index attribute names are stored names.
 * @example
 * \@Table('app', { partitionKey: 'pk', sortKey: 'sk', indexes: { gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } } })
 * class AppTable {}
 */
export function Table<const O extends TableClassOptions>(name: string, options: O): TableClassDecorator<O>;
export function Table(nameOrOptions: string | TableOptions, options?: TableClassOptions): EntityClassDecorator {
  const hasOptions = arguments.length > 1;
  return classDecorator('@Table()', (r) => {
    r.hasTable = true;
    r.tableName = typeof nameOrOptions === 'string' ? nameOrOptions : nameOrOptions?.name;
    if (hasOptions) r.tableOptions = options;
  });
}

/** Marks the partition (hash) key property. */
export function PartitionKey(options?: AttributeOptions): PropertyDecoratorFn {
  return propertyDecorator('partitionKey', options);
}

/** Marks the sort (range) key property. */
export function SortKey(options?: AttributeOptions): PropertyDecoratorFn {
  return propertyDecorator('sortKey', options);
}

/** Marks the TTL attribute (epoch seconds); `createTables` enables TTL on it. */
export function Ttl(options?: AttributeOptions): PropertyDecoratorFn {
  return propertyDecorator('ttl', options);
}

/** Marks the optimistic-locking version attribute (a number). */
export function Version(options?: AttributeOptions): PropertyDecoratorFn {
  return propertyDecorator('version', options);
}

/**
 * Declares a property: records its design type (for `createTables`, and so that a `Date` reads
 * back as a `Date`) and, with `name`, the stored attribute name. Undecorated properties are
 * stored under their own name, as they are. Without design metadata (standard decorators), say
 * the type: `@Attribute({ type: Date })`, `@Attribute({ type: 'N' })`.
 */
export function Attribute(options?: AttributeOptions): PropertyDecoratorFn {
  return propertyDecorator('attribute', options);
}

/**
 * Declares a global secondary index. Its key and projection names must be properties of the
 * class: a misspelled one does not compile (unless the class declares an index signature).
 * @example
 * \@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
 */
export function GlobalIndex<
  const PK extends string,
  const SK extends string = never,
  const P extends 'ALL' | 'KEYS_ONLY' | readonly string[] = 'ALL',
>(
  name: string,
  options: { partitionKey: PK; sortKey?: SK; projection?: P },
): IndexDecorator<KeyNames<PK> | KeyNames<SK> | NamesOf<P>, { pk: PK; sk: SK; projection: P }>;
/** Declares a global secondary index of entity `T`: key and projection names are checked against `T`. */
export function GlobalIndex<T>(name: string, options: GlobalIndexOptions<T>): ClassDecoratorFn<T>;
export function GlobalIndex(name: string, options: GlobalIndexOptions): ClassDecoratorFn<unknown> {
  return token<ClassDecoratorFn<unknown>>(
    classDecorator('@GlobalIndex()', (record) => {
      // Class decorators run bottom-up (in both dialects); unshift keeps the indexes in the order they are written.
      record.indexes.unshift({
        kind: 'global',
        name,
        partitionKey: options?.partitionKey,
        sortKey: options?.sortKey,
        projection: options?.projection,
        raw: options,
      });
    }),
    name,
  );
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
): IndexDecorator<KeyNames<SK> | NamesOf<P>, { pk: never; sk: SK; projection: P }>;
/** Declares a local secondary index of entity `T`: key and projection names are checked against `T`. */
export function LocalIndex<T>(name: string, options: LocalIndexOptions<T>): ClassDecoratorFn<T>;
export function LocalIndex(name: string, options: LocalIndexOptions): ClassDecoratorFn<unknown> {
  return token<ClassDecoratorFn<unknown>>(
    classDecorator('@LocalIndex()', (record) => {
      record.indexes.unshift({
        kind: 'local',
        name,
        sortKey: options?.sortKey,
        projection: options?.projection,
        raw: options,
      });
    }),
    name,
  );
}
