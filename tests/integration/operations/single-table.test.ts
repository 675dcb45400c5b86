import 'reflect-metadata';
import { GetItemCommand, PutItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  ConditionError,
  DkmioClient,
  ItemNotFoundError,
  Entity,
  GlobalIndex,
  MissingKeyError,
  Table,
  ValidationError,
  type Repository,
} from '../../../src';
import { caught, localDb, rawClient, uniquePrefix } from '../helpers';

@Table('app', { partitionKey: 'pk', sortKey: 'sk', indexes: { gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } } })
class AppTable {}

@Entity(AppTable, { type: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' })
@GlobalIndex('gsi1', { partitionKey: 'ORG#{orgId}', sortKey: 'USER#{email}' })
class User {
  userId!: string;
  orgId!: string;
  email!: string;
  name?: string;
  get greeting(): string {
    return `Hello ${this.name}`;
  }
}

@Entity(AppTable, { type: 'Order', partitionKey: 'USER#{userId}', sortKey: 'ORDER#{createdAt}#{orderId}' })
@GlobalIndex('gsi1', { partitionKey: 'STATUS#{status}', sortKey: '{createdAt}' })
class Order {
  userId!: string;
  orderId!: string;
  createdAt!: string;
  status?: string;
  total?: number;
}

const prefix = uniquePrefix();
const table = `${prefix}app`;
let raw: DynamoDBClient;
let db: DkmioClient;
let users: Repository<User>;
let orders: Repository<Order>;

async function stored(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
  const out = await raw.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk }, sk: { S: sk } } }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

beforeAll(async () => {
  raw = rawClient();
  db = localDb({ tableNamePrefix: prefix });
  await db.createTables([AppTable]);
  users = db.getRepository(User);
  orders = db.getRepository(Order);
});

afterAll(async () => {
  await db.deleteTables([AppTable]);
  db.destroy();
  raw.destroy();
});

describe('writes compose keys from templates', () => {
  it('put stores the composed keys, the sources and the type attribute', async () => {
    await users.put({ userId: 'u1', orgId: 'o1', email: 'a@x.io', name: 'Ann' });
    expect(await stored('USER#u1', 'PROFILE')).toEqual({
      pk: 'USER#u1',
      sk: 'PROFILE',
      gsi1pk: 'ORG#o1',
      gsi1sk: 'USER#a@x.io',
      _type: 'User',
      userId: 'u1',
      orgId: 'o1',
      email: 'a@x.io',
      name: 'Ann',
    });
  });

  it('get takes the key as properties and returns an instance without composed attributes', async () => {
    const user = await users.get({ userId: 'u1' });
    expect(user).toBeInstanceOf(User);
    expect({ ...user }).toEqual({ userId: 'u1', orgId: 'o1', email: 'a@x.io', name: 'Ann' });
    expect(user!.greeting).toBe('Hello Ann');
  });

  it('an index key with a missing source is left out (a sparse index)', async () => {
    await orders.put({ userId: 'u1', orderId: 'o1', createdAt: '2026-01-01', total: 10 });
    const item = await stored('USER#u1', 'ORDER#2026-01-01#o1');
    expect(item).toEqual({
      pk: 'USER#u1',
      sk: 'ORDER#2026-01-01#o1',
      gsi1sk: '2026-01-01',
      _type: 'Order',
      userId: 'u1',
      orderId: 'o1',
      createdAt: '2026-01-01',
      total: 10,
    });
  });

  it('a write never clobbers an item of another type (ConditionError)', async () => {
    // Another client's item under a key an Order composes.
    await raw.send(new ScanCommand({ TableName: table }));
    await raw.send(
      new PutItemCommand({
        TableName: table,
        Item: { pk: { S: 'USER#u9' }, sk: { S: 'ORDER#2026#x' }, _type: { S: 'Invoice' } },
      }),
    );
    expect(await caught(orders.put({ userId: 'u9', orderId: 'x', createdAt: '2026' }))).toBeInstanceOf(ConditionError);
    expect(
      await caught(orders.update({ userId: 'u9', orderId: 'x', createdAt: '2026' }, { set: { total: 1 } })),
    ).toBeInstanceOf(ConditionError);
    expect(await caught(orders.delete({ userId: 'u9', orderId: 'x', createdAt: '2026' }))).toBeInstanceOf(
      ConditionError,
    );
    // The other type's item is not handed on as an Order; with mustExist there is no Order there.
    const failed = await caught(
      orders.put({ userId: 'u9', orderId: 'x', createdAt: '2026' }, { returnItemOnConditionFail: true }),
    );
    expect((failed as ConditionError).item).toBeUndefined();
    expect(
      await caught(
        orders.update({ userId: 'u9', orderId: 'x', createdAt: '2026' }, { set: { total: 1 } }, { mustExist: true }),
      ),
    ).toBeInstanceOf(ItemNotFoundError);
    expect(await stored('USER#u9', 'ORDER#2026#x')).toEqual({ pk: 'USER#u9', sk: 'ORDER#2026#x', _type: 'Invoice' });
    // Reads: another type's item is not an Order.
    expect(await orders.get({ userId: 'u9', orderId: 'x', createdAt: '2026' })).toBeNull();
  });

  it('the user condition is ANDed with the type guard', async () => {
    await orders.put({ userId: 'u2', orderId: 'o1', createdAt: '2026-02-01', status: 'NEW' });
    expect(
      await caught(
        orders.put({ userId: 'u2', orderId: 'o1', createdAt: '2026-02-01' }, { condition: { status: 'PAID' } }),
      ),
    ).toBeInstanceOf(ConditionError);
    await orders.put(
      { userId: 'u2', orderId: 'o1', createdAt: '2026-02-01', status: 'PAID' },
      { condition: { status: 'NEW' } },
    );
    expect((await orders.get({ userId: 'u2', orderId: 'o1', createdAt: '2026-02-01' }))!.status).toBe('PAID');
  });

  it('the last placeholder takes any text: it parses back whole', async () => {
    await orders.put({ userId: 'u3', orderId: 'a#b', createdAt: '2026' });
    expect((await orders.query({ userId: 'u3' })).items.map((o) => o.orderId)).toEqual(['a#b']);
  });

  it('bad template values are ValidationErrors, a missing source a MissingKeyError, before anything is sent', async () => {
    expect(await caught(orders.put({ userId: 'u1', orderId: 'a', createdAt: '2026#01' }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(users.put({ userId: '', orgId: 'o', email: 'e' }))).toBeInstanceOf(ValidationError);
    expect(await caught(orders.put({ userId: 'u1', orderId: 'a' }))).toBeInstanceOf(MissingKeyError);
    expect(await caught(users.get({ userId: 'u1', email: 'x' }))).toBeInstanceOf(ValidationError);
  });
});

describe('reads', () => {
  it('an entity query reads only its type, in key order', async () => {
    await orders.put({ userId: 'u1', orderId: 'o2', createdAt: '2026-01-02', status: 'PAID', total: 20 });
    const page = await orders.query({ userId: 'u1' });
    expect(page.items.map((o) => o.orderId)).toEqual(['o1', 'o2']);
    expect(page.items.every((o) => o instanceof Order)).toBe(true);
    const profile = await users.query({ userId: 'u1' });
    expect(profile.items).toHaveLength(1);
    expect(profile.items[0]).toBeInstanceOf(User);
  });

  it('where() compares after the sort template literal; leading sort sources narrow the query', async () => {
    const later = await orders.query({ userId: 'u1' }).where({ gte: '2026-01-02' });
    expect(later.items.map((o) => o.orderId)).toEqual(['o2']);
    const day = await orders.query({ userId: 'u1', createdAt: '2026-01-01' });
    expect(day.items.map((o) => o.orderId)).toEqual(['o1']);
  });

  it('an index query composes the index templates', async () => {
    const paid = await orders.index('gsi1').query({ status: 'PAID' });
    expect(paid.items.map((o) => [o.userId, o.orderId])).toEqual([
      ['u1', 'o2'],
      ['u2', 'o1'],
    ]);
    const org = await users.index('gsi1').query({ orgId: 'o1' });
    expect(org.items.map((u) => u.email)).toEqual(['a@x.io']);
  });

  it('scan adds the type filter', async () => {
    const all = await users.scan();
    expect(all.items.every((u) => u instanceof User)).toBe(true);
    expect(all.items.map((u) => u.userId)).toEqual(['u1']);
  });
});

describe('updates', () => {
  it('primary-key sources cannot change', async () => {
    expect(
      await caught(
        orders.update({ userId: 'u1', orderId: 'o1', createdAt: '2026-01-01' }, { set: { createdAt: '2027' } }),
      ),
    ).toBeInstanceOf(ValidationError);
  });

  it('set of an index source recomposes the index key; remove takes the item out of the index', async () => {
    const key = { userId: 'u1', orderId: 'o1', createdAt: '2026-01-01' };
    await orders.update(key, { set: { status: 'SHIPPED' } });
    expect(await stored('USER#u1', 'ORDER#2026-01-01#o1')).toMatchObject({
      gsi1pk: 'STATUS#SHIPPED',
      gsi1sk: '2026-01-01',
      status: 'SHIPPED',
    });
    expect((await orders.index('gsi1').query({ status: 'SHIPPED' })).items).toHaveLength(1);
    await orders.update(key, { remove: ['status'] });
    const after = await stored('USER#u1', 'ORDER#2026-01-01#o1');
    expect(after).not.toHaveProperty('gsi1pk');
    expect(after).not.toHaveProperty('status');
  });

  it('a source whose siblings are not in the key or the set needs compose, checked as a condition', async () => {
    expect(await caught(users.update({ userId: 'u1' }, { set: { email: 'b@x.io' } }))).toBeInstanceOf(ValidationError);
    expect(
      await caught(users.update({ userId: 'u1' }, { set: { email: 'b@x.io' } }, { compose: { orgId: 'stale' } })),
    ).toBeInstanceOf(ConditionError);
    await users.update({ userId: 'u1' }, { set: { email: 'b@x.io' } }, { compose: { orgId: 'o1' } });
    expect(await stored('USER#u1', 'PROFILE')).toMatchObject({
      gsi1pk: 'ORG#o1',
      gsi1sk: 'USER#b@x.io',
      email: 'b@x.io',
    });
  });

  it('add/append on a source is refused', async () => {
    expect(await caught(users.update({ userId: 'u1' }, { add: { email: 1 } }))).toBeInstanceOf(ValidationError);
  });
});

describe('collections', () => {
  const timeline = () => db.collection([User, Order]);

  it('a query returns instances of each member in key order', async () => {
    const page = await timeline().query({ userId: 'u1' });
    expect(page.items.map((i) => i.constructor.name)).toEqual(['Order', 'Order', 'User']);
    expect(page.items.map((i) => (i instanceof Order ? i.orderId : i.userId))).toEqual(['o1', 'o2', 'u1']);
    let total = 0;
    for (const item of page.items) if (item instanceof Order) total += item.total ?? 0;
    expect(total).toBe(30);
    expect(page.of(Order).map((o) => o.orderId)).toEqual(['o1', 'o2']);
    expect(page.of(User)).toHaveLength(1);
    expect(page.skipped).toBe(0);
    expect(Object.keys(page.items[2])).not.toContain('_type');
  });

  it('filter(Member, condition) applies to that member only', async () => {
    const page = await timeline().query({ userId: 'u1' }).filter(Order, { status: 'PAID' });
    expect(page.items.map((i) => i.constructor.name)).toEqual(['Order', 'User']);
    expect(page.of(Order).map((o) => o.orderId)).toEqual(['o2']);
  });

  it('filter(condition) on a property only some members declare is refused at run time', async () => {
    expect(() =>
      timeline()
        .query({ userId: 'u1' })
        .filter({ status: 'PAID' } as never),
    ).toThrow(ValidationError);
    expect(() =>
      timeline()
        .query({ userId: 'u1' })
        .filter({ status: 'PAID' } as never),
    ).toThrow(/not declared by User/);
  });

  it('select narrows every member; keys and the type are read and left out', async () => {
    const page = await timeline().query({ userId: 'u1' }).select('total', 'name');
    expect(page.items.map((i) => ({ ...i }))).toEqual([{ total: 10 }, { total: 20 }, { name: 'Ann' }]);
    expect(page.items[2]).toBeInstanceOf(User);
  });

  it('pages with limit and cursors, and fetchAll/count/for await', async () => {
    const first = await timeline().query({ userId: 'u1' }).limit(2);
    expect(first.items).toHaveLength(2);
    const rest = await timeline().query({ userId: 'u1' }).startFrom(first.cursor);
    expect(rest.items.map((i) => i.constructor.name)).toEqual(['User']);
    const all = await timeline().query({ userId: 'u1' }).limit(1).fetchAll();
    expect(all.items).toHaveLength(3);
    expect(await timeline().query({ userId: 'u1' }).count()).toBe(3);
    const seen: string[] = [];
    for await (const item of timeline().query({ userId: 'u1' }).limit(1)) seen.push(item.constructor.name);
    expect(seen).toEqual(['Order', 'Order', 'User']);
  });

  it('an item of no member is skipped and counted when the type attribute is not read', async () => {
    const page = await timeline().scan();
    expect(page.items.every((i) => i instanceof User || i instanceof Order)).toBe(true);
    expect(page.skipped).toBe(0); // the type filter keeps the Invoice out
  });

  it('a parallel scan reads every segment; segment(i, n) reads one', async () => {
    const serial = await timeline().scan().fetchAll();
    const parallel = await timeline().scan().segments(3).fetchAll();
    expect(parallel.items).toHaveLength(serial.items.length);
    expect(parallel.lastKey).toBeUndefined();
    const parts = await Promise.all([0, 1, 2].map((i) => timeline().scan().segment(i, 3).fetchAll()));
    expect(parts.reduce((n, p) => n + p.items.length, 0)).toBe(serial.items.length);
    expect(await timeline().scan().segments(2).count()).toBe(serial.items.length);
  });

  it('members must compose the queried partition key with the same template', async () => {
    expect(() =>
      timeline()
        .index('gsi1')
        .query({ status: 'PAID' } as never),
    ).toThrow(/composes index "gsi1"'s partition key/);
  });

  it('explain() shows the type IN filter', () => {
    const explained = timeline().query({ userId: 'u1' }).filter(Order, { status: 'PAID' }).explain();
    expect(explained.keyCondition).toBe('#n0 = :v0');
    expect(explained.filter).toBe('#n1 IN (:v1, :v2) AND (#n1 <> :v4 OR (#n2 = :v3))');
    expect(explained.expressionAttributeValues).toEqual({
      ':v0': 'USER#u1',
      ':v1': 'User',
      ':v2': 'Order',
      ':v3': 'PAID',
      ':v4': 'Order',
    });
  });
});

describe('batches and transactions across members', () => {
  it('batchWrite and transactWrite take entities of one table; batchGet/transactGet hydrate each', async () => {
    await db.batchWrite((b) => {
      b.put(users, { userId: 'u5', orgId: 'o5', email: 'e5' });
      b.put(orders, { userId: 'u5', orderId: 'x1', createdAt: '2026-03-01' });
    });
    await db.transactWrite((tx) => {
      tx.put(orders, { userId: 'u5', orderId: 'x2', createdAt: '2026-03-02' });
      tx.update(users, { userId: 'u5' }, { set: { name: 'Five' } });
    });
    const [u, o] = await db.transactGet(
      (tx) =>
        [
          tx.get(users, { userId: 'u5' }),
          tx.get(orders, { userId: 'u5', orderId: 'x2', createdAt: '2026-03-02' }),
        ] as const,
    );
    expect(u).toBeInstanceOf(User);
    expect(u!.name).toBe('Five');
    expect(o).toBeInstanceOf(Order);
    // batchGet: instances in input order; another type's item under an Order key is null.
    const got = await orders.batchGet(
      [
        { userId: 'u5', orderId: 'x2', createdAt: '2026-03-02' },
        { userId: 'u9', orderId: 'x', createdAt: '2026' },
      ],
      { select: ['orderId'] },
    );
    expect(got.map((g) => (g ? { ...g } : null))).toEqual([{ orderId: 'x2' }, null]);
    expect(await stored('USER#u5', 'PROFILE')).toMatchObject({ _type: 'User', gsi1pk: 'ORG#o5' });
    const timeline = await db.collection([User, Order]).query({ userId: 'u5' });
    expect(timeline.items.map((i) => i.constructor.name)).toEqual(['Order', 'Order', 'User']);
  });

  it('two writes composing the same stored key are the duplicate-key ValidationError', async () => {
    expect(
      await caught(
        db.batchWrite((b) => {
          b.put(orders, { userId: 'u6', orderId: 'a', createdAt: '2026' });
          b.delete(orders, { userId: 'u6', orderId: 'a', createdAt: '2026' });
        }),
      ),
    ).toBeInstanceOf(ValidationError);
  });
});
