/**
 * Types of update actions. For an entity `T`, every action map is keyed by document paths of `T`
 * and valued by what the action needs: `set` the path's type, `append`/`prepend` list elements,
 * `add` a number or set elements, `delete` set elements, `remove` paths of optional properties.
 * Without `T` the actions are untyped records (checked at run time only).
 */
import type { Free } from './free';
import type { DocumentPathOf, EntityData, PathEntryOf, PathMap } from './path-types';
import type { UndeclaredAttributes, UndeclaredPath } from './type-options';

/** Update actions without an entity type: every key is a property path. */
export interface UntypedUpdateActions {
  /** SET path = value. */
  set?: Readonly<Record<string, unknown>>;
  /** REMOVE path. */
  remove?: readonly string[];
  /** SET path = list_append(path, value): adds to the end (an array adds each element). A missing list is created. */
  append?: Readonly<Record<string, unknown>>;
  /** SET path = list_append(value, path): adds to the front. A missing list is created. */
  prepend?: Readonly<Record<string, unknown>>;
  /** ADD: a number increment, or a set union (arrays are sent as sets). */
  add?: Readonly<Record<string, unknown>>;
  /** DELETE: set subtraction (arrays are sent as sets). */
  delete?: Readonly<Record<string, unknown>>;
  /** SET path = if_not_exists(path, value). */
  setIfNotExists?: Readonly<Record<string, unknown>>;
}

/** Element types a DynamoDB set can hold. */
export type SetElement = string | number | bigint | Uint8Array;

type If<X, K> = [X] extends [never] ? never : K;
type ListElementOf<V> = unknown extends V ? unknown : V extends readonly (infer E)[] ? E : never;
type SetElementOf<V> = unknown extends V ? SetElement : V extends ReadonlySet<infer E> ? E : never;
type NumberOf<V> = unknown extends V
  ? number | bigint
  : [Extract<V, number | bigint>] extends [never]
    ? never
    : number | bigint;
/** What `add` takes for a path of type `V`: an increment for numbers, elements for sets. */
type AddValueOf<V> = NumberOf<V> | If<SetElementOf<V>, ReadonlySet<SetElementOf<V>> | readonly SetElementOf<V>[]>;

// Top-level properties the class declares as required (`name!: string`): removing them would
// break the class's own promise, and key properties are always among them.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

// The paths each action takes, one pass over the entity's path entries per action, cached per `T`
// (a conditional alias); the maps below are plain mapped types over them, so a value type is
// computed only for the paths an update uses.
type PathsWhere<T, Kind> = [T] extends [unknown]
  ? PathEntryOf<T> extends infer E
    ? E extends { p: infer P extends string; v: infer V }
      ? [Kind extends 'list' ? ListElementOf<V> : Kind extends 'add' ? AddValueOf<V> : SetElementOf<V>] extends [never]
        ? never
        : P
      : never
    : never
  : never;

type SetMap<T> = { readonly [P in keyof PathMap<T>]?: PathMap<T>[P] } & UndeclaredAttributes;
type ListMap<T> = {
  readonly [P in PathsWhere<T, 'list'>]?: ListElementOf<At<T, P>> | readonly ListElementOf<At<T, P>>[];
} & UndeclaredAttributes;
type AddMap<T> = { readonly [P in PathsWhere<T, 'add'>]?: AddValueOf<At<T, P>> } & UndeclaredAttributes;
type DeleteMap<T> = {
  readonly [P in PathsWhere<T, 'delete'>]?: ReadonlySet<SetElementOf<At<T, P>>> | readonly SetElementOf<At<T, P>>[];
} & UndeclaredAttributes;
type At<T, P> = P extends keyof PathMap<T> ? PathMap<T>[P] : never;

/** A path `remove` accepts: any nested path, and top-level properties that are optional. */
export type RemovablePath<T> = Exclude<DocumentPathOf<T>, RequiredKeys<EntityData<T>>> | UndeclaredPath;

/** Typed update actions of entity `T`. Any single map (or the whole object) may be `free()` instead. */
export interface TypedUpdateActions<T> {
  /** SET path = value. */
  set?: SetMap<T> | Free;
  /** REMOVE path (optional properties and nested paths). */
  remove?: readonly RemovablePath<T>[] | (Free & readonly string[]);
  /** SET path = list_append(path, value): adds to the end (an array adds each element). A missing list is created. */
  append?: ListMap<T> | Free;
  /** SET path = list_append(value, path): adds to the front. A missing list is created. */
  prepend?: ListMap<T> | Free;
  /** ADD: a number increment, or a set union (arrays are sent as sets). */
  add?: AddMap<T> | Free;
  /** DELETE: set subtraction (arrays are sent as sets). */
  delete?: DeleteMap<T> | Free;
  /** SET path = if_not_exists(path, value). */
  setIfNotExists?: SetMap<T> | Free;
}

/**
 * The actions of an update. Every key is a property path (`'address.city'`, `'items[0].qty'`).
 * With an entity type the paths and values are checked; `free()` reaches undeclared attributes.
 */
export type UpdateActions<T = unknown> = unknown extends T ? UntypedUpdateActions : TypedUpdateActions<T>;
