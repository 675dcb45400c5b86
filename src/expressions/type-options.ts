/**
 * Type-level settings of dkmio, chosen by module augmentation (they change no runtime behaviour).
 *
 * By default the class is the schema: a name the class does not declare is a compile error in
 * filters, conditions, keys, `select`, update actions and index decorators, so a misspelled
 * property is caught. A class that wants free-form attributes declares an index signature
 * (`[attribute: string]: unknown`); `free()` reaches one undeclared name from a strict class.
 *
 * The way back, for a code base migrating from the lenient typing of dkmio 0.1 (every class
 * treated as if it declared that index signature; declared properties and their operators stay
 * typed):
 *
 * @example
 * declare module 'dkmio' {
 *   interface DkmioTypeOptions { undeclaredAttributes: 'allow' }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DkmioTypeOptions {}

/** True when the program chose `undeclaredAttributes: 'allow'` (every entity open). */
export type LenientTyping = DkmioTypeOptions extends { undeclaredAttributes: 'allow' } ? true : false;

/** What typed objects accept besides the entity's paths: nothing by default, any name in the lenient mode. */
export type UndeclaredAttributes = LenientTyping extends true ? { readonly [attribute: string]: unknown } : unknown;

/** Extra paths `remove` accepts: none by default, any string in the lenient mode. */
export type UndeclaredPath = LenientTyping extends true ? string : never;
