/**
 * Types of the operator syntax as users write it: `{ property__operator: value }` entries, ANDed.
 * A key without an operator means `eq`. For an entity `T`, keys are checked against its
 * properties (and nested paths into them) and each value against what its operator needs:
 * `total__gt: number`, `status__in: T['status'][]`, `tags__contains: string` for a `Set<string>`,
 * `x__exists: boolean`, `items__size__between: [number, number]`.
 *
 * When `T` is unknown (`ConditionObject` without an argument, or a condition built outside any
 * entity context), every key is accepted and only the runtime checks apply.
 */
import type { Free } from './free';
import type { PathEntryOf, PathMap } from './path-types';
import type { ConditionOperator, OperandKind, OperatorRegistry, SizeableOperator } from './registry';
import type { LenientTyping, UndeclaredAttributes } from './type-options';

/** DynamoDB's attribute type names, the values `type` takes (`{ tags__type: 'SS' }`). */
export type AttributeTypeName = 'S' | 'SS' | 'N' | 'NS' | 'B' | 'BS' | 'BOOL' | 'NULL' | 'L' | 'M';

/** Values that order (`gt`, `between`, ...): DynamoDB compares numbers numerically, strings and binaries byte-wise. Dates are stored as ISO strings. */
export type OrderableValue = string | number | bigint | Uint8Array | Date;

/** Values `contains` looks for in a value of unknown type: a substring, a set member, a list element. */
export type ElementValue =
  string | number | bigint | boolean | null | Uint8Array | readonly unknown[] | Readonly<Record<string, unknown>>;

// A literal union ('NEW' | 'OLD') orders against any string; a Date property against an ISO string too.
type Widen<V> = V extends string
  ? string
  : V extends number
    ? number
    : V extends bigint
      ? bigint
      : V extends Date
        ? Date | string
        : V;

/** The value `gt`/`gte`/`lt`/`lte`/`between` take for a property of type `V` (never: not orderable). */
export type OrderValueOf<V> = unknown extends V ? OrderableValue : Widen<Extract<V, OrderableValue>>;

/** The prefix `begins_with` takes for a property of type `V`. */
export type PrefixValueOf<V> = unknown extends V
  ? string | Uint8Array
  : | (Extract<V, string | Date> extends never ? never : string)
    | (Extract<V, Uint8Array> extends never ? never : Uint8Array);

/** What `contains` looks for in a property of type `V`: a substring, a set member, a list element (of any type), a byte run. */
export type ContainsValueOf<V> = unknown extends V ? ElementValue : ContainsMember<V>;
type ContainsMember<V> = V extends string
  ? string
  : V extends Uint8Array
    ? Uint8Array
    : V extends ReadonlySet<infer E>
      ? E
      : V extends readonly (infer E)[]
        ? E
        : never;

/** True when DynamoDB's `size()` applies to `V`: strings, binaries, sets, lists and maps. */
type Sized<V> = unknown extends V
  ? true
  : [Extract<V, string | Uint8Array | Date | ReadonlySet<unknown> | readonly unknown[]> | MapPart<V>] extends [never]
    ? false
    : true;
type MapPart<V> = V extends
  string | number | bigint | boolean | null | Uint8Array | Date | ReadonlySet<unknown> | readonly unknown[]
  ? never
  : V extends object
    ? V
    : never;

/**
 * The operators a value of type `V` takes, each with the value it needs: `OpsOf<number>` has
 * `gt: number`, `size__gt` is absent... Derived from the operator registry (`registry.ts`) and
 * computed once per distinct `V` (shared by every path and entity with that type), which is what
 * keeps the checker fast.
 */
export type OpsOf<V> = { [O in OperatorOf<V>]: OperandValues<V>[OperandShape[O]] };

// Each operator's operand kind and arity, from its registry entry (not generic: computed once).
type OperandShape = {
  [O in ConditionOperator]: `${OperatorRegistry[O]['operand']}/${OperatorRegistry[O]['arity']}`;
} & { [O in SizeableOperator as `size__${O}`]: `size/${OperatorRegistry[O]['arity']}` };

/**
 * The value of each operand kind and arity of the registry for a property of type `V`. A registry
 * entry with a new combination fails to compile until it has a line here.
 */
interface OperandValues<V> {
  'any/one': V;
  'any/list': readonly V[];
  'element/one': ContainsValueOf<V>;
  'order/one': OrderValueOf<V>;
  'order/pair': readonly [OrderValueOf<V>, OrderValueOf<V>];
  'prefix/one': PrefixValueOf<V>;
  'flag/flag': boolean;
  'typeName/one': AttributeTypeName;
  'size/one': number;
  'size/pair': readonly [number, number];
  'size/list': readonly number[];
}

// The registry's operators by operand kind (not generic: computed once).
type OperatorsTaking = {
  [K in OperandKind]: {
    [O in ConditionOperator]: OperatorRegistry[O]['operand'] extends K ? O : never;
  }[ConditionOperator];
};

// Wrapped in a conditional type: a reference to a conditional alias is one cached instantiation,
// a reference to a union alias re-instantiates every member (the same holds for the aliases below).
type OperatorOf<V> = [V] extends [unknown] ? OperatorUnion<V> : never;
// The kinds that apply to every value, then one test per kind that depends on `V`.
type OperatorUnion<V> =
  | OperatorsTaking['any' | 'flag' | 'typeName']
  | ([OrderValueOf<V>] extends [never] ? never : OperatorsTaking['order'])
  | ([PrefixValueOf<V>] extends [never] ? never : OperatorsTaking['prefix'])
  | ([ContainsValueOf<V>] extends [never] ? never : OperatorsTaking['element'])
  | (Sized<V> extends true ? `size__${SizeableOperator}` : never);

type AnyOperator = ConditionOperator | `size__${SizeableOperator}`;

/** The value type a key of an open entity gets for an operator its declared property's type does not take: an error message. */
export type OperatorNotApplicable<O extends string = string> = `dkmio: ${O} does not apply to this property's type`;

/** True when `T` declares a string index signature (an open entity) or the lenient type mode is on. */
type IsOpen<T> = LenientTyping extends true ? true : string extends keyof T ? true : false;

// The keys of one path: `path__op` for every operator of its value type, and the bare path (eq)
// unless it comes from an index signature (`counters.${string}` would also match `counters.x__gt`).
// In an open entity (an index signature, or the lenient type mode) the index signature would
// accept `total__begins_with` for a number `total`: its declared paths also get the operators
// their type does NOT take, valued by an error message, so those stay compile errors.
type PathKeys<P extends string, V, Open, EntityOpen> =
  | `${P}__${OperatorOf<V>}`
  | (Open extends true ? (unknown extends V ? P : never) : P)
  | (EntityOpen extends true ? (Open extends true ? never : `${P}__${Exclude<AnyOperator, OperatorOf<V>>}`) : never);

// A path is a pattern when it holds `${number}` (a list index) or `${string}` (an index signature):
// its keys become index signatures, whose value types the checker computes up front, every one.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type IsPattern<P extends string> = {} extends { [_ in P]: 0 } ? true : false;

/** The keys of `T`'s condition objects on plain paths: `'total__gt' | 'status' | 'address.city__begins_with' | ...`. */
type ConditionKey<T, EntityOpen> =
  PathEntryOf<T> extends infer E
    ? E extends { p: infer P extends string; v: infer V; o: infer O }
      ? IsPattern<P> extends true
        ? never
        : PathKeys<P, V, O, EntityOpen>
      : never
    : never;

// The value of a plain key `K` over the entity's path map `M`, read back from the key itself (so
// it is computed only for the keys a condition uses): the path before the first `__` that names
// a path (a property may have `__` in its name), then the operator's value from the per-type
// table OpsOf, shared across paths and entities; a bare path is an equality.
type ConditionValue<M, K> = K extends `${infer P}__${infer O}`
  ? P extends keyof M
    ? OperatorValue<M[P], O>
    : UnderscoredValue<M, O, `${P}__`>
  : M[K & keyof M];
// A path whose names hold `__` (`a__b__gt`): the path is the longest start that names one.
type UnderscoredValue<M, K, Pre extends string> = K extends `${infer H}__${infer O}`
  ? `${Pre}${H}` extends infer P extends keyof M
    ? OperatorValue<M[P], O>
    : UnderscoredValue<M, O, `${Pre}${H}__`>
  : M[`${Pre}${K & string}` & keyof M];
type OperatorValue<V, O> = O extends keyof OpsOf<V> ? OpsOf<V>[O] : OperatorNotApplicable<O & string>;

// The keys of pattern paths (`items[${number}].qty__gt`), each with its value, as `{ k, v }`
// entries: computed once per path from OpsOf, cheaper than reading each back from its key.
type PatternEntries<T, EntityOpen> =
  PathEntryOf<T> extends infer E
    ? E extends { p: infer P extends string; v: infer V; o: infer O }
      ? IsPattern<P> extends true
        ? PatternPathEntries<P, V, O, EntityOpen>
        : never
      : never
    : never;
type PatternPathEntries<P extends string, V, Open, EntityOpen> =
  | { [O in OperatorOf<V>]: { k: `${P}__${O}`; v: OpsOf<V>[O] } }[OperatorOf<V>]
  | (Open extends true ? (unknown extends V ? { k: P; v: V } : never) : { k: P; v: V })
  | (EntityOpen extends true
      ? Open extends true
        ? never
        : [Exclude<AnyOperator, OperatorOf<V>>] extends [infer X extends string]
          ? [X] extends [never]
            ? never
            : { k: `${P}__${X}`; v: OperatorNotApplicable<X> }
          : never
      : never);

// Plain keys in one mapped type over a union of strings: its property types are computed only
// for the keys a condition uses. Pattern keys (index signatures) from their precomputed entries.
type TypedCondition<T, EntityOpen = IsOpen<T>> = {
  readonly [K in ConditionKey<T, EntityOpen>]?: ConditionValue<PathMap<T>, K>;
} & {
  readonly [E in PatternEntries<T, EntityOpen> as E['k']]?: E['v'];
};

/**
 * An operator object for entity `T`: `{ total__gt: 100, status__in: ['NEW'], 'address.city': 'Lima' }`.
 * Entries are ANDed. Without `T`, any key is accepted (checked at run time only).
 *
 * `unknown extends T` is written out here on purpose: through a helper alias the checker measures
 * `T` as contravariant and generic code could no longer pass `WriteOptions<T>` on as `WriteOptions`.
 */
export type ConditionObject<T = unknown> = unknown extends T
  ? Readonly<Record<string, unknown>>
  : TypedCondition<T> & UndeclaredAttributes;

/**
 * An operator object that is not checked against the entity type: made by {@link free}.
 * Only the brand: a string index signature here would switch off excess-property checks for
 * every condition (a union member that accepts any key makes no key excess).
 */
export type FreeCondition = Free;
