import 'reflect-metadata';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  DkmioClient,
  GlobalIndex,
  InvalidProjectionError,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  type Repository,
} from '../../../../src';
import { caught, createTable, localDb, rawClient, recordingClient, uniquePrefix } from '../../helpers';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'itemsCount'] })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-amount', { sortKey: 'total' })
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  @Attribute() total?: number;
  itemsCount?: number;
  region?: string;
  note?: string;
  get isBig(): boolean {
    return (this.total ?? 0) > 100;
  }
}

const prefix = uniquePrefix();
let raw: DynamoDBClient;
let db: DkmioClient;
let orders: Repository<Order>;

function make(userId: string, i: number): Order {
  return Object.assign(new Order(), {
    userId,
    orderId: `o${String(i).padStart(2, '0')}`,
    status: i % 2 ? 'PAID' : 'NEW',
    // u2 reuses u1's dates, so the index sort key has duplicates across partitions.
    createdAt: `2024-01-${String(i + 10)}`,
    total: userId === 'u1' ? ((i * 7) % 12) * 10 + 5 : 1000 + i,
    itemsCount: i,
    region: i % 3 === 0 ? 'eu' : 'us',
    note: 'private',
  });
}

const ORDERS = [
  ...Array.from({ length: 12 }, (_, i) => make('u1', i)),
  ...Array.from({ length: 6 }, (_, i) => make('u2', i)),
];
const key = (o: Partial<Order>) => `${o.userId}/${o.orderId}`;
/** The GSI's order: created_at, then (for equal dates) whatever DynamoDB chooses, so compare sets per date. */
const byDate = (a: Order, b: Order) => a.createdAt!.localeCompare(b.createdAt!);

beforeAll(async () => {
  raw = rawClient();
  await createTable(raw, {
    name: `${prefix}orders`,
    partitionKey: ['userId', 'S'],
    sortKey: ['orderId', 'S'],
    globalIndexes: [
      {
        name: 'gsi-status',
        partitionKey: ['status', 'S'],
        sortKey: ['created_at', 'S'],
        projection: ['total', 'itemsCount'],
      },
      { name: 'gsi-region', partitionKey: ['region', 'S'], projection: 'KEYS_ONLY' },
    ],
    localIndexes: [{ name: 'lsi-amount', sortKey: ['total', 'N'] }],
  });
  db = localDb({ tableNamePrefix: prefix });
  orders = db.getRepository(Order);
  for (const o of ORDERS) await orders.put(o);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

describe('global index with an INCLUDE projection', () => {
  it('query returns instances holding only the projected attributes, in index sort order', async () => {
    const page = await orders.index('gsi-status').query({ status: 'NEW' }).fetchAll();
    const expected = ORDERS.filter((o) => o.status === 'NEW');
    expect(page.items).toHaveLength(expected.length);
    expect(page.items.map((o) => o.createdAt)).toEqual(
      expected
        .slice()
        .sort(byDate)
        .map((o) => o.createdAt),
    );
    for (const o of page.items) {
      expect(o).toBeInstanceOf(Order);
      expect(Object.keys(o).sort()).toEqual(['createdAt', 'itemsCount', 'orderId', 'status', 'total', 'userId']);
      expect(typeof o.isBig).toBe('boolean');
    }
  });

  it('where() uses the index sort key; filter and select on projected attributes work', async () => {
    const page = await orders
      .index('gsi-status')
      .query({ status: 'PAID' })
      .where({ between: ['2024-01-11', '2024-01-15'] })
      .filter({ total__lt: 1000 })
      .select('total', 'createdAt')
      .fetchAll();
    const expected = ORDERS.filter(
      (o) => o.status === 'PAID' && o.createdAt! >= '2024-01-11' && o.createdAt! <= '2024-01-15' && o.total! < 1000,
    ).sort(byDate);
    expect(page.items).toEqual(expected.map((o) => ({ total: o.total, createdAt: o.createdAt })));
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('scan reads every item of the index', async () => {
    const page = await orders.index('gsi-status').scan().limit(5).fetchAll();
    expect(page.items.map(key).sort()).toEqual(ORDERS.map(key).sort());
    expect(await orders.index('gsi-status').scan().filter({ itemsCount__gte: 10 }).count()).toBe(2);
    const parallel = await orders.index('gsi-status').scan().segments(3).limit(2).fetchAll();
    expect(parallel.items.map(key).sort()).toEqual(ORDERS.map(key).sort());
    expect(await orders.index('gsi-region').scan().segments(2).count()).toBe(ORDERS.length);
  });

  it('pages with cursor and lastKey (index and table keys), skipping and repeating nothing despite duplicate sort keys', async () => {
    const expected = ORDERS.filter((o) => o.status === 'NEW')
      .map(key)
      .sort();
    for (const via of ['cursor', 'lastKey'] as const) {
      const seen: string[] = [];
      let from: string | Record<string, unknown> | undefined;
      let pages = 0;
      do {
        const page = await orders.index('gsi-status').query({ status: 'NEW' }).limit(2).startFrom(from);
        pages++;
        seen.push(...page.items.map(key));
        if (page.lastKey)
          expect(Object.keys(page.lastKey).sort()).toEqual(['createdAt', 'orderId', 'status', 'userId']);
        from = via === 'cursor' ? page.cursor : page.lastKey;
      } while (from !== undefined);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(seen.slice().sort()).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const first = await orders.index('gsi-status').query({ status: 'NEW' }).limit(4).fetchAll({ maxItems: 3 });
    const rest = await orders.index('gsi-status').query({ status: 'NEW' }).limit(4).startFrom(first.cursor).fetchAll();
    expect([...first.items, ...rest.items].map(key).sort()).toEqual(expected);
    expect(first.items.length + rest.items.length).toBe(expected.length);
  });

  it('a cursor of the index is refused by the table, and the other way round', async () => {
    const idxPage = await orders.index('gsi-status').query({ status: 'NEW' }).limit(1);
    expect(() => orders.query({ userId: 'u1' }).startFrom(idxPage.cursor)).toThrow(ValidationError);
    const tablePage = await orders.query({ userId: 'u1' }).limit(1);
    expect(() => orders.index('gsi-status').query({ status: 'NEW' }).startFrom(tablePage.cursor)).toThrow(
      ValidationError,
    );
    expect(() => orders.index('gsi-status').query({ status: 'NEW' }).startFrom(tablePage.lastKey)).toThrow(
      ValidationError,
    );
  });
});

describe('global index with KEYS_ONLY', () => {
  it('returns only the table and index keys', async () => {
    const page = await orders.index('gsi-region').query({ region: 'eu' }).fetchAll();
    expect(page.items.map(key).sort()).toEqual(
      ORDERS.filter((o) => o.region === 'eu')
        .map(key)
        .sort(),
    );
    for (const o of page.items) expect(Object.keys(o).sort()).toEqual(['orderId', 'region', 'userId']);
  });
});

describe('local index', () => {
  it('queries in the order of its sort key, with consistent() reads, where() and descending order', async () => {
    const q = orders.index('lsi-amount').query({ userId: 'u1' }).consistent();
    expect(q.explain().consistent).toBe(true);
    const page = await q.fetchAll();
    const u1 = ORDERS.filter((o) => o.userId === 'u1');
    expect(page.items.map((o) => o.total)).toEqual(u1.map((o) => o.total!).sort((a, b) => a - b));
    expect(page.items[0]).toBeInstanceOf(Order);
    expect(page.items[0].note).toBe('private');
    const between = await orders
      .index('lsi-amount')
      .query({ userId: 'u1' })
      .where({ between: [20, 80] })
      .scanForward(false)
      .consistent();
    expect(between.items.map((o) => o.total)).toEqual([75, 65, 55, 45, 35, 25]);
    const paged = await orders
      .index('lsi-amount')
      .query({ userId: 'u1' })
      .limit(5)
      .consistent()
      .fetchAll({ maxItems: 7 });
    const rest = await orders.index('lsi-amount').query({ userId: 'u1' }).startFrom(paged.lastKey).fetchAll();
    expect([...paged.items, ...rest.items].map((o) => o.total)).toEqual(page.items.map((o) => o.total));
    expect(Object.keys(paged.lastKey!).sort()).toEqual(['orderId', 'total', 'userId']);
  });
});

describe('refused at the call, nothing sent', () => {
  it('select, filter and where outside what an index allows; consistent on a GSI; unknown index', async () => {
    const rec = recordingClient(raw);
    const repo = new DkmioClient({ client: rec, tableNamePrefix: prefix }).getRepository(Order);
    const sel = await caught(() => repo.index('gsi-status').query({ status: 'NEW' }).select('total', 'note'));
    expect(sel).toBeInstanceOf(InvalidProjectionError);
    expect(sel).toMatchObject({ code: 'INVALID_PROJECTION', attribute: 'note', index: 'gsi-status' });
    expect((sel as InvalidProjectionError).projected).toEqual(expect.arrayContaining(['total', 'itemsCount']));
    expect((sel as Error).message).toContain('"note"');
    const filt = await caught(() => repo.index('gsi-status').scan().filter({ region: 'eu' }));
    expect(filt).toMatchObject({ attribute: 'region', index: 'gsi-status' });
    expect(filt).toBeInstanceOf(InvalidProjectionError);
    const keysOnly = await caught(() => repo.index('gsi-region').query({ region: 'eu' }).filter({ total__gt: 1 }));
    expect(keysOnly).toMatchObject({ attribute: 'total', index: 'gsi-region', projected: 'KEYS_ONLY' });

    const cons = await caught(() => repo.index('gsi-status').query({ status: 'NEW' }).consistent());
    expect(cons).toBeInstanceOf(ValidationError);
    expect((cons as Error).message).toContain('gsi-status');
    const where = await caught(() => repo.index('gsi-region').query({ region: 'eu' }).where({ gt: 'a' }));
    expect(where).toBeInstanceOf(ValidationError);
    const unknown = await caught(() => repo.index('gsi-nope'));
    expect(unknown).toBeInstanceOf(ValidationError);
    for (const name of ['gsi-nope', 'gsi-status', 'gsi-region', 'lsi-amount'])
      expect((unknown as Error).message).toContain(name);
    const wrongKey = await caught(() => repo.index('gsi-status').query({ userId: 'u1' }));
    expect(wrongKey).toBeInstanceOf(ValidationError);
    expect(rec.sent).toEqual([]);
  });
});
