import type { Page } from '../../metadata/entity-types';

/** A member's result: the whole instance, or (after `select`) the selected properties it declares. */
export type CollectionItem<C, K extends string> = [K] extends [never]
  ? C
  : C extends unknown
    ? Pick<C, K & keyof C>
    : never;

/** Property names at least one member declares (what `select()` takes). */
export type AnyMemberProperty<M> = M extends unknown ? Extract<keyof M, string> : never;

/** The properties every member declares, with their types (what `filter(condition)` takes). */
export type CommonProperties<M> = { [K in Extract<keyof M, string>]: M[K] };

/** A page of a collection read: instances of every member, in key order. */
export interface CollectionPage<M, K extends string = never> extends Page<CollectionItem<M, K>> {
  /** Items read that matched no member (possible where the type attribute is not projected). */
  skipped: number;
  /** The items of one member, in key order. */
  of<C extends M>(member: abstract new (...args: never[]) => C): CollectionItem<C, K>[];
}

/** The key of a collection query: the properties the members' shared partition key template names. */
export type CollectionKey<M> = { readonly [K in Extract<keyof M, string>]?: M[K] };
