/**
 * dkmio, used as its README says. Request building measures the pure builders the repository
 * calls before sending (`buildPutItem`, `buildUpdateItem`, and for a query the builder chain plus
 * the request it builds at each run): exactly the work done per call, minus the send.
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  Attribute,
  DkmioClient,
  GlobalIndex,
  PartitionKey,
  SortKey,
  Table,
  entityMetadata,
  type Repository,
} from 'dkmio';
import { SDK_BASE, type Adapter, type Session, type Setup } from '../adapter';
import { GSI, QUERY, TABLE, UPDATE, type OrderItem } from '../model';
import { keep } from '../harness';
import { bulkConcurrency } from '../settings';

@Table(TABLE)
@GlobalIndex(GSI, { partitionKey: 'status', sortKey: 'created_at', projection: ['total', 'items_count'] })
export class Order {
  @PartitionKey() user_id!: string;
  @SortKey() order_id!: string;
  @Attribute() status?: string;
  @Attribute() created_at?: string;
  total?: number;
  items_count?: number;
  address?: OrderItem['address'];
  items?: OrderItem['items'];
  tags?: Set<string>;
  labels?: Set<string>;
  history?: OrderItem['history'];
  notes?: string;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
}

// The pure builders are internal (not exported; the published core is one file): load them from
// the per-file build that prepare.js copies next to the package.
const files = path.join(path.dirname(require.resolve('dkmio')), '..', 'core-files');
const { buildPutItem } = require(path.join(files, 'operations/put/build.js'));
const { buildUpdateItem } = require(path.join(files, 'operations/update/build.js'));

const updateActions = {
  set: { status: UPDATE.status, 'address.city': UPDATE.city },
  remove: ['notes' as const], // a path of Order, not any string (update paths are typed)
  append: { history: UPDATE.history },
  add: { items_count: 1, tags: new Set(UPDATE.addTags) },
  delete: { labels: new Set(UPDATE.deleteLabels) },
};
const updateOptions = { condition: { status__neq: UPDATE.notStatus } };
const putOptions = { condition: { user_id__not_exists: true } };

function query(repo: Repository<Order>, user: string) {
  return repo
    .query({ user_id: user })
    .where({ gte: QUERY.fromOrder })
    .filter({ total__gt: QUERY.minTotal, status__in: QUERY.statuses })
    .select('order_id', 'total', 'status', 'created_at')
    .limit(QUERY.limit);
}

const offline = new DkmioClient({ region: 'us-east-1' }).getRepository(Order);
const meta = entityMetadata(Order);

/**
 * The three documented ways in: dkmio's own client (`clientConfig`), a `DynamoDBClient` the app
 * already has (`client`), and a `DynamoDBDocumentClient` the app already has (`client`). The
 * handed-over clients are built exactly as the raw baseline builds its own: same config, the
 * SDK's defaults otherwise.
 */
export type WayIn = 'own' | 'DynamoDBClient' | 'DocumentClient' | 'tuned';

function connect(setup: Setup, way: WayIn): { db: DkmioClient; close(): void } {
  const base = { tableNamePrefix: setup.prefix };
  if (way === 'own') {
    const db = new DkmioClient({
      ...SDK_BASE,
      ...base,
      endpoint: setup.endpoint,
      clientConfig: { requestHandler: setup.requestHandler as never },
    });
    return { db, close: () => db.destroy() };
  }
  if (way === 'tuned') {
    const low = new DynamoDBClient({
      ...SDK_BASE,
      endpoint: setup.endpoint,
      requestHandler: setup.requestHandler as never,
      cacheMiddleware: true,
    });
    const db = new DkmioClient({ ...base, client: low, requestTimeoutMs: 0 });
    return { db, close: () => low.destroy() };
  }
  const low = new DynamoDBClient({
    ...SDK_BASE,
    endpoint: setup.endpoint,
    requestHandler: setup.requestHandler as never,
  });
  const client = way === 'DynamoDBClient' ? low : DynamoDBDocumentClient.from(low);
  const db = new DkmioClient({ ...base, client });
  return { db, close: () => low.destroy() };
}

export function dkmioSession(setup: Setup, way: WayIn = 'own'): Session {
  const { db, close } = connect(setup, way);
  const orders = db.getRepository(Order);
  return {
    put: (item) => orders.put(item),
    get: (user, order) => orders.get({ user_id: user, order_id: order }),
    update: (user, order) => orders.update({ user_id: user, order_id: order }, updateActions, updateOptions),
    query: async (user) => (await query(orders, user)).items,
    page: async (user) => (await orders.query({ user_id: user })).items,
    readAll: async (user) => (await orders.query({ user_id: user }).fetchAll()).items,
    iterate: async (user) => {
      let n = 0;
      for await (const o of orders.query({ user_id: user })) {
        keep(o);
        n++;
      }
      return n;
    },
    scanSegments: async (total) => {
      let n = 0;
      for await (const o of orders.scan().segments(total)) {
        keep(o);
        n++;
      }
      return n;
    },
    bulkWrite: async (items, concurrency = bulkConcurrency()) => {
      await orders.batchWrite(
        (batch) => {
          for (const item of items) batch.put(item);
        },
        { concurrency },
      );
    },
    close,
  };
}

export const dkmio: Adapter = {
  name: 'dkmio',
  build: {
    query: () =>
      (query(offline, QUERY.user) as unknown as { build(count: boolean, start: undefined): unknown }).build(
        false,
        undefined,
      ),
    update: (order) =>
      buildUpdateItem(meta, TABLE, { user_id: QUERY.user, order_id: order }, updateActions, updateOptions),
    put: (item) => buildPutItem(meta, TABLE, item, putOptions),
  },
  session: (setup) => dkmioSession(setup, 'own'),
};

/** dkmio wrapping a `DynamoDBClient` the app built (`new DkmioClient({ client })`). */
export const dkmioWithClient: Adapter = {
  name: 'dkmio, handed a DynamoDBClient',
  session: (setup) => dkmioSession(setup, 'DynamoDBClient'),
};
/** dkmio wrapping a `DynamoDBDocumentClient` the app built (`new DkmioClient({ client })`). */
export const dkmioWithDocClient: Adapter = {
  name: 'dkmio, handed a DocumentClient',
  session: (setup) => dkmioSession(setup, 'DocumentClient'),
};

/**
 * A handed-over DynamoDBClient with the settings docs/performance.md gives to recover dkmio's
 * own-client figures: `cacheMiddleware: true` on the app's client, `requestTimeoutMs: 0` on dkmio
 * (a signal per call makes the SDK resolve its stack per call again).
 */
export const dkmioWithTunedClient: Adapter = {
  name: 'dkmio, handed a tuned DynamoDBClient',
  session: (setup) => dkmioSession(setup, 'tuned'),
};

/** Every way into dkmio, each a contestant of its own. */
export const DKMIO_WAYS: Adapter[] = [dkmio, dkmioWithClient, dkmioWithDocClient];
