import 'reflect-metadata';
import {
  BatchWriteError,
  DkmioClient,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  Version,
} from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  total?: number;
  tags?: Set<string>;
}

@Table('users')
class User {
  @PartitionKey() userId!: string;
  name?: string;
}

@Table('docs')
class Doc {
  @PartitionKey() id!: string;
  @Version() version?: number;
}

const prefix = `${uniqueTableName('bw')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const orders = db.getRepository(Order);
const users = db.getRepository(User);

beforeAll(async () => {
  await createRawTable(raw, `${prefix}orders`, ['userId', 'S'], ['orderId', 'S']);
  await createRawTable(raw, `${prefix}users`, ['userId', 'S']);
  await createRawTable(raw, `${prefix}docs`, ['id', 'S']);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

const order = (u: string, i: number): Order =>
  Object.assign(new Order(), {
    userId: u,
    orderId: `o${String(i).padStart(4, '0')}`,
    total: i,
    tags: new Set([`t${i % 3}`]),
  });

describe('batchWrite on DynamoDB Local', () => {
  it('writes 260 items (11 chunks) and deletes some, through the repository form', async () => {
    const items = Array.from({ length: 260 }, (_, i) => order('bulk', i));
    await orders.batchWrite((batch) => {
      for (const item of items) batch.put(item);
    });
    const stored = await orders.query({ userId: 'bulk' }).fetchAll();
    expect(stored.items).toHaveLength(260);
    expect(stored.items[7]).toEqual(items[7]);
    expect(stored.items[7]).toBeInstanceOf(Order);

    await orders.batchWrite(async (batch) => {
      await Promise.resolve();
      for (let i = 0; i < 100; i++) batch.delete({ userId: 'bulk', orderId: items[i].orderId });
      batch.put({ ...items[150], total: -1 });
    });
    const after = await orders.query({ userId: 'bulk' }).fetchAll();
    expect(after.count).toBe(160);
    expect(after.items[0].orderId).toBe('o0100');
    expect(after.items[50].total).toBe(-1);
  });

  it('cross-table: puts and deletes on two tables in one batch', async () => {
    await users.put({ userId: 'gone', name: 'x' });
    await db.batchWrite((batch) => {
      batch.put(orders, order('cross', 1));
      batch.put(User, { userId: 'cross', name: 'Ana' });
      batch.delete(users, { userId: 'gone' });
    });
    expect(await orders.get({ userId: 'cross', orderId: 'o0001' })).toEqual(order('cross', 1));
    expect((await users.get({ userId: 'cross' }))!.name).toBe('Ana');
    expect(await users.get({ userId: 'gone' })).toBeNull();
  });

  it('writes nothing when the callback throws, sync or async', async () => {
    await expect(
      orders.batchWrite((batch) => {
        for (let i = 0; i < 30; i++) batch.put(order('throws', i));
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    await expect(
      db.batchWrite(async (batch) => {
        for (let i = 0; i < 30; i++) batch.put(orders, order('throws', i));
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('async nope');
      }),
    ).rejects.toThrow('async nope');
    expect(await orders.query({ userId: 'throws' }).count()).toBe(0);
  });

  it('writes nothing when one item is invalid or two writes share a key', async () => {
    await expect(
      orders.batchWrite((batch) => {
        for (let i = 0; i < 30; i++) batch.put(order('invalid', i));
        batch.put({ userId: 'invalid' });
      }),
    ).rejects.toThrow(MissingKeyError);
    await expect(
      orders.batchWrite((batch) => {
        for (let i = 0; i < 30; i++) batch.put(order('dupe', i));
        batch.delete({ userId: 'dupe', orderId: 'o0003' });
      }),
    ).rejects.toThrow(ValidationError);
    expect(await orders.query({ userId: 'invalid' }).count()).toBe(0);
    expect(await orders.query({ userId: 'dupe' }).count()).toBe(0);
  });

  it('refuses puts of @Version() entities (a batch cannot check versions)', async () => {
    await expect(db.batchWrite((batch) => void batch.put(Doc, { id: 'd1' }))).rejects.toThrow(/@Version\(\)/);
  });

  it('a chunk DynamoDB rejects stops the batch with a BatchWriteError listing exactly what was not written', async () => {
    const items = Array.from({ length: 60 }, (_, i) => order('rejected', i));
    // DynamoDB refuses an item over 400 KB: the chunk holding it (the second) is rejected whole.
    const big = { ...items[30], blob: 'x'.repeat(410_000) };
    const input = [...items.slice(0, 30), big, ...items.slice(31)];
    const error = (await orders
      .batchWrite(
        (batch) => {
          for (const item of input) batch.put(item);
        },
        { concurrency: 1 },
      )
      .catch((e: unknown) => e)) as BatchWriteError;
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error.cause).toBeInstanceOf(ValidationError);
    const stored = (await orders.query({ userId: 'rejected' }).fetchAll()).items.map((o) => o.orderId);
    const unprocessed = error.unprocessed.map((u) => (u.kind === 'put' ? (u.item['orderId'] as string) : ''));
    expect(stored).toEqual(input.slice(0, 25).map((i) => i.orderId));
    expect(unprocessed).toEqual(input.slice(25).map((i) => i.orderId));
    const entry = error.unprocessed[5];
    // The caller's own object comes back (compared by identity: printing a 400 KB diff helps nobody).
    expect(entry.kind === 'put' && entry.entity === Order && entry.item === big).toBe(true);
  });
});
