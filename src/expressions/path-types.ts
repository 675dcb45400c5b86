/**
 * Document paths of an entity type, computed by the type checker: `total`, `address.city`,
 * `items[${number}].qty`, `scores.${string}` (for index signatures). The operator types
 * (`types.ts`) and the update action types (`update-types.ts`) are built on {@link PathMap}.
 *
 * Kept cheap on purpose (editor speed): one flat pass per entity, cached by the checker per `T`,
 * and a fixed depth so recursive types (trees) terminate.
 */

/** Values whose inside is not a document path: scalars, binary, dates, sets, functions. */
export type LeafValue =
  | string
  | number
  | bigint
  | boolean
  | symbol
  | null
  | Uint8Array
  | ArrayBuffer
  | Date
  | ReadonlySet<unknown>
  | ReadonlyMap<unknown, unknown>
  | ((...args: never[]) => unknown);

/** The data properties of an entity (methods left out). */
export type EntityData<T> = string extends keyof T ? OpenEntityData<T> : Pick<T, DataKey<T>>;
// `Pick` keeps the modifiers and has a plain key union, whose `keyof` is free (a key-remapping
// mapped type recomputes its keys at every use); DataKey is a conditional alias, cached per `T`.
// A class with an index signature keeps the remapping form: `Pick` would keep only the signature.
type DataKey<T> = [T] extends [unknown]
  ? { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T]
  : never;
type OpenEntityData<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/**
 * How many levels below a top-level property paths reach: `a.b.c.d` (a list index counts as a
 * level). Deeper paths are runtime-checked only; reach them with `free()`.
 */
type Depth = [never, 0, 1];
type StartDepth = 2;

/** One path: its text `p`, its value type `v` (`undefined` removed) and whether it is open (`o`, from an index signature). */
export interface PathEntry {
  p: string;
  v: unknown;
  o: boolean;
}

type Entries<T, D extends number, Prefix extends string, Open extends boolean> = string extends keyof T
  ? // An index signature: `T[string]` under `${Prefix}${string}`, plus the declared keys beside it
    // (indexing a mapped type by `string` would return only the index signature's entry).
    | EntriesOf<T, DeclaredKeys<T>, D, Prefix, Open>
    | Entry<`${Prefix}${string}`, Exclude<T[string & keyof T], undefined>, D, true>
  : EntriesOf<T, keyof T & string, D, Prefix, Open>;

type EntriesOf<T, Keys extends keyof T & string, D extends number, Prefix extends string, Open extends boolean> = {
  [K in Keys]-?: Entry<`${Prefix}${K}`, Exclude<T[K], undefined>, D, Open>;
}[Keys];

type DeclaredKeys<T> = Extract<
  keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 },
  keyof T & string
>;

type Entry<P extends string, V, D extends number, Open extends boolean> =
  { p: P; v: V; o: Open } | ([D] extends [never] ? never : Children<P, V, D, Open>);

// Distributes over V's union members: `{ city: string } | null` still has `address.city`.
type Children<P extends string, V, D extends number, Open extends boolean> = unknown extends V
  ? never
  : V extends LeafValue
    ? never
    : V extends readonly (infer E)[]
      ? Entry<`${P}[${number}]`, Exclude<E, undefined>, Depth[D], Open>
      : V extends object
        ? Entries<V, Depth[D], `${P}.`, Open>
        : never;

/** Every path entry of `T`, as a union of {@link PathEntry}. */
export type PathEntryOf<T> = [T] extends [unknown] ? Entries<EntityData<T>, StartDepth, '', false> : never;

/**
 * Every document path of `T` mapped to its value type (`undefined` removed). Top-level keys are
 * the data properties; nested keys follow maps (`.`) and lists (`[n]`) down to a fixed depth.
 */
// `infer` rather than `E['p']`: indexing proves `'p' extends keyof E` for the deferred recursive
// union, which costs the checker ~0.4 s per program.
type EntryMap<T> = {
  [E in PathEntryOf<T> as E extends { p: infer P extends string } ? P : never]: E extends { v: infer V } ? V : never;
};
// The same map over a plain key union: `keyof` of a key-remapping mapped type (EntryMap) is
// recomputed at every use, `keyof PathMap<T>` is the cached DocumentPathOf<T>.
// A class with an index signature keeps EntryMap: `string` would absorb its declared paths.
export type PathMap<T> = string extends keyof T ? EntryMap<T> : { [P in DocumentPathOf<T>]: EntryMap<T>[P] };

/** A document path of `T`: `'total'`, `'address.city'`, `` `items[${number}].qty` ``. */
export type DocumentPathOf<T> = [T] extends [unknown]
  ? PathEntryOf<T> extends infer E
    ? E extends { p: infer P extends string }
      ? P
      : never
    : never
  : never;

/**
 * The shape `select()` returns for the paths `K` of `T`: `Pick<T, K>` when every path is a
 * top-level property; with nested paths (`'address.city'`, `'items[0].qty'`), each property keeps
 * only what was selected inside it, as DynamoDB returns it: `{ address?: { city: string } }`,
 * `{ items?: { qty: number }[] }`. Optional properties stay optional.
 */
export type Selected<T, K extends string> = [K] extends [keyof T] ? Pick<T, K & keyof T> : ProjectObject<T, K>;

// The first property name of a path: `address` of `address.city`, `items` of `items[0].qty`.
type HeadOf<K extends string> = K extends `${infer H}.${string}`
  ? H extends `${infer L}[${string}`
    ? L
    : H
  : K extends `${infer L}[${string}`
    ? L
    : K;

// What follows property `P` in path `K`: '' (the whole property), `.city`, `[0].qty`.
type RestOf<K extends string, P extends string> = K extends P
  ? ''
  : K extends `${P}${infer R}`
    ? R extends `.${string}` | `[${string}`
      ? R
      : never
    : never;

type ProjectObject<T, K extends string> = {
  [P in keyof T as P extends HeadOf<K> ? P : never]: ProjectValue<T[P], RestOf<K, P & string>>;
};

type ProjectValue<V, R extends string> = '' extends R
  ? V
  : V extends readonly (infer E)[]
    ? ProjectValue<E, R extends `[${number}]${infer S}` ? S : never>[]
    : V extends LeafValue
      ? V
      : V extends object
        ? ProjectObject<V, R extends `.${infer S}` ? S : never>
        : V;
