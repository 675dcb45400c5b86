/**
 * dkmio, used as its README says. Request building measures the pure builders the repository
 * calls before sending (`buildPutItem`, `buildUpdateItem`, and for a query the builder chain plus
 * the request it builds at each run): exactly the work done per call, minus the send.
 */
import 'reflect-metadata';
import * as path from 'node:path';
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

// The pure builders are internal (not in the package's exports map): load them by file.
const dist = path.join(path.dirname(require.resolve('dkmio')));
const { buildPutItem } = require(path.join(dist, 'operations/put-item.js'));
const { buildUpdateItem } = require(path.join(dist, 'operations/update-item.js'));

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

export function dkmioSession(setup: Setup): Session {
  const db = new DkmioClient({
    ...SDK_BASE,
    endpoint: setup.endpoint,
    tableNamePrefix: setup.prefix,
    clientConfig: { requestHandler: setup.requestHandler as never },
  });
  const orders = db.getRepository(Order);
  return {
    put: (item) => orders.put(item),
    get: (user, order) => orders.get({ user_id: user, order_id: order }),
    update: (user, order) => orders.update({ user_id: user, order_id: order }, updateActions, updateOptions),
    query: async (user) => (await query(orders, user)).items,
    page: async (user) => (await orders.query({ user_id: user })).items,
    readAll: async (user) => (await orders.query({ user_id: user }).fetchAll()).items,
    bulkWrite: async (items, concurrency = bulkConcurrency()) => {
      await orders.batchWrite(
        (batch) => {
          for (const item of items) batch.put(item);
        },
        { concurrency },
      );
    },
    close: () => db.destroy(),
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
  session: dkmioSession,
};
