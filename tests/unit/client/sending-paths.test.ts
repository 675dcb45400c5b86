import 'reflect-metadata';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
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

// A handed-over client is never changed: its middleware stack and its logger stay the app's.
// dkmio only spares its own commands the sensitive-data copy that the SDK's default (no-op)
// logger throws away; an app logger with info() receives the same filtered input and output.
describe('the SDK logger of a handed-over client', () => {
  test.each([
    ['a DynamoDBClient', (c: DynamoDBClient) => c],
    ['a DocumentClient', (c: DynamoDBClient) => DynamoDBDocumentClient.from(c)],
  ])('an app logger with info() on %s still receives every call, filtered as the SDK filters it', async (_, wrap) => {
    const lines: { commandName?: string; input?: unknown; output?: { Items?: unknown[]; Item?: unknown } }[] = [];
    const logger = {
      debug() {},
      warn() {},
      error() {},
      trace() {},
      info: (x: (typeof lines)[number]) => lines.push(x),
    };
    const low = new DynamoDBClient({ ...base, logger, requestHandler: cannedHandler([]) });
    const client = wrap(low);
    const before = client.middlewareStack.identify();
    try {
      await exercise(new DkmioClient({ client }));
      expect(lines.map((l) => l.commandName)).toEqual(['GetItemCommand', 'PutItemCommand', 'QueryCommand']);
      expect(lines[0].input).toEqual({ TableName: 'orders', Key: { userId: { S: 'u1' }, orderId: { S: 'o1' } } });
      expect(lines[0].output!.Item).toEqual({
        userId: { S: 'u1' },
        orderId: { S: 'o1' },
        tags: { SS: ['a'] },
        total: { N: '5' },
      });
      expect(lines[2].output!.Items).toEqual([
        { userId: { S: 'u1' }, orderId: { S: 'o2' }, address: { M: { city: { S: 'Lima' } } } },
      ]);
      expect(client.middlewareStack.identify()).toEqual(before);
      expect(client.config.logger).toBe(logger);
    } finally {
      low.destroy();
    }
  });

  test.each([
    ['per call', {}, {}],
    // A cached stack is kept per command class: the app's commands must not share dkmio's.
    ['cached (cacheMiddleware: true, no send options)', { cacheMiddleware: true }, { requestTimeoutMs: 0 }],
  ])(
    'with the default logger and the stack resolved %s, the copy for info() is skipped on dkmio commands only',
    async (_, clientConfig, dkmioOptions) => {
      const low = new DynamoDBClient({ ...base, ...clientConfig, requestHandler: cannedHandler([]) });
      // The logger middleware asks this hook for the copy; record which commands still make it.
      const copies: string[] = [];
      low.middlewareStack.add(
        (next, context) => async (args) => {
          const out = await next(args);
          const ctx = context as {
            commandName: string;
            dynamoDbDocumentClientOptions?: { overrideOutputFilterSensitiveLog?: unknown };
          };
          if (ctx.dynamoDbDocumentClientOptions?.overrideOutputFilterSensitiveLog === undefined)
            copies.push(ctx.commandName);
          return out;
        },
        { step: 'initialize', name: 'testSeesLogOverrides', priority: 'low' },
      );
      try {
        const appGet = () =>
          low.send(new GetItemCommand({ TableName: 'orders', Key: { userId: { S: 'u1' }, orderId: { S: 'o1' } } }));
        // The app's own commands through the same client, before and after dkmio's, keep the SDK's behaviour.
        await appGet();
        await exercise(new DkmioClient({ client: low, ...dkmioOptions }));
        await exercise(new DkmioClient({ client: low, ...dkmioOptions }));
        await appGet();
        expect(copies).toEqual(['GetItemCommand', 'GetItemCommand']);
      } finally {
        low.destroy();
      }
    },
  );
});

// On its own client dkmio sends without per-call options (so the SDK reuses the resolved
// middleware stack) and routes each call's signal to the HTTP hop itself.
describe("signals on dkmio's own client", () => {
  function recordingHandler(seen: ({ abortSignal?: AbortSignal } | undefined)[], hang = false) {
    const canned = cannedHandler([]);
    return {
      ...canned,
      handle(request: { headers: Record<string, string>; body: string }, options?: { abortSignal?: AbortSignal }) {
        seen.push(options);
        if (!hang) return canned.handle(request);
        return new Promise((_, reject) => {
          options?.abortSignal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
          );
        });
      },
    };
  }

  test('every request reaches the HTTP handler with a signal of its own (the request timeout)', async () => {
    const seen: ({ abortSignal?: AbortSignal } | undefined)[] = [];
    const db = new DkmioClient({ ...base, clientConfig: { requestHandler: recordingHandler(seen) } });
    try {
      await exercise(db);
      expect(seen).toHaveLength(3);
      for (const o of seen) {
        expect(o?.abortSignal).toBeInstanceOf(AbortSignal);
        expect(o!.abortSignal!.aborted).toBe(false);
      }
      expect(new Set(seen.map((o) => o!.abortSignal)).size).toBe(3);
    } finally {
      db.destroy();
    }
  });

  test("a caller's abort aborts the request on the wire and rejects with the caller's reason", async () => {
    const seen: ({ abortSignal?: AbortSignal } | undefined)[] = [];
    const db = new DkmioClient({
      ...base,
      circuitBreaker: false,
      clientConfig: { maxAttempts: 1, requestHandler: recordingHandler(seen, true) },
    });
    try {
      const controller = new AbortController();
      const reason = new Error('caller gave up');
      const pending = db
        .getRepository(Order)
        .get({ userId: 'u1', orderId: 'o1' }, { signal: controller.signal })
        .catch((e: unknown) => e);
      while (seen.length === 0) await new Promise((r) => setImmediate(r));
      controller.abort(reason);
      expect(await pending).toBe(reason);
      expect(seen[0]!.abortSignal!.aborted).toBe(true);
    } finally {
      db.destroy();
    }
  });

  test('with requestTimeoutMs: 0 and no caller signal, requests carry no signal', async () => {
    const seen: ({ abortSignal?: AbortSignal } | undefined)[] = [];
    const db = new DkmioClient({
      ...base,
      requestTimeoutMs: 0,
      clientConfig: { requestHandler: recordingHandler(seen) },
    });
    try {
      await exercise(db);
      expect(seen.map((o) => o?.abortSignal)).toEqual([undefined, undefined, undefined]);
    } finally {
      db.destroy();
    }
  });
});
