/**
 * Runs in a FRESH process (one per measurement) and prints one JSON line of timings in ms:
 *   node cold-child.js require <module...>   time to require the modules
 *   node cold-child.js raw | dkmio | dkmio-client | dkmio-doc   require, define the model and client, first query, update, put
 * The HTTP hop is answered in-process (no network); nothing here loads the bench's other files,
 * so only the library under test is in the module cache.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Wall time (ms) and CPU time of this process (ms): on a shared machine wall time includes
// waiting for a core, CPU time is the work itself. Every phase reports both.
const now = () => performance.now();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
class Phases {
  out: Record<string, number> = {};
  private w = now();
  private c = cpu();
  mark(name: string): void {
    const w = now();
    const c = cpu();
    this.out[name] = w - this.w;
    this.out[name + 'Cpu'] = c - this.c;
    this.w = now();
    this.c = cpu();
  }
}

// A minimal canned handler (no util-dynamodb, no smithy import: those would load code the timed app may not).
const canned: Record<string, string> = {
  Query: '{"Items":[{"user_id":{"S":"u0"},"order_id":{"S":"o1"},"total":{"N":"5"}}],"Count":1,"ScannedCount":1}',
  UpdateItem: '{}',
  PutItem: '{}',
};
const requestHandler = {
  metadata: { handlerProtocol: 'http/1.1' },
  async handle(req: { headers: Record<string, string> }) {
    const t = req.headers['x-amz-target']!;
    const b = Buffer.from(canned[t.slice(t.indexOf('.') + 1)]!);
    return {
      response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new Uint8Array(b) },
    };
  },
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
  destroy() {},
};
const config = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  requestHandler,
};
const item = {
  user_id: 'u0',
  order_id: 'o2',
  status: 'NEW',
  total: 5,
  address: { city: 'Lima' },
  tags: new Set(['a']),
};

async function raw(): Promise<Record<string, number>> {
  const ph = new Phases();
  const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
  const lib = require('@aws-sdk/lib-dynamodb');
  ph.mark('require');
  const doc = lib.DynamoDBDocumentClient.from(new DynamoDBClient(config));
  ph.mark('define');
  await doc.send(
    new lib.QueryCommand({
      TableName: 'orders',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'user_id' },
      ExpressionAttributeValues: { ':pk': 'u0' },
    }),
  );
  ph.mark('firstQuery');
  await doc.send(
    new lib.UpdateCommand({
      TableName: 'orders',
      Key: { user_id: 'u0', order_id: 'o1' },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'SHIPPED' },
    }),
  );
  ph.mark('firstUpdate');
  await doc.send(new lib.PutCommand({ TableName: 'orders', Item: item }));
  ph.mark('firstPut');
  return ph.out;
}

/** way: 'own' (dkmio creates its client), 'client' (a DynamoDBClient handed over), 'doc' (a DocumentClient handed over). */
async function dkmio(way: string): Promise<Record<string, number>> {
  const ph = new Phases();
  const d = require('dkmio') as typeof import('dkmio');
  // The app that hands over a client has required the SDK itself (dkmio requires it anyway).
  const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
  const lib = way === 'doc' ? require('@aws-sdk/lib-dynamodb') : undefined;
  ph.mark('require');
  @d.Table('orders')
  @d.GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'created_at', projection: ['total'] })
  class Order {
    @d.PartitionKey() user_id!: string;
    @d.SortKey() order_id!: string;
    @d.Attribute() status?: string;
    @d.Attribute() created_at?: string;
    total?: number;
  }
  const { requestHandler: handler, ...rest } = config;
  const db =
    way === 'own'
      ? new d.DkmioClient({ ...rest, clientConfig: { requestHandler: handler } })
      : new d.DkmioClient({
          client:
            way === 'doc' ? lib.DynamoDBDocumentClient.from(new DynamoDBClient(config)) : new DynamoDBClient(config),
        });
  const orders = db.getRepository(Order);
  ph.mark('define');
  await orders.query({ user_id: 'u0' });
  ph.mark('firstQuery');
  await orders.update({ user_id: 'u0', order_id: 'o1' }, { set: { status: 'SHIPPED' } });
  ph.mark('firstUpdate');
  await orders.put(item);
  ph.mark('firstPut');
  return ph.out;
}

async function main() {
  const [mode, ...mods] = process.argv.slice(2);
  let out: Record<string, number>;
  if (mode === 'require') {
    const ph = new Phases();
    for (const m of mods) require(m);
    ph.mark('require');
    out = ph.out;
  } else out = mode === 'raw' ? await raw() : await dkmio(mode === 'dkmio' ? 'own' : mode!.replace('dkmio-', ''));
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
