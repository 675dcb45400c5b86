import 'reflect-metadata';
import { createServer, type Server, type Socket } from 'node:net';
import { GetItemCommand, ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DkmioClient,
  DkmioError,
  GlobalIndex,
  free,
  PartitionKey,
  SortKey,
  Table,
  TableNotFoundError,
  httpStatusOf,
  type DkmioLogger,
} from '../../../src';
import { testClientConfig } from '../../support/local';
import { caught, createTable, localDb, rawClient, recordingClient, uniquePrefix } from '../helpers';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'orderId' })
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  status?: string;
  note?: string;
}

@Table('never-created')
class Ghost {
  @PartitionKey() id!: string;
}

@Table('orders')
@GlobalIndex('gsi-not-deployed', { partitionKey: 'note' })
class OrderWithMissingIndex {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  note?: string;
}

const prefix = uniquePrefix();
const TABLE = `${prefix}orders`;
let raw: DynamoDBClient;

beforeAll(async () => {
  raw = rawClient();
  await createTable(raw, {
    name: TABLE,
    partitionKey: ['userId', 'S'],
    sortKey: ['orderId', 'S'],
    globalIndexes: [{ name: 'gsi-status', partitionKey: ['status', 'S'], sortKey: ['orderId', 'S'] }],
  });
});

afterAll(() => raw.destroy());

/** Exercises every kind of operation once through `db` and checks the results. */
async function roundTrip(db: DkmioClient, userId: string): Promise<void> {
  const orders = db.getRepository(Order);
  await orders.put({ userId, orderId: 'o1', status: 'NEW' });
  await orders.put({ userId, orderId: 'o2', status: 'NEW' });
  expect(await orders.get({ userId, orderId: 'o1' })).toEqual({ userId, orderId: 'o1', status: 'NEW' });
  expect(
    await orders.update({ userId, orderId: 'o1' }, { set: { note: 'n' } }, { returnValues: 'ALL_NEW' }),
  ).toBeInstanceOf(Order);
  expect((await orders.query({ userId }).limit(1).fetchAll()).items).toHaveLength(2);
  expect(await orders.scan().filter({ userId }).count()).toBe(2);
  expect(await orders.delete({ userId, orderId: 'o2' }, { returnValues: 'ALL_OLD' })).toEqual({
    userId,
    orderId: 'o2',
    status: 'NEW',
  });
}

describe('lazy connection', () => {
  let server: Server;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // A loopback server that counts connections and hangs up at once: it proves when dkmio connects.
    server = createServer((socket) => {
      sockets.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('constructing the client, getting a repository and building requests touch no network', async () => {
    const { credentials, region } = testClientConfig();
    const db = new DkmioClient({
      endpoint: `http://127.0.0.1:${port}`,
      region,
      credentials,
      clientConfig: { maxAttempts: 1 },
    });
    const orders = db.getRepository(Order);
    expect(db.getRepository(Order)).toBe(orders);
    orders.query({ userId: 'u1' }).where({ gt: 'a' }).limit(3).explain();
    orders.scan().segments(2).explain();
    await new Promise((r) => setImmediate(r));
    expect(sockets).toHaveLength(0);
    const err = await caught(orders.get({ userId: 'u1', orderId: 'o1' }));
    expect(err).toBeInstanceOf(DkmioError);
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    db.destroy();
  });

  it('an unreachable endpoint throws nothing until an operation runs', async () => {
    const { credentials, region } = testClientConfig();
    // Port 1 on loopback: nothing listens there.
    const db = new DkmioClient({
      endpoint: 'http://127.0.0.1:1',
      region,
      credentials,
      clientConfig: { maxAttempts: 1 },
    });
    const orders = db.getRepository(Order);
    const err = await caught(orders.put({ userId: 'u1', orderId: 'o1' }));
    expect(err).toBeInstanceOf(DkmioError);
    expect((err as DkmioError).message).toContain(`put_item on orders`);
    db.destroy();
  });
});

describe('tableNamePrefix', () => {
  it('points a class at the prefixed table; two prefixes are two tables', async () => {
    const db = localDb({ tableNamePrefix: prefix });
    expect(db.tableNameOf(Order)).toBe(TABLE);
    expect(db.getRepository(Order).tableName).toBe(TABLE);
    await db.getRepository(Order).put({ userId: 'pfx', orderId: 'o1' });
    const stored = await raw.send(
      new GetItemCommand({ TableName: TABLE, Key: { userId: { S: 'pfx' }, orderId: { S: 'o1' } } }),
    );
    expect(stored.Item).toBeDefined();
    const other = localDb({ tableNamePrefix: `${prefix}other-` });
    expect(other.getRepository(Order)).not.toBe(db.getRepository(Order));
    await expect(other.getRepository(Order).get({ userId: 'pfx', orderId: 'o1' })).rejects.toBeInstanceOf(
      TableNotFoundError,
    );
    db.destroy();
    other.destroy();
  });
});

describe('wrapping an existing client', () => {
  it('works through a DynamoDBClient, and destroy() leaves it open', async () => {
    const mine = rawClient();
    const db = new DkmioClient({ client: mine, tableNamePrefix: prefix });
    await roundTrip(db, 'wrap-low');
    db.destroy();
    await expect(mine.send(new ListTablesCommand({}))).resolves.toHaveProperty('TableNames');
    mine.destroy();
  });

  it('works through a DynamoDBDocumentClient, and destroy() leaves it open', async () => {
    const base = rawClient();
    const doc = DynamoDBDocumentClient.from(base);
    const db = new DkmioClient({ client: doc, tableNamePrefix: prefix });
    await roundTrip(db, 'wrap-doc');
    db.destroy();
    await expect(doc.send(new ListTablesCommand({}))).resolves.toHaveProperty('TableNames');
    doc.destroy();
  });
});

describe('logger', () => {
  it('receives debug lines naming operation, table and index, never attribute values', async () => {
    const lines: string[] = [];
    const all: unknown[][] = [];
    const capture =
      (level: string) =>
      (message: string, ...rest: unknown[]) => {
        lines.push(`${level} ${message}`);
        all.push([message, ...rest]);
      };
    const logger: DkmioLogger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const db = localDb({ tableNamePrefix: prefix, logger });
    const orders = db.getRepository(Order);
    const SECRET = 'SECRET-9f2c';
    const key = { userId: `${SECRET}-user`, orderId: `${SECRET}-order` };
    await orders.put({ ...key, status: `${SECRET}-status`, note: SECRET }, { condition: { note__not_exists: true } });
    await orders.get(key, { select: ['note'] });
    await orders.update(key, { set: { note: `${SECRET}-2` } }, { condition: { note: SECRET } });
    await orders
      .index('gsi-status')
      .query({ status: `${SECRET}-status` })
      .filter({ note__begins_with: SECRET })
      .fetchAll();
    await orders.query({ userId: key.userId }).where({ begins_with: SECRET }).limit(1).fetchAll();
    await orders.scan().filter({ note: SECRET }).count();
    await caught(orders.put({ ...key, note: SECRET }, { condition: { note: 'nope' } }));
    await orders.delete(key);
    expect(lines).toEqual([
      `debug put_item on ${TABLE}`,
      `debug get_item on ${TABLE}`,
      `debug update_item on ${TABLE}`,
      `debug query on ${TABLE} (gsi-status)`,
      `debug query on ${TABLE}`,
      `debug query on ${TABLE}`,
      `debug scan on ${TABLE}`,
      `debug put_item on ${TABLE}`,
      `debug delete_item on ${TABLE}`,
    ]);
    expect(JSON.stringify(all)).not.toContain(SECRET);
    db.destroy();
  });
});

describe('TableNotFoundError', () => {
  it('is thrown for every operation on a table that does not exist', async () => {
    const db = localDb({ tableNamePrefix: prefix });
    const ghosts = db.getRepository(Ghost);
    for (const run of [
      () => ghosts.get({ id: 'x' }),
      () => ghosts.put({ id: 'x' }),
      () => ghosts.update({ id: 'x' }, { set: free({ a: 1 }) }),
      () => ghosts.delete({ id: 'x' }),
      () => ghosts.query({ id: 'x' }).execute(),
      () => ghosts.scan().count(),
    ]) {
      const err = await caught(run);
      expect(err).toBeInstanceOf(TableNotFoundError);
      expect(err).toMatchObject({
        code: 'TABLE_NOT_FOUND',
        table: `${prefix}never-created`,
        awsName: 'ResourceNotFoundException',
      });
      expect((err as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' });
      expect(httpStatusOf(err)).toBe(500);
    }
    db.destroy();
  });

  it('is thrown for a declared index the table lacks (regression: it was a ValidationError, HTTP 400)', async () => {
    const db = localDb({ tableNamePrefix: prefix });
    const repo = db.getRepository(OrderWithMissingIndex);
    for (const run of [
      () => repo.index('gsi-not-deployed').query({ note: 'x' }).execute(),
      () => repo.index('gsi-not-deployed').scan().execute(),
    ]) {
      const err = await caught(run);
      expect(err).toBeInstanceOf(TableNotFoundError);
      expect(err).toMatchObject({ table: TABLE, awsName: 'ValidationException' });
      expect((err as Error).message).toContain('gsi-not-deployed');
      expect(httpStatusOf(err)).toBe(500);
    }
    db.destroy();
  });
});

describe('cancellation with { signal }', () => {
  it('an already-aborted signal rejects with its reason and sends nothing', async () => {
    const rec = recordingClient(raw);
    const orders = new DkmioClient({ client: rec, tableNamePrefix: prefix }).getRepository(Order);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    controller.abort(reason);
    const signal = controller.signal;
    const key = { userId: 'abort', orderId: 'o1' };
    for (const run of [
      () => orders.get(key, { signal }),
      () => orders.getOrThrow(key, { signal }),
      () => orders.put(key, { signal }),
      () => orders.update(key, { set: { note: 'x' } }, { signal }),
      () => orders.delete(key, { signal }),
      () => orders.query({ userId: 'abort' }).signal(signal).execute(),
      () => orders.query({ userId: 'abort' }).signal(signal).fetchAll(),
      () => orders.scan().signal(signal).count(),
      () => orders.scan().segments(3).signal(signal).fetchAll(),
      async () => {
        for await (const _ of orders.scan().signal(signal)) throw new Error('unreachable');
      },
    ]) {
      expect(await caught(run)).toBe(reason);
    }
    expect(rec.sent).toEqual([]);
  });

  it('aborting while a request is in flight rejects with the reason', async () => {
    const db = localDb({ tableNamePrefix: prefix });
    const controller = new AbortController();
    const pending = db.getRepository(Order).get({ userId: 'abort', orderId: 'o1' }, { signal: controller.signal });
    controller.abort();
    const err = await caught(pending);
    expect(err).toBe(controller.signal.reason);
    expect((err as Error).name).toBe('AbortError');
    db.destroy();
  });

  it('aborting between pages stops a for await before the next page is sent', async () => {
    const rec = recordingClient(raw);
    const orders = new DkmioClient({ client: rec, tableNamePrefix: prefix }).getRepository(Order);
    for (const orderId of ['o1', 'o2', 'o3']) await orders.put({ userId: 'pages', orderId });
    rec.sent.length = 0;
    const controller = new AbortController();
    const seen: string[] = [];
    const err = await caught(async () => {
      for await (const o of orders.query({ userId: 'pages' }).limit(1).signal(controller.signal)) {
        seen.push(o.orderId);
        controller.abort();
      }
    });
    expect(err).toBe(controller.signal.reason);
    expect(seen).toEqual(['o1']);
    expect(rec.sent).toEqual(['QueryCommand']);
  });

  it('aborting a parallel scan mid-way rejects for await and fetchAll with the reason', async () => {
    const orders = new DkmioClient({ client: raw, tableNamePrefix: prefix }).getRepository(Order);
    for (const orderId of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) await orders.put({ userId: 'parallel', orderId });
    const controller = new AbortController();
    let n = 0;
    const err = await caught(async () => {
      for await (const _ of orders.scan().segments(3).limit(1).signal(controller.signal))
        if (++n === 1) controller.abort();
    });
    expect(err).toBe(controller.signal.reason);
    const again = new AbortController();
    const pending = orders.scan().segments(3).limit(1).signal(again.signal).fetchAll();
    again.abort();
    expect(await caught(pending)).toBe(again.signal.reason);
  });
});
