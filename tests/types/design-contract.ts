/**
 * DESIGN.md's examples, compiled verbatim in the default (strict) type mode: tests written from
 * the contract must compile against the library's types. `Order` is DESIGN.md's class as written:
 * it declares every name its examples use.
 */
import 'reflect-metadata';
import {
  Attribute,
  DkmioClient,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  Version,
  and,
  fromNow,
  httpStatusOf,
  not,
  or,
  type Repository,
} from '../../src';
import { startLocalDynamo } from '../../src/testing';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'itemsCount'] })
@GlobalIndex('gsi-date', { partitionKey: 'userId', sortKey: 'createdAt', projection: 'ALL' })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-amount', { sortKey: 'total' })
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string; // optional: records the design type (for createTables) or a stored name
  @Attribute({ name: 'created_at' }) createdAt?: string; // property name in code, attribute name in the table
  @Attribute() total?: number; // an index key: decorated so createTables knows its type
  @Attribute() region?: string;
  itemsCount?: number; // undecorated properties: typed, stored as they are
  address?: { city: string; zip?: string };
  items?: { sku: string; qty: number }[];
  tags?: Set<string>;
  oldTags?: Set<string>;
  history?: { action: string }[];
  tempNotes?: string;
  version?: number;
  @Ttl() expiresAt?: number;
  get isBig() {
    return (this.total ?? 0) > 1000;
  } // results are instances: methods and getters work
}

@Table({ name: 'users' })
export class User {
  @PartitionKey() userId!: string;
  @Attribute() status?: string;
  @Version() version?: number;
}

export async function contract(): Promise<void> {
  const db = new DkmioClient({ region: 'us-east-1' });
  new DkmioClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:8000',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  new DkmioClient({ tableNamePrefix: 'dev-' });
  new DkmioClient({ circuitBreaker: { failureThreshold: 3, recoveryTimeoutMs: 60_000 } });
  new DkmioClient({ circuitBreaker: false });
  new DkmioClient({ logger: console });
  const state: 'closed' | 'open' | 'half_open' = db.circuitBreaker.state;
  void state;
  db.circuitBreaker.reset();
  const orders: Repository<Order> = db.getRepository(Order);
  const users = db.getRepository(User);
  await db.createTables([Order, User]);

  const key = { userId: 'u1', orderId: 'o1' };
  const k1 = key,
    k2 = { userId: 'u1', orderId: 'o2' },
    k3 = { userId: 'u1', orderId: 'o3' };
  const o: Order | null = await orders.get({ userId: 'u1', orderId: 'o1' });
  void o?.isBig;
  const picked = await orders.get(key, { select: ['total', 'status'], consistent: true });
  void picked?.total;
  const sure: Order = await orders.getOrThrow(key);
  void sure;
  await orders.put(
    { userId: 'u1', orderId: 'o1', status: 'NEW', total: 250 },
    { condition: { userId__not_exists: true } },
  );
  const updated: Order | null = await orders.update(
    { userId: 'u1', orderId: 'o1' },
    {
      set: { status: 'SHIPPED', 'address.city': 'Lima', 'items[0].qty': 5 },
      remove: ['tempNotes'],
      append: { history: { action: 'shipped' } },
      add: { version: 1, tags: new Set(['urgent']) },
      delete: { oldTags: new Set(['deprecated']) },
    },
    {
      condition: { version__eq: 3 },
      conditionOr: [{ status__eq: 'PENDING' }, { status__eq: 'CONFIRMED' }],
      returnValues: 'ALL_NEW',
    },
  );
  void updated;
  await orders.update(key, { setIfNotExists: { createdAt: 'now' }, prepend: { history: { action: 'first' } } });
  await orders.delete(key, { condition: { status__eq: 'CANCELLED' }, returnValues: 'ALL_OLD' });
  const many: (Pick<Order, 'total'> | null)[] = await orders.batchGet([k1, k2, k3], {
    select: ['total'],
    consistent: true,
  });
  const all: (Order | null)[] = await orders.batchGet([k1, k2, k3]);
  void all;
  void many;
  const item1 = { userId: 'u1', orderId: 'o1', total: 1 },
    item2 = { userId: 'u1', orderId: 'o2' };
  await orders.batchWrite((batch) => {
    batch.put(item1);
    batch.put(item2);
    batch.delete(k3);
  });
  await orders.batchWrite(
    (batch) => {
      batch.put(item1);
    },
    { maxAttempts: 5, baseDelayMs: 10, concurrency: 2 },
  );
  await db.batchWrite((batch) => {
    batch.put(orders, item1);
    batch.delete(users, { userId: 'u1' });
  });
  orders.query({ userId: 'u1' });
  orders.scan();
  orders.index('gsi-status').query({ status: 'PENDING' });
  orders.index('gsi-status').scan();
  const seconds: number = fromNow({ days: 7, hours: 12 }) + orders.ttl.fromNow({ days: 1 });
  void seconds;
  await orders.get(key, { signal: AbortSignal.timeout(1000) });
  await orders.put(item1, { returnItemOnConditionFail: true });

  const page0 = await orders.query({ userId: 'u1' });
  const lastKey = page0.lastKey;
  const q = orders
    .query({ userId: 'u1' })
    .where({ gte: 'ord_100' })
    .filter({ total__gt: 100, status__in: ['PENDING', 'DRAFT'] })
    .select('total', 'status')
    .limit(20)
    .scanForward(false)
    .consistent()
    .startFrom(lastKey);
  const page = await q;
  const { items, cursor, count, scannedCount } = page;
  void [items[0]?.total, cursor, count, scannedCount];
  for await (const order of q) void order.total;
  await q.fetchAll({ maxItems: 1000 });
  const n: number = await q.count();
  void n;
  const plan = q.explain();
  void [
    plan.operation,
    plan.table,
    plan.index,
    plan.keyCondition,
    plan.filter,
    plan.projection,
    plan.expressionAttributeNames,
    plan.expressionAttributeValues,
  ];
  orders.query({ userId: 'u1' }).startFrom(page.cursor);
  orders.scan().segments(4);
  orders.scan().segment(0, 4);
  orders.scan().signal(new AbortController().signal);

  orders.scan().filter({ 'address.city__eq': 'Lima', 'items[0].qty__gt': 5, items__size__gt: 0 });
  orders.scan().filter({ items__size__between: [1, 10], status: 'NEW' });
  orders.scan().filter(or({ status__eq: 'A' }, and({ total__gt: 5 }, not({ tags__contains: 'x' }))));

  await db.transactWrite(
    (tx) => {
      tx.put(orders, { userId: 'u1', orderId: 'o1', total: 100 }, { condition: { userId__not_exists: true } });
      tx.update(
        orders,
        { userId: 'u1', orderId: 'o0' },
        { set: { status: 'REPLACED' } },
        { condition: { status__eq: 'PENDING' } },
      );
      tx.delete(orders, { userId: 'u1', orderId: 'old' });
      tx.conditionCheck(users, { userId: 'u1' }, { conditionOr: [{ status__eq: 'ACTIVE' }, { status__eq: 'VIP' }] });
    },
    { clientRequestToken: 'token-1' },
  );
  const [order, user] = await db.transactGet((tx) => [tx.get(orders, k1), tx.get(users, { userId: 'u1' })] as const);
  void [order?.total, user?.status];
  await users.update({ userId: 'u1' }, { set: { status: 'VIP' } }, { expectedVersion: 2 });

  const status: number = httpStatusOf(new Error('x'));
  void status;
  await db.deleteTables([Order, User]);
  db.destroy();
  const local = await startLocalDynamo();
  void local.endpoint;
  await local.stop();
}
