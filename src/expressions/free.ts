/**
 * The escape hatch from entity typing. DynamoDB items are free-form: an item may hold attributes
 * its class does not declare. Typed conditions, update actions and items refuse such names at
 * compile time (a misspelled property looks exactly like an undeclared one), so reaching them is
 * explicit: wrap the object in `free()`. Nothing changes at run time: `free()` returns its
 * argument, and every runtime check (operators, values, paths, keys) still applies.
 */

// A phantom brand: exists only for the type checker, never on the object.
declare const FREE: unique symbol;

/** The brand `free()` puts on a value's type: "not checked against the entity". */
export type Free = { readonly [FREE]: true };

/**
 * Marks an object (a condition, update actions or one action map, an item) as free-form: its
 * keys are not checked against the entity type. Returns the same object, unchanged.
 *
 * @example
 * orders.scan().filter(free({ legacyScore__gt: 5 }));                 // an attribute Order does not declare
 * orders.scan().filter(and({ total__gt: 100 }, free({ 'meta.src': 'import' })));
 * orders.update(key, { set: { status: 'SHIPPED' }, add: free({ 'counters.views': 1 }) });
 * orders.put({ ...order, ...free({ importedFrom: 'v1' }) });
 */
export function free<X extends object>(value: X): X & Free {
  return value as X & Free;
}
