/**
 * Dynamoose 4. Each session gets its own `dynamoose.Instance` (its own DynamoDB client) and a
 * model bound to its table; tables are never created or waited for by Dynamoose. Results are
 * Dynamoose `Item` instances (its documents). Where Dynamoose cannot say what the others say,
 * the closest request it can build is sent and `DEVIATIONS` says what differs.
 */
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import { SDK_BASE, type Adapter, type Session, type Setup } from '../adapter';
import { GSI, GSI_INCLUDE, QUERY, TABLE, UPDATE, type OrderItem } from '../model';

export const DEVIATIONS =
  'Dynamoose: its update sends `address.city` as ONE attribute name (a top-level attribute named "address.city", not the nested path), ' +
  'and the list append is left out: an `$ADD` holding a number, a set and a list at once fails inside Dynamoose ' +
  '("Only Number Set (NS), Binary Set (BS) or String Set (SS) are allowed"). Its batchPut sends one request as given ' +
  '(no chunking, no retry), so the app chunks by 25 and re-sends unprocessed items, one chunk after another.';

const schema = () =>
  new dynamoose.Schema(
    {
      user_id: { type: String, hashKey: true },
      order_id: { type: String, rangeKey: true },
      status: {
        type: String,
        index: { name: GSI, type: 'global', rangeKey: 'created_at', project: GSI_INCLUDE } as any,
      },
      created_at: String,
      total: Number,
      items_count: Number,
      address: {
        type: Object,
        schema: {
          street: String,
          city: String,
          zip: String,
          geo: { type: Object, schema: { lat: Number, lng: Number } },
        },
      },
      items: { type: Array, schema: [{ type: Object, schema: { sku: String, qty: Number, price: Number } }] },
      tags: { type: Set, schema: [String] },
      labels: { type: Set, schema: [String] },
      history: { type: Array, schema: [{ type: Object, schema: { action: String, at: String } }] },
      notes: String,
    },
    { saveUnknown: false },
  );

let models = 0;
function model(table: string, ddb: DynamoDB): any {
  const instance = new dynamoose.Instance();
  instance.aws.ddb.set(ddb);
  const m = dynamoose.model(`Order${models++}`, schema(), { create: false, waitForActive: false } as any);
  new instance.Table(table, [m], { create: false, waitForActive: false, update: false } as any);
  return m;
}

const query = (m: any, user: string) =>
  m
    .query('user_id')
    .eq(user)
    .where('order_id')
    .ge(QUERY.fromOrder)
    .where('total')
    .gt(QUERY.minTotal)
    .where('status')
    .in(QUERY.statuses)
    .attributes(QUERY.select)
    .limit(QUERY.limit);

const updateBody = {
  $SET: { status: UPDATE.status, 'address.city': UPDATE.city },
  $REMOVE: ['notes'],
  $ADD: { items_count: 1, tags: UPDATE.addTags },
  $DELETE: { labels: UPDATE.deleteLabels },
};
const updateSettings = () => ({
  condition: new dynamoose.Condition('status').not().eq(UPDATE.notStatus),
  returnValues: 'NONE',
});

const offlineDdb = new DynamoDB({ ...SDK_BASE });
const offline = model(TABLE, offlineDdb);

export function dynamooseSession(setup: Setup): Session {
  const ddb = new DynamoDB({ ...SDK_BASE, endpoint: setup.endpoint, requestHandler: setup.requestHandler as never });
  const m = model(setup.prefix + TABLE, ddb);
  return {
    put: (item: OrderItem) => new m(item).save(),
    get: (user, order) => m.get({ user_id: user, order_id: order }),
    update: (user, order) => m.update({ user_id: user, order_id: order }, updateBody, updateSettings()),
    query: (user) => query(m, user).exec(),
    page: (user) => m.query('user_id').eq(user).exec(),
    readAll: (user) => m.query('user_id').eq(user).all().exec(),
    bulkWrite: async (items) => {
      for (let i = 0; i < items.length; i += 25) {
        let chunk: unknown[] = items.slice(i, i + 25);
        for (let attempt = 0; chunk.length > 0; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          if (attempt >= 8) throw new Error('dynamoose left items unprocessed');
          chunk = (await m.batchPut(chunk)).unprocessedItems.map((x: any) => x.toJSON());
        }
      }
    },
    close: () => ddb.destroy(),
  };
}

export const dynamooseAdapter: Adapter = {
  name: 'Dynamoose',
  build: {
    query: () => query(offline, QUERY.user).getRequest(),
    update: (order) =>
      offline.update({ user_id: QUERY.user, order_id: order }, updateBody, { ...updateSettings(), return: 'request' }),
    put: (item) => new offline(item).save({ return: 'request', overwrite: false }),
  },
  session: dynamooseSession,
  notes: { deviations: DEVIATIONS },
};
