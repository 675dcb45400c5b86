/** Type tests of items (put) and of the free() escape hatch everywhere it is taken. */
import { and, free, type ItemInput, type Repository } from '../../src';
import { Order } from './entities';

declare const orders: Repository<Order>;
declare const order: Order;

export function compiles(): void {
  orders.put({ userId: 'u1', orderId: 'o1', status: 'NEW', total: 250, tags: new Set(['a']), shippedAt: new Date() });
  orders.put(order); // an instance (getters and methods are never stored)
  orders.put({ ...order, ...free({ importedFrom: 'v1' }) });
  orders.put(free({ userId: 'u1', orderId: 'o1', legacy: true }));
  orders.scan().filter(free({ legacyScore__gt: 5 }));
  orders.scan().filter(and({ total__gt: 100 }, free({ 'meta.src': 'import' })));
  orders.delete({ userId: 'u1', orderId: 'o1' }, { condition: free({ legacy__exists: true }) });
  const item: ItemInput<Order> = { userId: 'u1', orderId: 'o1' };
  orders.put(item, { returnValues: 'ALL_OLD' });
}

export function doesNotCompile(): void {
  // @ts-expect-error an attribute the class does not declare (use free())
  orders.put({ userId: 'u1', orderId: 'o1', importedFrom: 'v1' });
  // @ts-expect-error a value of the wrong type
  orders.put({ userId: 'u1', orderId: 'o1', total: '250' });
  // @ts-expect-error put returns only NONE or ALL_OLD
  orders.put({ userId: 'u1', orderId: 'o1' }, { returnValues: 'ALL_NEW' });
  // @ts-expect-error free() takes objects
  orders.scan().filter(free('total__gt'));
}
