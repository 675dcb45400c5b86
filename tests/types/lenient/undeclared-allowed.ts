/**
 * The opt-in lenient mode: with `undeclaredAttributes: 'allow'`, names the class does not declare
 * are accepted everywhere, while declared properties stay typed. Compiled by its own tsconfig
 * (the augmentation is global, so it must not leak into the other type tests).
 */
import { type Repository } from '../../../src';
import { Order } from '../entities';

declare module '../../../src' {
  interface DkmioTypeOptions {
    undeclaredAttributes: 'allow';
  }
}

declare const orders: Repository<Order>;
const key = { userId: 'u1', orderId: 'o1' };

export function compiles(): void {
  orders.scan().filter({ legacyScore__gt: 5, 'meta.src': 'import', total__gt: 5 });
  orders.update(key, { set: { 'address.town': 'Lima', status: 'NEW' }, remove: ['tempNotes'], add: { views: 1 }, append: { history: { a: 1 } } });
  orders.put({ userId: 'u1', orderId: 'o1', importedFrom: 'v1' });
}

export function stillTyped(): void {
  // @ts-expect-error declared properties keep their types
  orders.scan().filter({ total__gt: 'x' });
  // @ts-expect-error literal unions too
  orders.update(key, { set: { status: 'LOST' } });
  // @ts-expect-error and items
  orders.put({ userId: 'u1', orderId: 'o1', total: '1' });
  // @ts-expect-error keys are never free-form
  orders.get({ userID: 'u1', orderId: 'o1' });
}
