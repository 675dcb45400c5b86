import 'reflect-metadata';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DkmioClient, free, PartitionKey, SortKey, Table } from '../../../src';

// dkmio sends low-level commands with its own marshalling. Through its own client (cached
// middleware, quiet logger) and through a client the app hands over (a DynamoDBClient or a
// DocumentClient, whose middleware must not marshal again), the bytes on the wire and the
// instances handed back must be the same. The HTTP hop is answered in-process: no network.

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  tags?: Set<string>;
  get label() {
    return `${this.userId}/${this.orderId}`;
  }
}

interface Sent {
  target: string;
  body: Record<string, unknown>;
}

function cannedHandler(sent: Sent[]) {
  const answers: Record<string, unknown> = {
    GetItem: { Item: { userId: { S: 'u1' }, orderId: { S: 'o1' }, tags: { SS: ['a'] }, total: { N: '5' } } },
    PutItem: {},
    Query: {
      Items: [{ userId: { S: 'u1' }, orderId: { S: 'o2' }, address: { M: { city: { S: 'Lima' } } } }],
      Count: 1,
      ScannedCount: 1,
    },
  };
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: { headers: Record<string, string>; body: string }) {
      const target = request.headers['x-amz-target'].split('.')[1];
      sent.push({ target, body: JSON.parse(request.body) as Record<string, unknown> });
      const body = Buffer.from(JSON.stringify(answers[target]));
      return {
        response: {
          statusCode: 200,
          headers: { 'content-type': 'application/x-amz-json-1.0' },
          body: new Uint8Array(body),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

const base = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'k', secretAccessKey: 's' },
};

async function exercise(db: DkmioClient) {
  const orders = db.getRepository(Order);
  const got = await orders.get({ userId: 'u1', orderId: 'o1' });
  await orders.put({ userId: 'u1', orderId: 'o3', tags: new Set(['x']) });
  const page = await orders.query({ userId: 'u1' }).filter(free({ 'address.city': 'Lima' }));
  return { got, page };
}

const clients: [string, (sent: Sent[]) => { db: DkmioClient; close(): void }][] = [
  [
    'its own client',
    (sent) => {
      const db = new DkmioClient({ ...base, clientConfig: { requestHandler: cannedHandler(sent) } });
      return { db, close: () => db.destroy() };
    },
  ],
  [
    'a DynamoDBClient handed over',
    (sent) => {
      const c = new DynamoDBClient({ ...base, requestHandler: cannedHandler(sent) });
      return { db: new DkmioClient({ client: c }), close: () => c.destroy() };
    },
  ],
  [
    'a DocumentClient handed over',
    (sent) => {
      const c = DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, requestHandler: cannedHandler(sent) }));
      return { db: new DkmioClient({ client: c }), close: () => c.destroy() };
    },
  ],
];

test.each(clients)('through %s, requests and results are the same', async (_, make) => {
  const sent: Sent[] = [];
  const { db, close } = make(sent);
  try {
    const { got, page } = await exercise(db);
    expect(got).toBeInstanceOf(Order);
    expect(got).toEqual(
      Object.assign(Object.create(Order.prototype), { userId: 'u1', orderId: 'o1', tags: new Set(['a']), total: 5 }),
    );
    expect(got!.label).toBe('u1/o1');
    expect(page.items[0]).toBeInstanceOf(Order);
    expect(page.items[0]).toMatchObject({ orderId: 'o2', address: { city: 'Lima' } });
    expect(sent.map((s) => s.target)).toEqual(['GetItem', 'PutItem', 'Query']);
    expect(sent[0].body).toEqual({ TableName: 'orders', Key: { userId: { S: 'u1' }, orderId: { S: 'o1' } } });
    expect(sent[1].body).toEqual({
      TableName: 'orders',
      Item: { userId: { S: 'u1' }, orderId: { S: 'o3' }, tags: { SS: ['x'] } },
    });
    expect(sent[2].body).toEqual({
      TableName: 'orders',
      KeyConditionExpression: '#n0 = :v0',
      FilterExpression: '#n1.#n2 = :v1',
      ExpressionAttributeNames: { '#n0': 'userId', '#n1': 'address', '#n2': 'city' },
      ExpressionAttributeValues: { ':v0': { S: 'u1' }, ':v1': { S: 'Lima' } },
    });
  } finally {
    close();
  }
});
