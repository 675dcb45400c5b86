// Sends one fixed list of calls through a recording client and prints every request (command
// name and input) and every result or error as JSON, with the build in argv[2] (a dist/ folder).
// scripts/same-requests.mjs runs it on two builds and compares. Plain JavaScript (decorators
// applied by hand), so any build of dkmio can run it.
require('reflect-metadata');
const dist = process.argv[2];
const d = require(dist);
const {
  DkmioClient,
  Table,
  PartitionKey,
  SortKey,
  GlobalIndex,
  LocalIndex,
  Attribute,
  Version,
  Ttl,
  and,
  or,
  not,
  free,
} = d;

function decorate(cls, classDecorators, props) {
  for (const [name, decs, type] of props) {
    if (type) Reflect.defineMetadata('design:type', type, cls.prototype, name);
    for (const dec of decs) dec(cls.prototype, name);
  }
  for (const dec of classDecorators.reverse()) dec(cls);
  return cls;
}
class Order {}
decorate(
  Order,
  [
    Table('orders'),
    GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] }),
    LocalIndex('lsi-total', { sortKey: 'total' }),
  ],
  [
    ['userId', [PartitionKey()], String],
    ['orderId', [SortKey()], String],
    ['status', [Attribute()], String],
    ['createdAt', [Attribute({ name: 'created_at' })], String],
    ['total', [Attribute()], Number],
    ['version', [Version()], Number],
    ['expiresAt', [Ttl()], Number],
    ['when', [Attribute()], Date],
  ],
);
class User {}
decorate(
  User,
  [Table('users')],
  [
    ['userId', [PartitionKey()], String],
    ['name', [Attribute()], String],
  ],
);

const sent = [];
const replies = {
  GetItemCommand: { Item: { userId: { S: 'u1' }, orderId: { S: 'o1' } } },
  QueryCommand: {
    Items: [],
    Count: 0,
    ScannedCount: 0,
    LastEvaluatedKey: { userId: { S: 'u1' }, orderId: { S: 'o9' } },
  },
  ScanCommand: { Items: [], Count: 0, ScannedCount: 0 },
  BatchGetItemCommand: { Responses: { orders: [] } },
  BatchWriteItemCommand: {},
  TransactGetItemsCommand: { Responses: [{}, {}] },
  DescribeTableCommand: { Table: { TableStatus: 'ACTIVE', GlobalSecondaryIndexes: [{ IndexStatus: 'ACTIVE' }] } },
};
const client = {
  deleted: new Set(),
  created: new Set(),
  send(command) {
    const name = command.constructor.name;
    sent.push([name, command.input]);
    if (sent.length > 50) return Promise.reject(new Error('runaway'));
    if (
      command.input.ConditionExpression &&
      command.input.Key &&
      command.input.Key.orderId &&
      command.input.Key.orderId.S === 'cf'
    )
      return Promise.reject(
        Object.assign(new Error('The conditional request failed'), {
          name: 'ConditionalCheckFailedException',
          $metadata: { httpStatusCode: 400 },
          Item: {
            userId: { S: 'u1' },
            orderId: { S: 'cf' },
            total: { N: '3' },
            when: { S: '1970-01-01T00:00:00.000Z' },
          },
        }),
      );
    if (name === 'TransactWriteItemsCommand' && command.input.ClientRequestToken === 'fail')
      return Promise.reject(
        Object.assign(new Error('cancelled'), {
          name: 'TransactionCanceledException',
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [
            {
              Code: 'ConditionalCheckFailed',
              Message: 'x',
              Item: { userId: { S: 'u1' }, orderId: { S: 'o1' }, total: { N: '8' } },
            },
            { Code: 'ConditionalCheckFailed' },
            { Code: 'None' },
          ],
        }),
      );
    if (name === 'DeleteTableCommand') this.deleted.add(command.input.TableName);
    if (name === 'CreateTableCommand') this.created.add(command.input.TableName);
    if (name === 'DescribeTableCommand' && command.input.TableName === 'dev-orders' && !this.created.has('dev-orders'))
      return Promise.reject(Object.assign(new Error('missing'), { name: 'ResourceNotFoundException' }));
    if (name === 'DescribeTableCommand' && this.deleted.has(command.input.TableName))
      return Promise.reject(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' }));
    if (name === 'QueryCommand' && command.input.ExclusiveStartKey)
      return Promise.resolve({ Items: [], Count: 0, ScannedCount: 0 });
    return Promise.resolve(replies[name] ?? {});
  },
};
const replacer = (_k, v) =>
  v instanceof Uint8Array
    ? { bytes: Buffer.from(v).toString('base64') }
    : v instanceof Set
      ? { set: [...v] }
      : typeof v === 'bigint'
        ? { bigint: String(v) }
        : v;

(async () => {
  const db = new DkmioClient({
    client,
    tableNamePrefix: 'dev-',
    circuitBreaker: false,
    ...(process.env.SEAL ? { cursorSecret: 'a secret of sixteen bytes or more' } : {}),
  });
  const orders = db.getRepository(Order);
  const users = db.getRepository(User);
  const key = { userId: 'u1', orderId: 'o1' };
  const calls = [
    () => orders.get(key),
    () => orders.get(key, { select: ['total', 'status'], consistent: true }),
    () => orders.getOrThrow(key),
    () =>
      orders.put(
        { ...key, status: 'NEW', total: 5, when: new Date(0), version: 2 },
        { condition: { status__neq: 'X' }, returnValues: 'ALL_OLD' },
      ),
    () =>
      orders.put(
        { ...key, total: 7 },
        { conditionOr: [{ total__gt: 1 }, { status__in: ['A', 'B'] }], returnItemOnConditionFail: true },
      ),
    () =>
      orders.update(
        key,
        { set: { status: 'S', when: new Date(5) }, add: { total: 1 }, remove: ['createdAt'] },
        { expectedVersion: 3, mustExist: true, returnValues: 'ALL_NEW' },
      ),
    () => orders.update(key, free({ set: { 'meta.src': 'x' } })),
    () =>
      orders.delete(key, {
        condition: and({ total__lt: 100 }, not({ status: 'KEEP' })),
        mustExist: true,
        returnValues: 'ALL_OLD',
      }),
    () =>
      orders
        .query({ userId: 'u1' })
        .where({ between: ['o1', 'o5'] })
        .filter({ total__gte: 10, status__begins_with: 'N' })
        .select('total')
        .limit(5)
        .descending?.() ??
      orders
        .query({ userId: 'u1' })
        .where({ between: ['o1', 'o5'] })
        .filter({ total__gte: 10 })
        .select('total')
        .limit(5),
    () => orders.query({ userId: 'u1', orderId: 'o2' }).consistent(true).count(),
    () => orders.index('gsi-status').query({ status: 'NEW' }).where({ begins_with: '2024' }).select('total'),
    () => orders.index('lsi-total').query({ userId: 'u1' }).where({ gt: 3 }),
    () =>
      orders
        .scan()
        .filter(or({ total__gt: 1 }, { status__exists: false }))
        .limit(3),
    () => orders.scan().segments(3).fetchAll(),
    () =>
      orders
        .query({ userId: 'u1' })
        .limit(1)
        .then((p) => orders.query({ userId: 'u1' }).startFrom(p.cursor)),
    () => orders.batchGet([key, { userId: 'u2', orderId: 'o2' }, key], { select: ['total'] }),
    () =>
      users.batchWrite((b) => {
        b.put({ userId: 'u8', name: 'n' });
        b.delete({ userId: 'u3' });
      }),
    () =>
      db.batchWrite((b) => {
        b.put(users, { userId: 'u4', name: 'z' });
        b.delete(User, { userId: 'x' });
        b.delete(orders, { userId: 'u4', orderId: 'o4' });
      }),
    () =>
      db.transactWrite(
        (tx) => {
          tx.put(orders, { ...key, total: 3 }, { condition: { userId__not_exists: true } });
          tx.update(User, { userId: 'u1' }, { add: { n: 1 } }, { mustExist: true });
          tx.delete(orders, { userId: 'u5', orderId: 'o5' });
          tx.conditionCheck(users, { userId: 'u7' }, { condition: { name__exists: true } });
        },
        { clientRequestToken: 'tok-1' },
      ),
    () => db.transactGet((tx) => [tx.get(orders, key, { select: ['total'] }), tx.get(User, { userId: 'u1' })]),
    () =>
      orders.put(
        { userId: 'u1', orderId: 'cf', total: 1 },
        { condition: { total__gt: 5 }, returnItemOnConditionFail: true },
      ),
    () =>
      orders.update(
        { userId: 'u1', orderId: 'cf' },
        { set: { status: 'Z' } },
        { mustExist: true, condition: { total__gt: 5 } },
      ),
    () =>
      orders.update(
        { userId: 'u1', orderId: 'cf' },
        { set: { status: 'Z' } },
        { mustExist: true, condition: { total__gt: 5 }, returnItemOnConditionFail: true },
      ),
    () => orders.delete({ userId: 'u1', orderId: 'cf' }, { mustExist: true }),
    () =>
      db.transactWrite(
        (tx) => {
          tx.put(orders, { ...key, total: 3 }, { condition: { total__gt: 9 }, returnItemOnConditionFail: true });
          tx.update(User, { userId: 'u1' }, { add: { n: 1 } }, { mustExist: true });
          tx.delete(orders, { userId: 'u5', orderId: 'o5' });
        },
        { clientRequestToken: 'fail' },
      ),
    () =>
      db.transactWrite(
        (tx) => {
          tx.put(orders, { ...key, total: 3 }, { condition: { total__gt: 9 }, returnItemOnConditionFail: true });
          tx.update(User, { userId: 'u1' }, { add: { n: 1 } });
          tx.delete(orders, { userId: 'u5', orderId: 'o5' });
        },
        { clientRequestToken: 'fail' },
      ),
    () => db.createTables([Order, User], { provisioned: { read: 1, write: 2 }, pollIntervalMs: 1, waitTimeoutMs: 100 }),
    () => db.deleteTables([User], { pollIntervalMs: 1, waitTimeoutMs: 100 }),
  ];
  const out = [];
  for (const [i, call] of calls.entries()) {
    sent.length = 0;
    let result;
    try {
      const r = await call();
      result = r && typeof r === 'object' && 'explain' in r ? 'builder' : r;
      if (r && typeof r.then === 'function') result = await r;
    } catch (e) {
      result = {
        error: e.name,
        code: e.code,
        message: e.message,
        item: e.item,
        itemClass: e.item && e.item.constructor.name,
        reasons: e.reasons && e.reasons.map((r) => ({ ...r, itemClass: r.item && r.item.constructor.name })),
        causeName: e.cause && e.cause.name,
        table: e.table,
        key: e.key,
      };
    }
    out.push({
      call: i,
      requests: JSON.parse(JSON.stringify(sent, replacer)),
      result: JSON.parse(JSON.stringify(result ?? null, replacer)),
    });
  }
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
})();
