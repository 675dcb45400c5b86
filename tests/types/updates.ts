/** Type tests of update actions: paths and values typed from the entity. */
import { free, type Repository, type UpdateActions } from '../../src';
import { Order } from './entities';

declare const orders: Repository<Order>;
const key = { userId: 'u1', orderId: 'o1' };

export function compiles(): void {
  orders.update(key, {
    set: { status: 'SHIPPED', 'address.city': 'Lima', 'items[0].qty': 5, shippedAt: new Date(), paid: true },
    remove: ['createdAt', 'address.zip', 'items[2]'],
    append: { notes: 'shipped', items: [{ sku: 'a', qty: 1 }] },
    prepend: { 'items[0].tags': ['first'] },
    add: { total: 5, tags: new Set(['urgent']), scores: [1, 2], 'counters.views': 1 },
    delete: { tags: ['old'] },
    setIfNotExists: { createdAt: '2024-01-01', 'address.geo': { lat: 1, lng: 2 } },
  });
  orders.update(key, { set: { shippedAt: null } }); // the property allows null
  orders.update(key, { add: { total: 1n } }); // bigint increments
  // Escape hatch: one action map, or the whole object.
  orders.update(key, { set: { status: 'NEW' }, add: free({ 'legacy.views': 1 }) });
  orders.update(key, free({ set: { anything: 1 }, remove: ['whatever'] }));
  orders.update(key, { remove: free(['legacyField']) });
  // The untyped form.
  const untyped: UpdateActions = { set: { anything: 1 } };
  orders.update(key, free(untyped));
}

export function doesNotCompile(): void {
  // @ts-expect-error misspelled property in set
  orders.update(key, { set: { staus: 'SHIPPED' } });
  // @ts-expect-error set value of the wrong type
  orders.update(key, { set: { total: '5' } });
  // @ts-expect-error set value outside the literal union
  orders.update(key, { set: { status: 'LOST' } });
  // @ts-expect-error a nested path that does not exist
  orders.update(key, { set: { 'address.town': 'Lima' } });
  // @ts-expect-error a nested value of the wrong type
  orders.update(key, { set: { 'items[0].qty': 'five' } });
  // (`set: { total: undefined }` compiles unless exactOptionalPropertyTypes is on; the runtime refuses it.)
  // @ts-expect-error remove a required property (a key, here)
  orders.update(key, { remove: ['userId'] });
  // @ts-expect-error remove a misspelled path
  orders.update(key, { remove: ['totl'] });
  // @ts-expect-error append to something that is not a list
  orders.update(key, { append: { total: 1 } });
  // @ts-expect-error append elements of the list's type
  orders.update(key, { append: { notes: 5 } });
  // @ts-expect-error add to a string
  orders.update(key, { add: { createdAt: 1 } });
  // @ts-expect-error add elements of the set's type
  orders.update(key, { add: { tags: new Set([1]) } });
  // @ts-expect-error add a set to a number
  orders.update(key, { add: { total: new Set([1]) } });
  // @ts-expect-error add to a list (add makes sets; use append)
  orders.update(key, { add: { notes: ['x'] } });
  // @ts-expect-error delete takes set elements, not a number
  orders.update(key, { delete: { total: 1 } });
  // @ts-expect-error an unknown action
  orders.update(key, { increment: { total: 1 } });
  // @ts-expect-error setIfNotExists is typed like set
  orders.update(key, { setIfNotExists: { total: 'x' } });
}
