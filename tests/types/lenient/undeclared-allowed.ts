/**
 * The lenient mode (lenient-mode.ts): names the class does not declare are free-form and accepted
 * everywhere, while declared properties and their operators stay typed.
 */
import { type Repository } from '../../../src';
import { Order } from '../entities';

declare const orders: Repository<Order>;
const key = { userId: 'u1', orderId: 'o1' };

export function compiles(): void {
  // An instance of the entity class (e.g. a read result, changed) is a valid item.
  const instance = new Order();
  orders.put(instance);
  // So is data typed by an interface of the app's own (no index signature).
  interface OrderRow {
    userId: string;
    orderId: string;
    total?: number;
  }
  const row: OrderRow = { userId: 'u1', orderId: 'o1', total: 5 };
  orders.put(row);
  orders.scan().filter({ legacyScore__gt: 5, 'meta.src': 'import', total__gt: 5 });
  orders.update(key, {
    set: { 'address.town': 'Lima', status: 'NEW' },
    remove: ['tempNotes'],
    add: { views: 1 },
    append: { history: { a: 1 } },
  });
  orders.put({ userId: 'u1', orderId: 'o1', importedFrom: 'v1' });
}

export function stillTyped(): void {
  // @ts-expect-error declared properties keep their types
  orders.scan().filter({ total__gt: 'x' });
  // @ts-expect-error literal unions too
  orders.update(key, { set: { status: 'LOST' } });
  // @ts-expect-error and items
  orders.put({ userId: 'u1', orderId: 'o1', total: '1' });
  // @ts-expect-error an operator a declared property's type does not take, in every mode
  orders.scan().filter({ total__begins_with: '1' });
  // @ts-expect-error contains on a declared number
  orders.scan().filter({ total__contains: 1 });
  // @ts-expect-error keys are never free-form
  orders.get({ userID: 'u1', orderId: 'o1' });
}
