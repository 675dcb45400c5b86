/**
 * Type tests of keys, where() and result types: select() narrows to Pick<T, ...> through every
 * way of running a builder, and through get().
 */
import type { Page, QueryBuilder, Repository, ScanBuilder } from '../../src';
import { expectType, type Equal, type Expect } from './helpers';
import { Order, User } from './entities';

declare const orders: Repository<Order>;
declare const users: Repository<User>;

export async function results(): Promise<void> {
  // Whole entities by default.
  expectType<Page<Order>>()(await orders.query({ userId: 'u1' }));
  expectType<Page<Order>>()(await orders.scan().execute());
  expectType<Order | null>()(await orders.get({ userId: 'u1', orderId: 'o1' }));
  expectType<Order>()(await orders.getOrThrow({ userId: 'u1', orderId: 'o1' }));
  expectType<Order | null>()(await orders.update({ userId: 'u1', orderId: 'o1' }, { set: { total: 1 } }));

  // select() narrows, in any position of the chain.
  const q = orders.query({ userId: 'u1' }).where({ gte: 'o1' }).select('total', 'status').limit(5).scanForward(false);
  type Selected = Pick<Order, 'total' | 'status'>;
  type _q = Expect<Equal<typeof q, QueryBuilder<Order, Selected>>>;
  expectType<Page<Selected>>()(await q);
  expectType<Page<Selected>>()(await q.execute());
  expectType<Page<Selected>>()(await q.fetchAll({ maxItems: 10 }));
  for await (const item of q) expectType<Selected>()(item);
  expectType<number>()(await q.count());

  const s = orders.scan().filter({ total__gt: 1 }).select('userId').segments(2);
  type _s = Expect<Equal<typeof s, ScanBuilder<Order, Pick<Order, 'userId'>>>>;
  for await (const item of s) expectType<Pick<Order, 'userId'>>()(item);
  expectType<Page<Pick<Order, 'createdAt'>>>()(
    await orders.index('gsi-status').query({ status: 'NEW' }).select('createdAt'),
  );

  expectType<Pick<Order, 'total'> | null>()(await orders.get({ userId: 'u1', orderId: 'o1' }, { select: ['total'] }));
  expectType<Pick<Order, 'total' | 'paid'>>()(
    await orders.getOrThrow({ userId: 'u1', orderId: 'o1' }, { select: ['total', 'paid'], consistent: true }),
  );

  // Nested select narrows to the nested shape.
  const nested = await orders.query({ userId: 'u1' }).select('address.city', 'items[0].qty', 'total');
  type Nested = { total?: number; address?: { city: string }; items?: { qty: number }[] };
  const n0 = nested.items[0]!;
  const asNested: Nested = n0; // the selected shape is exactly Nested, both ways
  const fromNested: typeof n0 = {} as Nested;
  void [asNested, fromNested];
  void n0.address?.city;
  void n0.items?.[0]?.qty;
  // @ts-expect-error zip was not selected inside address
  void n0.address?.zip;
  // @ts-expect-error sku was not selected inside items
  void n0.items?.[0]?.sku;
  // @ts-expect-error status was not selected at all
  void n0.status;
  const deep = await orders.scan().select('address.geo.lat');
  expectType<number | undefined>()(deep.items[0]!.address?.geo?.lat);
  // @ts-expect-error a misspelled nested path does not compile
  orders.scan().select('address.cty');

  // A selected result has only the selected properties.
  const page = await orders.scan().select('total');
  // @ts-expect-error status was not selected
  void page.items[0]!.status;
}

export function keys(): void {
  orders.get({ userId: 'u1', orderId: 'o1' });
  users.get({ id: 5 });
  orders.query({ userId: 'u1', orderId: 'o1' });
  orders.index('gsi-status').query({ status: 'NEW', createdAt: '2024' });
  orders.delete({ userId: 'u1', orderId: 'o1' });
  // @ts-expect-error misspelled key property
  orders.get({ userID: 'u1', orderId: 'o1' });
  // @ts-expect-error a number key takes numbers
  users.get({ id: '5' });
  // @ts-expect-error a map cannot be a key
  orders.get({ userId: 'u1', address: { city: 'x' } });
  // @ts-expect-error booleans cannot be keys
  orders.delete({ userId: 'u1', paid: true });
  // @ts-expect-error a value outside the literal union
  orders.index('gsi-status').query({ status: 'LOST' });
  // @ts-expect-error keys are typed in update too
  orders.update({ user: 'u1' }, { set: { total: 1 } });
  // @ts-expect-error select names properties
  orders.scan().select('totl');
  // @ts-expect-error select takes top-level properties, not methods
  orders.scan().select('describe');
  // @ts-expect-error get's select is typed too
  orders.get({ userId: 'u1', orderId: 'o1' }, { select: ['totl'] });
}

export function where(): void {
  const q = () => orders.query({ userId: 'u1' });
  q().where({ eq: 'o1' });
  q().where({ between: ['a', 'b'] });
  q().where({ begins_with: 'ord_' });
  q().where({ lte: 5 });
  // @ts-expect-error exactly one operator
  q().where({ gte: 'a', lt: 'b' });
  // @ts-expect-error an operator where() does not have
  q().where({ contains: 'a' });
  // @ts-expect-error at least one operator
  q().where({});
  // @ts-expect-error between takes two bounds
  q().where({ between: ['a'] });
  // @ts-expect-error begins_with takes a string or binary prefix
  q().where({ begins_with: 5 });
  // @ts-expect-error key values are strings, numbers or binaries
  q().where({ eq: true });
}
