/**
 * dynamodb-toolbox v2. The entity attribute (`_et`) and timestamps are turned off so it writes
 * the same items as everyone else. Results are plain objects (no classes). Its batch write sends
 * one BatchWriteItem per execute() (at most 25 items, no chunking or concurrency of its own), so
 * the app chunks and sends the chunks one after another, as its docs show.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as tb from 'dynamodb-toolbox';
import { SDK_BASE, type Adapter, type Session, type Setup } from '../adapter';
import { GSI, QUERY, TABLE, UPDATE, type OrderItem } from '../model';

const {
  Table,
  Entity,
  item,
  string,
  number,
  map,
  list,
  set,
  QueryCommand,
  PutItemCommand,
  UpdateItemCommand,
  GetItemCommand,
  BatchWriteCommand,
  BatchPutRequest,
  executeBatchWrite,
  $remove,
  $append,
  $add,
  $delete,
} = tb as any;

function model(table: string, documentClient?: DynamoDBDocumentClient) {
  const t = new Table({
    name: table,
    partitionKey: { name: 'user_id', type: 'string' },
    sortKey: { name: 'order_id', type: 'string' },
    indexes: {
      [GSI]: {
        type: 'global',
        partitionKey: { name: 'status', type: 'string' },
        sortKey: { name: 'created_at', type: 'string' },
      },
    },
    documentClient,
  });
  const e = new Entity({
    name: 'order',
    table: t,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      user_id: string().key(),
      order_id: string().key(),
      status: string().optional(),
      created_at: string().optional(),
      total: number().optional(),
      items_count: number().optional(),
      address: map({
        street: string(),
        city: string(),
        zip: string(),
        geo: map({ lat: number(), lng: number() }),
      }).optional(),
      items: list(map({ sku: string(), qty: number(), price: number() })).optional(),
      tags: set(string()).optional(),
      labels: set(string()).optional(),
      history: list(map({ action: string(), at: string() })).optional(),
      notes: string().optional(),
    }),
  });
  return { t, e };
}

const query = (m: ReturnType<typeof model>, user: string) =>
  m.t
    .build(QueryCommand)
    .entities(m.e)
    .query({ partition: user, range: { gte: QUERY.fromOrder } })
    .options({
      filters: {
        order: {
          and: [
            { attr: 'total', gt: QUERY.minTotal },
            { attr: 'status', in: QUERY.statuses },
          ],
        },
      },
      attributes: QUERY.select,
      limit: QUERY.limit,
    });

const update = (m: ReturnType<typeof model>, user: string, order: string) =>
  m.e
    .build(UpdateItemCommand)
    .item({
      user_id: user,
      order_id: order,
      status: UPDATE.status,
      address: { city: UPDATE.city },
      notes: $remove(),
      history: $append([UPDATE.history]),
      items_count: $add(1),
      tags: $add(new Set(UPDATE.addTags)),
      labels: $delete(new Set(UPDATE.deleteLabels)),
    })
    .options({ condition: { attr: 'status', ne: UPDATE.notStatus } });

const put = (m: ReturnType<typeof model>, it: OrderItem) =>
  m.e
    .build(PutItemCommand)
    .item(it)
    .options({ condition: { attr: 'user_id', exists: false } });

const offline = model(TABLE);

export function toolboxSession(setup: Setup): Session {
  const client = new DynamoDBClient({
    ...SDK_BASE,
    endpoint: setup.endpoint,
    requestHandler: setup.requestHandler as never,
  });
  const m = model(setup.prefix + TABLE, DynamoDBDocumentClient.from(client));
  const partition = (user: string) => m.t.build(QueryCommand).entities(m.e).query({ partition: user });
  return {
    put: (it) => m.e.build(PutItemCommand).item(it).send(),
    get: async (user, order) => (await m.e.build(GetItemCommand).key({ user_id: user, order_id: order }).send()).Item,
    update: (user, order) => update(m, user, order).send(),
    query: async (user) => (await query(m, user).send()).Items,
    page: async (user) => (await partition(user).send()).Items,
    readAll: async (user) => (await partition(user).options({ maxPages: Infinity }).send()).Items,
    bulkWrite: async (items) => {
      for (let i = 0; i < items.length; i += 25) {
        const cmd = m.t
          .build(BatchWriteCommand)
          .requests(...items.slice(i, i + 25).map((it) => m.e.build(BatchPutRequest).item(it)));
        const out = await executeBatchWrite({ maxAttempts: 8 }, cmd);
        if (out.UnprocessedItems && Object.keys(out.UnprocessedItems).length)
          throw new Error('dynamodb-toolbox left items unprocessed');
      }
    },
    close: () => client.destroy(),
  };
}

export const toolbox: Adapter = {
  name: 'dynamodb-toolbox v2',
  build: {
    query: () => query(offline, QUERY.user).params(),
    update: (order) => update(offline, QUERY.user, order).params(),
    put: (it) => put(offline, it).params(),
  },
  session: toolboxSession,
};
