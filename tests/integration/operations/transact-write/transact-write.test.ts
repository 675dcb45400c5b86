import 'reflect-metadata';
import {
  and,
  ConditionError,
  DkmioClient,
  not,
  or,
  PartitionKey,
  SortKey,
  Table,
  TransactionError,
  ValidationError,
} from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  status?: string;
  total?: number;
}

@Table('users')
class User {
  @PartitionKey() userId!: string;
  status?: string;
  ordersCount?: number;
}

const prefix = `${uniqueTableName('tw')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const orders = db.getRepository(Order);
const users = db.getRepository(User);

beforeAll(async () => {
  await createRawTable(raw, `${prefix}orders`, ['userId', 'S'], ['orderId', 'S']);
  await createRawTable(raw, `${prefix}users`, ['userId', 'S']);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

describe('transactWrite on DynamoDB Local', () => {
  it('put, update, delete and conditionCheck across tables all apply', async () => {
    await users.put({ userId: 'u1', status: 'ACTIVE', ordersCount: 0 });
    await orders.put({ userId: 'u1', orderId: 'o0', status: 'PENDING' });
    await orders.put({ userId: 'u1', orderId: 'old', status: 'CANCELLED' });
    await db.transactWrite((tx) => {
      tx.put(orders, { userId: 'u1', orderId: 'o1', total: 100 }, { condition: { userId__not_exists: true } });
      tx.update(
        orders,
        { userId: 'u1', orderId: 'o0' },
        { set: { status: 'REPLACED' } },
        { condition: { status__eq: 'PENDING' } },
      );
      tx.delete(
        Order,
        { userId: 'u1', orderId: 'old' },
        { condition: or({ status: 'CANCELLED' }, and({ total__gt: 5 }, not({ status: 'X' }))) },
      );
      tx.conditionCheck(users, { userId: 'u1' }, { conditionOr: [{ status__eq: 'ACTIVE' }, { status__eq: 'VIP' }] });
    });
    expect(await orders.get({ userId: 'u1', orderId: 'o1' })).toMatchObject({ total: 100 });
    expect(await orders.get({ userId: 'u1', orderId: 'o0' })).toMatchObject({ status: 'REPLACED' });
    expect(await orders.get({ userId: 'u1', orderId: 'old' })).toBeNull();
  });

  it('one failing condition cancels everything, leaves every item unchanged and names its index', async () => {
    await users.put({ userId: 'u2', status: 'BANNED', ordersCount: 3 });
    await orders.put({ userId: 'u2', orderId: 'a', status: 'PENDING', total: 1 });
    await orders.put({ userId: 'u2', orderId: 'b', status: 'PENDING', total: 2 });
    const before = [
      await users.get({ userId: 'u2' }),
      await orders.get({ userId: 'u2', orderId: 'a' }),
      await orders.get({ userId: 'u2', orderId: 'b' }),
    ];
    const error = (await db
      .transactWrite((tx) => {
        tx.update(orders, { userId: 'u2', orderId: 'a' }, { set: { status: 'PAID' } });
        tx.delete(orders, { userId: 'u2', orderId: 'b' });
        tx.put(orders, { userId: 'u2', orderId: 'c', total: 3 });
        tx.update(
          users,
          { userId: 'u2' },
          { add: { ordersCount: 1 } },
          { condition: { status: 'ACTIVE' }, returnItemOnConditionFail: true },
        );
      })
      .catch((e: unknown) => e)) as TransactionError;
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons.map((r) => r.code)).toEqual(['None', 'None', 'None', 'ConditionalCheckFailed']);
    expect(error.reasons[3].index).toBe(3);
    expect(error.reasons[3].item).toBeInstanceOf(User);
    expect(error.reasons[3].item).toEqual(before[0]);
    expect([
      await users.get({ userId: 'u2' }),
      await orders.get({ userId: 'u2', orderId: 'a' }),
      await orders.get({ userId: 'u2', orderId: 'b' }),
    ]).toEqual(before);
    expect(await orders.get({ userId: 'u2', orderId: 'c' })).toBeNull();
  });

  it('clientRequestToken makes a retried transaction idempotent', async () => {
    await users.put({ userId: 'u3', ordersCount: 0 });
    const run = () =>
      db.transactWrite((tx) => void tx.update(users, { userId: 'u3' }, { add: { ordersCount: 1 } }), {
        clientRequestToken: `tok-${prefix}`.slice(0, 36),
      });
    await run();
    await run();
    expect((await users.get({ userId: 'u3' }))!.ordersCount).toBe(1);
  });

  it('the same item twice or over 100 items is refused before sending; a throwing callback writes nothing', async () => {
    await expect(
      db.transactWrite((tx) => {
        tx.put(orders, { userId: 'u4', orderId: 'x' });
        tx.update(orders, { userId: 'u4', orderId: 'x' }, { set: { status: 'A' } });
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      db.transactWrite((tx) => {
        for (let i = 0; i < 101; i++) tx.put(orders, { userId: 'u4', orderId: `o${i}` });
      }),
    ).rejects.toThrow(/at most 100/);
    await expect(
      db.transactWrite((tx) => {
        tx.put(orders, { userId: 'u4', orderId: 'y' });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await orders.query({ userId: 'u4' }).count()).toBe(0);
  });

  it('100 items in one transaction are accepted', async () => {
    await db.transactWrite((tx) => {
      for (let i = 0; i < 100; i++) tx.put(orders, { userId: 'u5', orderId: `o${String(i).padStart(3, '0')}` });
    });
    expect(await orders.query({ userId: 'u5' }).count()).toBe(100);
  });

  it('a single write with a failed condition is still a ConditionError (not a transaction)', async () => {
    await expect(
      orders.put({ userId: 'u1', orderId: 'o1' }, { condition: { userId__not_exists: true } }),
    ).rejects.toThrow(ConditionError);
  });
});
