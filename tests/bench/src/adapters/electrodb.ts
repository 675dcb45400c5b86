/**
 * ElectroDB 3. Keys are plain attributes (`casing: 'none'` keeps values as given; ElectroDB
 * lowercases key values by default). ElectroDB adds its `__edb_e__`/`__edb_v__` identity
 * attributes to every write; reads pass `ignoreOwnership` so the canned items (written by nobody)
 * are returned. Results are plain objects: ElectroDB has no classes to hydrate into.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SDK_BASE, type Adapter, type Session, type Setup } from '../adapter';
import { GSI, QUERY, TABLE, UPDATE, type OrderItem } from '../model';
import { bulkConcurrency } from '../settings';

const schema = {
  model: { entity: 'order', version: '1', service: 'shop' },
  attributes: {
    user_id: { type: 'string', required: true },
    order_id: { type: 'string', required: true },
    status: { type: 'string' },
    created_at: { type: 'string' },
    total: { type: 'number' },
    items_count: { type: 'number' },
    address: {
      type: 'map',
      properties: {
        street: { type: 'string' },
        city: { type: 'string' },
        zip: { type: 'string' },
        geo: { type: 'map', properties: { lat: { type: 'number' }, lng: { type: 'number' } } },
      },
    },
    items: {
      type: 'list',
      items: {
        type: 'map',
        properties: { sku: { type: 'string' }, qty: { type: 'number' }, price: { type: 'number' } },
      },
    },
    tags: { type: 'set', items: 'string' },
    labels: { type: 'set', items: 'string' },
    history: {
      type: 'list',
      items: { type: 'map', properties: { action: { type: 'string' }, at: { type: 'string' } } },
    },
    notes: { type: 'string' },
  },
  indexes: {
    primary: {
      pk: { field: 'user_id', composite: ['user_id'], casing: 'none' },
      sk: { field: 'order_id', composite: ['order_id'], casing: 'none' },
    },
    byStatus: {
      index: GSI,
      pk: { field: 'status', composite: ['status'], casing: 'none' },
      sk: { field: 'created_at', composite: ['created_at'], casing: 'none' },
    },
  },
} as const;

function entity(table: string, client?: DynamoDBDocumentClient) {
  return new Entity(schema as any, { table, client }) as any;
}

function query(e: any, user: string) {
  return (
    e.query
      .primary({ user_id: user })
      .gte({ order_id: QUERY.fromOrder })
      // ElectroDB's where() has no IN operator: an OR of equalities says the same.
      .where(
        ({ total, status }: any, { gt, eq }: any) =>
          `${gt(total, QUERY.minTotal)} AND (${eq(status, QUERY.statuses[0])} OR ${eq(status, QUERY.statuses[1])})`,
      )
  );
}
// ElectroDB adds the key fields to `attributes` itself; naming order_id again makes DynamoDB
// refuse the projection (overlapping paths), so it is left to ElectroDB.
const queryOptions = {
  limit: QUERY.limit,
  attributes: QUERY.select.filter((a) => a !== 'order_id'),
  ignoreOwnership: true,
};

function update(e: any, user: string, order: string) {
  return e
    .update({ user_id: user, order_id: order })
    .data(
      ({ status, address, history, notes, items_count, tags, labels }: any, { set, remove, append, add, del }: any) => {
        set(status, UPDATE.status);
        set(address.city, UPDATE.city);
        remove(notes);
        append(history, [UPDATE.history]);
        add(items_count, 1);
        add(tags, UPDATE.addTags);
        del(labels, UPDATE.deleteLabels);
      },
    )
    .where(({ status }: any, { ne }: any) => ne(status, UPDATE.notStatus));
}

const offline = entity(TABLE);

export function electroSession(setup: Setup): Session {
  const client = new DynamoDBClient({
    ...SDK_BASE,
    endpoint: setup.endpoint,
    requestHandler: setup.requestHandler as never,
  });
  const e = entity(setup.prefix + TABLE, DynamoDBDocumentClient.from(client));
  const own = { ignoreOwnership: true };
  return {
    put: (item: OrderItem) => e.put(item).go(),
    get: async (user, order) => (await e.get({ user_id: user, order_id: order }).go(own)).data,
    update: (user, order) => update(e, user, order).go(),
    query: async (user) => (await query(e, user).go(queryOptions)).data,
    page: async (user) => (await e.query.primary({ user_id: user }).go(own)).data,
    readAll: async (user) => (await e.query.primary({ user_id: user }).go({ ...own, pages: 'all' })).data,
    bulkWrite: async (items) => {
      // ElectroDB's option is `concurrent` (how many batch requests at once; default 1).
      const out = await e.put(items).go({ concurrent: bulkConcurrency() });
      if (out.unprocessed?.length) throw new Error(`electrodb left ${out.unprocessed.length} items unprocessed`);
    },
    close: () => client.destroy(),
  };
}

export const electrodb: Adapter = {
  name: 'ElectroDB',
  build: {
    query: () => query(offline, QUERY.user).params(queryOptions),
    update: (order) => update(offline, QUERY.user, order).params(),
    put: (item) => offline.create(item).params(),
  },
  session: electroSession,
};
