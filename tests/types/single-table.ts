/**
 * Type tests of single-table design: template placeholders checked against the class, collections
 * typed as the union of their members, `instanceof` narrowing, `page.of`, the common-property
 * filter rule, `select` per member and the collection token.
 */
import 'reflect-metadata';
import {
  Entity,
  GlobalIndex,
  LocalIndex,
  Table,
  collection,
  type Collection,
  type CollectionPage,
  type DkmioClient,
} from '../../src';
import { expectType, type Equal, type Expect } from './helpers';

@Table('app', {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: { gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }, lsi1: { sortKey: 'lsi1sk' } },
})
export class AppTable {}

@Entity(AppTable, { type: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' })
@GlobalIndex('gsi1', { partitionKey: 'ORG#{orgId}', sortKey: 'USER#{email}' })
export class User {
  userId!: string;
  orgId!: string;
  email!: string;
  name?: string;
  createdAt?: string;
}

@Entity(AppTable, { type: 'Order', partitionKey: 'USER#{userId}', sortKey: 'ORDER#{createdAt}#{orderId}' })
@GlobalIndex('gsi1', { partitionKey: 'STATUS#{status}', sortKey: '{createdAt}' })
@LocalIndex('lsi1', { sortKey: 'TOTAL#{total:8}' })
export class Order {
  userId!: string;
  orderId!: string;
  createdAt!: string;
  status?: string;
  total?: number;
}

// Placeholders must name properties of the class.
// @ts-expect-error 'userid' is not a property of Typo
@Entity(AppTable, { type: 'Typo', partitionKey: 'USER#{userid}', sortKey: 'X' })
export class Typo {
  userId!: string;
}

@Entity(AppTable, { type: 'Typo2', partitionKey: 'T#{userId}', sortKey: 'X' })
// @ts-expect-error '{emial}' in an index template is checked too
@GlobalIndex('gsi1', { partitionKey: 'ORG#{org}', sortKey: 'USER#{emial}' })
export class Typo2 {
  userId!: string;
  org!: string;
}

// A number in a sort key needs a width (else its keys would not sort).
// @ts-expect-error '{seq}' is a number without a width
@Entity(AppTable, { type: 'Unpadded', partitionKey: 'U#{id}', sortKey: 'LINE#{seq}' })
export class Unpadded {
  id!: string;
  seq!: number;
}

// Widths are placeholders too; constants name nothing.
@Entity(AppTable, { type: 'Line', partitionKey: 'ORDER#{orderId}', sortKey: 'LINE#{seq:4}' })
@GlobalIndex('gsi1', { partitionKey: 'ALL#', sortKey: 'LINES' })
export class Line {
  orderId!: string;
  seq!: number;
}

declare const db: DkmioClient;

async function timeline(): Promise<void> {
  const page = await db.collection([User, Order]).query({ userId: 'u1' }).limit(50);
  expectType<CollectionPage<User | Order>>()(page);
  let total = 0;
  for (const item of page.items) {
    if (item instanceof Order) total += item.total ?? 0;
    else expectType<User>()(item);
  }
  expectType<Order[]>()(page.of(Order));
  expectType<number>()(page.skipped);
  void total;

  // The partition key: a property the members share.
  // @ts-expect-error 'orderId' is not declared by User
  db.collection([User, Order]).query({ orderId: 'o1' });

  // filter(condition): only properties every member declares.
  db.collection([User, Order]).query({ userId: 'u1' }).filter({ createdAt__begins_with: '2026' });
  // @ts-expect-error 'status' is declared by Order only
  db.collection([User, Order]).query({ userId: 'u1' }).filter({ status: 'PAID' });
  // filter(Member, condition): that member's properties.
  db.collection([User, Order]).query({ userId: 'u1' }).filter(Order, { status: 'PAID', total__gt: 5 });
  // @ts-expect-error 'name' is not a property of Order
  db.collection([User, Order]).query({ userId: 'u1' }).filter(Order, { name: 'x' });
  // @ts-expect-error Line is not a member
  db.collection([User, Order]).query({ userId: 'u1' }).filter(Line, { seq: 1 });

  // select(): names some member declares; each member keeps what it declares.
  const selected = await db.collection([User, Order]).query({ userId: 'u1' }).select('name', 'total');
  expectType<(Pick<User, 'name'> | Pick<Order, 'total'>)[]>()(selected.items);
  expectType<Pick<Order, 'total'>[]>()(selected.of(Order));
  // @ts-expect-error no member declares 'nope'
  db.collection([User, Order]).scan().select('nope');

  // A token, and the Collection type it injects.
  const UserTimeline = collection([User, Order]);
  const c: Collection<User | Order> = db.collection(UserTimeline);
  type _t = Expect<Equal<typeof c, Collection<User | Order>>>;
  await c.index('gsi1').scan();
}
void timeline;
