/**
 * Type-level settings of dkmio, chosen by module augmentation (they change no runtime behaviour).
 *
 * By default, names the entity class does not declare are compile errors in conditions, update
 * actions and items (a misspelled property looks exactly like an undeclared one); `free()` reaches
 * them explicitly. A code base that stores many undeclared attributes can accept them everywhere:
 *
 * @example
 * declare module 'dkmio' {
 *   interface DkmioTypeOptions { undeclaredAttributes: 'allow' }
 * }
 * // Declared properties stay typed (`total__gt: 'x'` still fails); other names are accepted.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DkmioTypeOptions {}

/** What typed objects accept besides the entity's paths: nothing (default) or any name. */
export type UndeclaredAttributes = DkmioTypeOptions extends { undeclaredAttributes: 'allow' } ? { readonly [attribute: string]: unknown } : unknown;

/** Extra paths `remove` accepts: none (default) or any string. */
export type UndeclaredPath = DkmioTypeOptions extends { undeclaredAttributes: 'allow' } ? string : never;
