import 'reflect-metadata';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  ConditionError,
  DkmioClient,
  DkmioError,
  ItemNotFoundError,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  Version,
  and,
  not,
  or,
  type Repository,
} from '../../../src';
import { caught, createTable, localDb, rawClient, recordingClient, uniquePrefix } from '../helpers';

@Table('orders')
class Order {
  @PartitionKey({ name: 'pk' }) userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  total?: number;
  tags?: Set<string>;
  note?: string;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
  label(): string {
    return `${this.userId}/${this.orderId}`;
  }
}

@Table('docs')
class Doc {
  @PartitionKey() id!: string;
  @Version({ name: 'rev' }) version?: number;
  body?: string;
}

const prefix = uniquePrefix();
let raw: DynamoDBClient;
let db: DkmioClient;
let orders: Repository<Order>;
let docs: Repository<Doc>;

beforeAll(async () => {
  raw = rawClient();
  await createTable(raw, { name: `${prefix}orders`, partitionKey: ['pk', 'S'], sortKey: ['orderId', 'S'] });
  await createTable(raw, { name: `${prefix}docs`, partitionKey: ['id', 'S'] });
  db = localDb({ tableNamePrefix: prefix });
  orders = db.getRepository(Order);
  docs = db.getRepository(Doc);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

async function rawOrder(userId: string, orderId: string) {
  const out = await raw.send(
    new GetItemCommand({
      TableName: `${prefix}orders`,
      Key: { pk: { S: userId }, orderId: { S: orderId } },
      ConsistentRead: true,
    }),
  );
  return out.Item;
}

describe('put and get', () => {
  it('round-trips an item as an instance of the class, with working getters and methods', async () => {
    const written = await orders.put({
      userId: 'u1',
      orderId: 'o1',
      status: 'NEW',
      createdAt: '2024-01-01',
      total: 2500,
    });
    expect(written).toBeNull();
    const o = await orders.get({ userId: 'u1', orderId: 'o1' });
    expect(o).toBeInstanceOf(Order);
    expect(o).toEqual({ userId: 'u1', orderId: 'o1', status: 'NEW', createdAt: '2024-01-01', total: 2500 });
    expect(o!.isBig).toBe(true);
    expect(o!.label()).toBe('u1/o1');
  });

  it('stores renamed attributes under their stored names and reads them back under the property names', async () => {
    await orders.put({ userId: 'u-ren', orderId: 'o1', createdAt: '2024-02-02' });
    const stored = await rawOrder('u-ren', 'o1');
    expect(stored).toEqual({ pk: { S: 'u-ren' }, orderId: { S: 'o1' }, created_at: { S: '2024-02-02' } });
    const o = await orders.get({ userId: 'u-ren', orderId: 'o1' });
    expect(Object.keys(o!).sort()).toEqual(['createdAt', 'orderId', 'userId']);
  });

  it('leaves out undefined properties and never stores getters or methods of an instance', async () => {
    const item = Object.assign(new Order(), { userId: 'u-inst', orderId: 'o1', total: 5000, note: undefined });
    await orders.put(item);
    const stored = await rawOrder('u-inst', 'o1');
    expect(stored).toEqual({ pk: { S: 'u-inst' }, orderId: { S: 'o1' }, total: { N: '5000' } });
  });

  it('resolves to null when the item is absent', async () => {
    expect(await orders.get({ userId: 'nobody', orderId: 'none' })).toBeNull();
  });

  it('get with select and consistent reads only the selected attributes (renamed ones included)', async () => {
    await orders.put({ userId: 'u-sel', orderId: 'o1', status: 'NEW', createdAt: '2024-03-03', total: 7, note: 'n' });
    const o = await orders.get(
      { userId: 'u-sel', orderId: 'o1' },
      { select: ['total', 'createdAt'], consistent: true },
    );
    expect(o).toBeInstanceOf(Order);
    expect(o).toEqual({ total: 7, createdAt: '2024-03-03' });
  });

  it('getOrThrow returns the instance, or throws ItemNotFoundError naming the table and key', async () => {
    await orders.put({ userId: 'u-got', orderId: 'o1', total: 1 });
    const o = await orders.getOrThrow({ userId: 'u-got', orderId: 'o1' });
    expect(o).toBeInstanceOf(Order);
    const err = await caught(orders.getOrThrow({ userId: 'u-got', orderId: 'missing' }));
    expect(err).toBeInstanceOf(ItemNotFoundError);
    expect(err).toBeInstanceOf(DkmioError);
    expect(err).toMatchObject({
      code: 'ITEM_NOT_FOUND',
      table: `${prefix}orders`,
      key: { userId: 'u-got', orderId: 'missing' },
    });
  });
});

describe('missing keys', () => {
  it('put and get without the sort key throw MissingKeyError naming it, and send nothing', async () => {
    const rec = recordingClient(raw);
    const repo = new DkmioClient({ client: rec, tableNamePrefix: prefix }).getRepository(Order);
    const getErr = await caught(repo.get({ userId: 'u1' }));
    expect(getErr).toBeInstanceOf(MissingKeyError);
    expect(getErr).toMatchObject({ code: 'MISSING_KEY', attribute: 'orderId' });
    expect((getErr as Error).message).toContain('query(');
    const putErr = await caught(repo.put({ userId: 'u1', total: 3 }));
    expect(putErr).toBeInstanceOf(MissingKeyError);
    expect(putErr).toMatchObject({ attribute: 'orderId' });
    await expect(repo.delete({ userId: 'u1' })).rejects.toBeInstanceOf(MissingKeyError);
    await expect(repo.update({ orderId: 'o1' }, { set: { total: 1 } })).rejects.toMatchObject({ attribute: 'userId' });
    expect(rec.sent).toEqual([]);
  });
});

describe('conditions', () => {
  it('put with userId__not_exists succeeds once, then throws ConditionError', async () => {
    const item = { userId: 'u-cond', orderId: 'o1', total: 1 };
    await orders.put(item, { condition: { userId__not_exists: true } });
    const err = await caught(orders.put({ ...item, total: 2 }, { condition: { userId__not_exists: true } }));
    expect(err).toBeInstanceOf(ConditionError);
    expect(err).toMatchObject({ code: 'CONDITION_FAILED' });
    expect((err as ConditionError).item).toBeUndefined();
    expect((await orders.get({ userId: 'u-cond', orderId: 'o1' }))!.total).toBe(1);
  });

  it('conditionOr means (condition) AND (group OR group)', async () => {
    const key = { userId: 'u-or', orderId: 'o1' };
    await orders.put({ ...key, status: 'CONFIRMED', total: 10 });
    const opts = { condition: { total__gt: 5 }, conditionOr: [{ status__eq: 'PENDING' }, { status__eq: 'CONFIRMED' }] };
    await orders.update(key, { set: { note: 'first' } }, opts);
    expect((await orders.get(key))!.note).toBe('first');
    // An OR group holds but the AND part does not.
    await orders.update(key, { set: { total: 1 } });
    await expect(orders.update(key, { set: { note: 'second' } }, opts)).rejects.toBeInstanceOf(ConditionError);
    // The AND part holds but no OR group does.
    await orders.update(key, { set: { total: 10, status: 'SHIPPED' } });
    await expect(orders.update(key, { set: { note: 'third' } }, opts)).rejects.toBeInstanceOf(ConditionError);
    expect((await orders.get(key))!.note).toBe('first');
  });

  it('and/or/not compose in write conditions against the stored item', async () => {
    const key = { userId: 'u-comb', orderId: 'o1' };
    await orders.put({ ...key, status: 'OPEN', total: 150, tags: new Set(['keep']) });
    const condition = or({ status: 'CLOSED' }, and({ total__gte: 100 }, not({ tags__contains: 'keep' })));
    await expect(orders.delete(key, { condition })).rejects.toBeInstanceOf(ConditionError);
    await orders.update(key, { set: { tags: new Set(['other']) } });
    await orders.delete(key, { condition });
    expect(await orders.get(key)).toBeNull();
  });
});

describe('returnValues', () => {
  it('writes without returnValues (or NONE) resolve to null', async () => {
    const key = { userId: 'u-none', orderId: 'o1' };
    expect(await orders.put({ ...key, total: 1 })).toBeNull();
    expect(await orders.put({ ...key, total: 2 }, { returnValues: 'NONE' })).toBeNull();
    expect(await orders.update(key, { set: { total: 3 } })).toBeNull();
    expect(await orders.update(key, { set: { total: 4 } }, { returnValues: 'NONE' })).toBeNull();
    expect(await orders.delete(key)).toBeNull();
  });

  it('put ALL_OLD returns the replaced item (null when there was none)', async () => {
    const key = { userId: 'u-rv', orderId: 'put' };
    expect(await orders.put({ ...key, total: 1, createdAt: 'c1' }, { returnValues: 'ALL_OLD' })).toBeNull();
    const old = await orders.put({ ...key, total: 2 }, { returnValues: 'ALL_OLD' });
    expect(old).toBeInstanceOf(Order);
    expect(old).toEqual({ ...key, total: 1, createdAt: 'c1' });
  });

  it('delete ALL_OLD returns the deleted item', async () => {
    const key = { userId: 'u-rv', orderId: 'del' };
    await orders.put({ ...key, total: 9, createdAt: 'c9' });
    const old = await orders.delete(key, { returnValues: 'ALL_OLD' });
    expect(old).toBeInstanceOf(Order);
    expect(old).toEqual({ ...key, total: 9, createdAt: 'c9' });
    expect(await orders.delete(key, { returnValues: 'ALL_OLD' })).toBeNull();
  });

  it('update returns ALL_NEW, ALL_OLD, UPDATED_OLD and UPDATED_NEW as instances with property names', async () => {
    const key = { userId: 'u-rv', orderId: 'upd' };
    await orders.put({ ...key, total: 1, status: 'A', createdAt: 'c1' });
    const allNew = await orders.update(key, { set: { total: 2, createdAt: 'c2' } }, { returnValues: 'ALL_NEW' });
    expect(allNew).toBeInstanceOf(Order);
    expect(allNew).toEqual({ ...key, total: 2, status: 'A', createdAt: 'c2' });
    const allOld = await orders.update(key, { set: { total: 3 } }, { returnValues: 'ALL_OLD' });
    expect(allOld).toEqual({ ...key, total: 2, status: 'A', createdAt: 'c2' });
    const updOld = await orders.update(key, { set: { total: 4, createdAt: 'c4' } }, { returnValues: 'UPDATED_OLD' });
    expect(updOld).toBeInstanceOf(Order);
    expect(updOld).toEqual({ total: 3, createdAt: 'c2' });
    const updNew = await orders.update(
      key,
      { set: { status: 'B' }, add: { total: 10 } },
      { returnValues: 'UPDATED_NEW' },
    );
    expect(updNew).toEqual({ status: 'B', total: 14 });
  });
});

describe('returnItemOnConditionFail', () => {
  it('puts the stored item, as an instance, on ConditionError.item for put, update and delete', async () => {
    const key = { userId: 'u-rif', orderId: 'o1' };
    await orders.put({ ...key, status: 'LOCKED', total: 5, createdAt: 'c' });
    const expected = { ...key, status: 'LOCKED', total: 5, createdAt: 'c' };
    const opts = { condition: { status__eq: 'OPEN' }, returnItemOnConditionFail: true } as const;
    for (const run of [
      () => orders.put({ ...key, total: 6 }, opts),
      () => orders.update(key, { set: { total: 6 } }, opts),
      () => orders.delete(key, opts),
    ]) {
      const err = await caught(run);
      expect(err).toBeInstanceOf(ConditionError);
      const item = (err as ConditionError<Order>).item;
      expect(item).toBeInstanceOf(Order);
      expect(item).toEqual(expected);
      expect(item!.label()).toBe('u-rif/o1');
    }
  });
});

describe('returnItemOnConditionFail without a stored item', () => {
  it('leaves ConditionError.item undefined when no item exists', async () => {
    const err = await caught(
      orders.update(
        { userId: 'u-rif', orderId: 'absent' },
        { set: { total: 1 } },
        { condition: { userId__exists: true }, returnItemOnConditionFail: true },
      ),
    );
    expect(err).toBeInstanceOf(ConditionError);
    expect((err as ConditionError).item).toBeUndefined();
    expect(await orders.get({ userId: 'u-rif', orderId: 'absent' })).toBeNull();
  });
});

describe('@Version optimistic locking', () => {
  async function rawRev(id: string) {
    const out = await raw.send(
      new GetItemCommand({ TableName: `${prefix}docs`, Key: { id: { S: id } }, ConsistentRead: true }),
    );
    return out.Item?.['rev'];
  }

  it('the first put stores version 1 (regression: it sent an unused version name placeholder, which DynamoDB rejects); a second put without a version fails', async () => {
    await docs.put({ id: 'd1', body: 'a' });
    expect(await rawRev('d1')).toEqual({ N: '1' });
    expect(await docs.get({ id: 'd1' })).toEqual({ id: 'd1', body: 'a', version: 1 });
    await expect(docs.put({ id: 'd1', body: 'b' })).rejects.toBeInstanceOf(ConditionError);
  });

  it('a put with the stored version stores version + 1; a stale version throws ConditionError', async () => {
    await docs.put({ id: 'd2', body: 'a' });
    const d = (await docs.get({ id: 'd2' }))!;
    d.body = 'b';
    await docs.put(d);
    expect(await docs.get({ id: 'd2' })).toEqual({ id: 'd2', body: 'b', version: 2 });
    await expect(docs.put({ id: 'd2', version: 1, body: 'stale' })).rejects.toBeInstanceOf(ConditionError);
    expect((await docs.get({ id: 'd2' }))!.body).toBe('b');
  });

  it('every update increments the version; expectedVersion checks it', async () => {
    await docs.put({ id: 'd3', body: 'a' });
    const v2 = await docs.update({ id: 'd3' }, { set: { body: 'b' } }, { returnValues: 'ALL_NEW' });
    expect(v2).toEqual({ id: 'd3', body: 'b', version: 2 });
    const v3 = await docs.update({ id: 'd3' }, { set: { body: 'c' } }, { expectedVersion: 2, returnValues: 'ALL_NEW' });
    expect(v3!.version).toBe(3);
    const err = await caught(
      docs.update({ id: 'd3' }, { set: { body: 'stale' } }, { expectedVersion: 2, returnItemOnConditionFail: true }),
    );
    expect(err).toBeInstanceOf(ConditionError);
    expect((err as ConditionError<Doc>).item).toEqual({ id: 'd3', body: 'c', version: 3 });
    expect(await rawRev('d3')).toEqual({ N: '3' });
  });
});
