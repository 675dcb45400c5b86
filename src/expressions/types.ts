/**
 * Types of the operator syntax as users write it: `{ property__operator: value }` entries, ANDed.
 * A key without an operator means `eq`. `T` is the entity; the typed layer narrows keys and
 * values per entity.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export type ConditionObject<T = unknown> = Readonly<Record<string, unknown>>;
