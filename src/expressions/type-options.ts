/**
 * Type-level settings of dkmio, chosen by module augmentation (they change no runtime behaviour).
 *
 * Declared properties are always typed: `total__gt: 'x'` does not compile when `total` is a
 * number. Names the class does not declare are free-form by default, as DynamoDB items are
 * (only keys, indexes and TTL must be declared). A code base that declares every attribute can
 * make undeclared names compile errors too, so that a misspelled property is caught; `free()`
 * then reaches the undeclared ones explicitly:
 *
 * @example
 * declare module 'dkmio' {
 *   interface DkmioTypeOptions { undeclaredAttributes: 'error' }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DkmioTypeOptions {}

/** What typed objects accept besides the entity's paths: any name (default) or nothing. */
export type UndeclaredAttributes = DkmioTypeOptions extends { undeclaredAttributes: 'error' } ? unknown : { readonly [attribute: string]: unknown };

/** Extra paths `remove` accepts: any string (default) or none. */
export type UndeclaredPath = DkmioTypeOptions extends { undeclaredAttributes: 'error' } ? never : string;
