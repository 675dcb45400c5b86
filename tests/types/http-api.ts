/**
 * Type tests of the HTTP API kit: queryFilters' allow-lists are checked against the entity, its
 * result feeds filter() and conditions, mustExist is an option of update/delete only.
 * Checked by `tsc --noEmit` (npm run typecheck); never run.
 */
import { DkmioClient, queryFilters, toPlain, type Plain, type Repository } from '../../src';
import { Order } from './entities';

declare const orders: Repository<Order>;
declare const db: DkmioClient;
declare const query: Record<string, string | string[] | undefined>;

export function compiles(): void {
  const filter = queryFilters(Order, query, { allow: ['status', 'total', 'address.city', 'items[0].qty'] });
  orders.scan().filter(filter);
  orders.query({ userId: 'u1' }).filter(filter);
  queryFilters(Order, new URLSearchParams('a=b'), {
    allow: { total: ['gt', 'between'], tags: ['contains', 'size__gt'] },
    ignore: ['page'],
  });
  void orders.update(
    { userId: 'u1', orderId: 'o1' },
    { set: { status: 'SHIPPED' } },
    { mustExist: true, condition: { status: 'NEW' } },
  );
  void orders.delete({ userId: 'u1', orderId: 'o1' }, { mustExist: true });
  void db.transactWrite((tx) => {
    tx.update(orders, { userId: 'u1', orderId: 'o1' }, { add: { total: 1 } }, { mustExist: true });
    tx.delete(orders, { userId: 'u1', orderId: 'o2' }, { mustExist: true });
  });
  new DkmioClient({ cursorSecret: 'a long random secret...' });
  new DkmioClient({ cursorSecret: ['new secret, seals', 'old secret, opens only'] });
  const plain: Plain = toPlain({ items: [new Order()] });
  void plain;
}

export function refuses(): void {
  // @ts-expect-error a misspelled property in the allow-list
  queryFilters(Order, query, { allow: ['totl'] });
  // @ts-expect-error a misspelled property in an allow map
  queryFilters(Order, query, { allow: { stauts: ['eq'] } });
  // @ts-expect-error an operator that does not exist
  queryFilters(Order, query, { allow: { total: ['bigger'] } });
  // @ts-expect-error allow is mandatory
  queryFilters(Order, query, {});
  // @ts-expect-error mustExist is not a put option (put replaces; use a condition)
  void orders.put({ userId: 'u1', orderId: 'o1' }, { mustExist: true });
  // @ts-expect-error a secret is a string or bytes
  new DkmioClient({ cursorSecret: 42 });
}
