/**
 * The baseline: hand-written `@aws-sdk/lib-dynamodb` DocumentClient code, as an app writes it:
 * expression strings and placeholders typed by hand, results hydrated into a class with
 * Object.create + Object.assign (the cheapest way there is).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import { keep } from '../harness';
import { SDK_BASE, type Adapter, type Session, type Setup } from '../adapter';
import { PlainOrder, QUERY, TABLE, UPDATE, type OrderItem } from '../model';

const hydrate = (item: Record<string, unknown>): PlainOrder =>
  Object.assign(Object.create(PlainOrder.prototype) as PlainOrder, item);

export function queryParams(table: string, user: string) {
  return {
    TableName: table,
    KeyConditionExpression: '#pk = :pk AND #sk >= :sk',
    FilterExpression: '#total > :total AND #status IN (:s0, :s1)',
    ProjectionExpression: '#sk, #total, #status, #created, #pk',
    ExpressionAttributeNames: {
      '#pk': 'user_id',
      '#sk': 'order_id',
      '#total': 'total',
      '#status': 'status',
      '#created': 'created_at',
    },
    ExpressionAttributeValues: {
      ':pk': user,
      ':sk': QUERY.fromOrder,
      ':total': QUERY.minTotal,
      ':s0': QUERY.statuses[0],
      ':s1': QUERY.statuses[1],
    },
    Limit: QUERY.limit,
  };
}

export function updateParams(table: string, user: string, order: string) {
  return {
    TableName: table,
    Key: { user_id: user, order_id: order },
    UpdateExpression:
      'SET #status = :status, #address.#city = :city, #history = list_append(if_not_exists(#history, :empty), :history) REMOVE #notes ADD #count :one, #tags :tags DELETE #labels :labels',
    ConditionExpression: '#status <> :cancelled',
    ExpressionAttributeNames: {
      '#status': 'status',
      '#address': 'address',
      '#city': 'city',
      '#history': 'history',
      '#notes': 'notes',
      '#count': 'items_count',
      '#tags': 'tags',
      '#labels': 'labels',
    },
    ExpressionAttributeValues: {
      ':status': UPDATE.status,
      ':city': UPDATE.city,
      ':empty': [],
      ':history': [UPDATE.history],
      ':one': 1,
      ':tags': new Set(UPDATE.addTags),
      ':labels': new Set(UPDATE.deleteLabels),
      ':cancelled': UPDATE.notStatus,
    },
  };
}

export function putParams(table: string, item: OrderItem) {
  return {
    TableName: table,
    Item: item,
    ConditionExpression: 'attribute_not_exists(#pk)',
    ExpressionAttributeNames: { '#pk': 'user_id' },
  };
}

export function rawSession(setup: Setup): Session {
  const table = setup.prefix + TABLE;
  const client = new DynamoDBClient({
    ...SDK_BASE,
    endpoint: setup.endpoint,
    requestHandler: setup.requestHandler as never,
  });
  const doc = DynamoDBDocumentClient.from(client);
  return {
    put: (item) => doc.send(new PutCommand({ TableName: table, Item: item })),
    get: async (user, order) => {
      const out = await doc.send(new GetCommand({ TableName: table, Key: { user_id: user, order_id: order } }));
      return out.Item ? hydrate(out.Item) : null;
    },
    update: (user, order) => doc.send(new UpdateCommand(updateParams(table, user, order))),
    query: async (user) => ((await doc.send(new QueryCommand(queryParams(table, user)))).Items ?? []).map(hydrate),
    page: async (user) => {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'user_id' },
          ExpressionAttributeValues: { ':pk': user },
        }),
      );
      return (out.Items ?? []).map(hydrate);
    },
    readAll: async (user) => {
      const all: PlainOrder[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': 'user_id' },
            ExpressionAttributeValues: { ':pk': user },
            ExclusiveStartKey: start,
          }),
        );
        for (const i of out.Items ?? []) all.push(hydrate(i));
        start = out.LastEvaluatedKey;
      } while (start);
      return all;
    },
    // What an app writes for item-by-item reading: the SDK's paginator, each page's items hydrated.
    iterate: async (user) => {
      let n = 0;
      for await (const out of paginateQuery(
        { client: doc },
        {
          TableName: table,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'user_id' },
          ExpressionAttributeValues: { ':pk': user },
        },
      )) {
        for (const i of out.Items ?? []) {
          keep(hydrate(i));
          n++;
        }
      }
      return n;
    },
    scanSegments: async (total) => {
      const counts = await Promise.all(
        Array.from({ length: total }, async (_, segment) => {
          let n = 0;
          let start: Record<string, unknown> | undefined;
          do {
            const out = await doc.send(
              new ScanCommand({ TableName: table, Segment: segment, TotalSegments: total, ExclusiveStartKey: start }),
            );
            for (const i of out.Items ?? []) {
              keep(hydrate(i));
              n++;
            }
            start = out.LastEvaluatedKey;
          } while (start);
          return n;
        }),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    // The reference for the bulk target: 25-item chunks sent one after another, unprocessed items re-sent.
    bulkWrite: async (items) => {
      for (let i = 0; i < items.length; i += 25) {
        let pending: Record<string, any[]> | undefined = {
          [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        };
        for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          pending = (await doc.send(new BatchWriteCommand({ RequestItems: pending }))).UnprocessedItems as
            Record<string, any[]> | undefined;
        }
      }
    },
    close: () => client.destroy(),
  };
}

export const raw: Adapter = {
  name: 'raw DocumentClient',
  // What a hand-written app does per call: fill the params literal (the DocumentClient marshalls
  // later, inside send()).
  build: {
    query: () => queryParams(TABLE, QUERY.user),
    update: (order) => updateParams(TABLE, QUERY.user, order),
    put: (item) => putParams(TABLE, item),
  },
  session: rawSession,
};

/** The A/A control: the same raw code measured as if it were another contestant. */
export const rawControl: Adapter = { ...raw, name: 'raw (A/A control)' };
