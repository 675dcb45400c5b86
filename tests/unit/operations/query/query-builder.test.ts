import {
  DkmioClient,
  InvalidProjectionError,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  not,
  or,
  type Repository,
} from '../../../../src';
import { Account, Order, expectError, expectValidation, offlineClient, recordingClient, N, S } from '../../fixtures';

const db = offlineClient();
const orders: Repository<Order> = db.getRepository(Order);
const accounts: Repository<Account> = db.getRepository(Account);

describe('query key conditions', () => {
  it('partition key only', () => {
    expect(orders.query({ userId: 'u1' }).explain()).toEqual({
      operation: 'Query',
      table: 'orders',
      keyCondition: '#n0 = :v0',
      expressionAttributeNames: { '#n0': 'userId' },
      expressionAttributeValues: { ':v0': 'u1' },
      request: {
        TableName: 'orders',
        KeyConditionExpression: '#n0 = :v0',
        ExpressionAttributeNames: { '#n0': 'userId' },
        ExpressionAttributeValues: { ':v0': S('u1') },
      },
    });
  });

  it('a sort key in the key means eq', () => {
    expect(orders.query({ userId: 'u1', orderId: 'o1' }).explain().request).toEqual({
      TableName: 'orders',
      KeyConditionExpression: '#n0 = :v0 AND #n1 = :v1',
      ExpressionAttributeNames: { '#n0': 'userId', '#n1': 'orderId' },
      ExpressionAttributeValues: { ':v0': S('u1'), ':v1': S('o1') },
    });
  });

  it.each([
    ['eq', 'o1', '#n1 = :v1'],
    ['gt', 'o1', '#n1 > :v1'],
    ['gte', 'o1', '#n1 >= :v1'],
    ['lt', 'o1', '#n1 < :v1'],
    ['lte', 'o1', '#n1 <= :v1'],
    ['begins_with', 'o', 'begins_with(#n1, :v1)'],
  ])('where %s', (op, value, clause) => {
    expect(
      orders
        .query({ userId: 'u1' })
        .where({ [op]: value } as never)
        .explain(),
    ).toMatchObject({
      keyCondition: `#n0 = :v0 AND ${clause}`,
      expressionAttributeNames: { '#n0': 'userId', '#n1': 'orderId' },
      expressionAttributeValues: { ':v0': 'u1', ':v1': value },
    });
  });

  it('where between', () => {
    expect(
      orders
        .query({ userId: 'u1' })
        .where({ between: ['a', 'b'] })
        .explain(),
    ).toMatchObject({
      keyCondition: '#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2',
      expressionAttributeValues: { ':v0': 'u1', ':v1': 'a', ':v2': 'b' },
    });
  });

  it('renamed keys use stored names', () => {
    expect(accounts.query({ accountId: 'a' }).where({ gte: 5 }).explain().request).toEqual({
      TableName: 'accounts',
      KeyConditionExpression: '#n0 = :v0 AND #n1 >= :v1',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'sk' },
      ExpressionAttributeValues: { ':v0': S('a'), ':v1': N(5) },
    });
  });

  it('a global index uses its own keys', () => {
    expect(orders.index('gsi-status').query({ status: 'PENDING' }).where({ begins_with: '2024-' }).explain()).toEqual({
      operation: 'Query',
      table: 'orders',
      index: 'gsi-status',
      keyCondition: '#n0 = :v0 AND begins_with(#n1, :v1)',
      expressionAttributeNames: { '#n0': 'status', '#n1': 'created_at' },
      expressionAttributeValues: { ':v0': 'PENDING', ':v1': '2024-' },
      request: {
        TableName: 'orders',
        IndexName: 'gsi-status',
        KeyConditionExpression: '#n0 = :v0 AND begins_with(#n1, :v1)',
        ExpressionAttributeNames: { '#n0': 'status', '#n1': 'created_at' },
        ExpressionAttributeValues: { ':v0': S('PENDING'), ':v1': S('2024-') },
      },
    });
  });

  it("an index sort key given in the key means eq on the index's sort key", () => {
    expect(orders.index('gsi-status').query({ status: 'A', createdAt: '2024' }).explain().keyCondition).toBe(
      '#n0 = :v0 AND #n1 = :v1',
    );
  });

  it('a local index uses the table partition key and its own sort key', () => {
    expect(
      orders
        .index('lsi-amount')
        .query({ userId: 'u1' })
        .where({ between: [10, 20] })
        .explain().request,
    ).toEqual({
      TableName: 'orders',
      IndexName: 'lsi-amount',
      KeyConditionExpression: '#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2',
      ExpressionAttributeNames: { '#n0': 'userId', '#n1': 'total' },
      ExpressionAttributeValues: { ':v0': S('u1'), ':v1': N(10), ':v2': N(20) },
    });
  });

  it('uses the client table name prefix', () => {
    const prefixed = new DkmioClient({ tableNamePrefix: 'dev-', region: 'us-east-1' });
    expect(prefixed.getRepository(Order).query({ userId: 'u1' }).explain().table).toBe('dev-orders');
    expect(prefixed.getRepository(Order).scan().explain().request).toEqual({ TableName: 'dev-orders' });
  });
});

describe('query errors', () => {
  it('no partition key: MissingKeyError naming the key, the table and the index', () => {
    const missing = (run: () => unknown, attribute: string, message: RegExp) => {
      let thrown: unknown;
      try {
        run();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(MissingKeyError);
      expect((thrown as MissingKeyError).attribute).toBe(attribute);
      expect((thrown as Error).message).toMatch(message);
    };
    missing(
      () => orders.query({}),
      'userId',
      /query\(\) on table "orders" is missing its partition key "userId".*use scan\(\)/,
    );
    missing(
      () => orders.index('gsi-status').query({}),
      'status',
      /query\(\) on index "gsi-status" of table "orders" is missing its partition key "status"/,
    );
  });

  it('not a key object', () => {
    expectValidation(
      () => orders.query('u1' as never),
      /query\(\) on table "orders" takes the partition key, e\.g\. query\(\{ userId: \.\.\. \}\)/,
    );
  });

  it('an attribute that is not a key', () => {
    expectValidation(
      () => orders.query({ userId: 'u1', status: 'A' }),
      /"status" is not a key of it \(partition key "userId", sort key "orderId"\)/,
      /Use filter\(\)/,
    );
    expectValidation(
      () => orders.index('gsi-status').query({ status: 'A', userId: 'u1' }),
      /query\(\) on index "gsi-status": "userId" is not a key of it/,
    );
  });

  it('a partition key of the wrong type', () => {
    expectValidation(
      () => orders.query({ userId: 5 as never }),
      /Key attribute "userId" of table "orders" must be a string \(its declared type\)/,
    );
    expectValidation(() => orders.query({ userId: '' }), /is an empty string/);
  });

  it('an unknown index lists the declared ones', () => {
    const error = expectValidation(() => orders.index('gsi-nope'), /Order has no index "gsi-nope"; declared indexes: /);
    for (const name of ['gsi-status', 'gsi-date', 'gsi-region', 'lsi-amount']) expect(error.message).toContain(name);
  });

  it('where() twice', () => {
    const q = orders.query({ userId: 'u1' }).where({ gt: 'a' });
    expectValidation(
      () => q.where({ lt: 'z' }),
      /where\(\) was already given a sort-key condition on table "orders"/,
      /exactly one/,
    );
  });

  it('where() after a sort key in the key', () => {
    expectValidation(
      () => orders.query({ userId: 'u1', orderId: 'o1' }).where({ gt: 'a' }),
      /already given a sort-key condition/,
    );
  });

  it('where() with two operators, none, or an unknown one', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).where({ gt: 'a', lt: 'z' } as never),
      /where\(\) takes exactly one sort-key condition on "orderId", got 2; operators: eq, gt, gte, lt, lte, between, begins_with/,
    );
    expectValidation(() => orders.query({ userId: 'u1' }).where({} as never), /got 0/);
    expectValidation(
      () => orders.query({ userId: 'u1' }).where({ neq: 'a' } as never),
      /where\(\): "neq" is not a sort-key operator; use one of eq, gt, gte, lt, lte, between, begins_with/,
    );
    expectValidation(
      () => orders.query({ userId: 'u1' }).where('a' as never),
      /where\(\) takes one sort-key condition like \{ gte: 'a' \}/,
    );
    expectValidation(
      () => orders.query({ userId: 'u1' }).where({ gt: undefined } as never),
      /where\(\{ gt \}\): the value is undefined/,
    );
  });

  it('where() on an index without a sort key', () => {
    expectValidation(
      () => orders.index('gsi-region').query({ region: 'eu' }).where({ eq: 'x' }),
      /where\(\) needs a sort key, and index "gsi-region" has none/,
      /Use filter\(\)/,
    );
  });

  it('where() on a table without a sort key', () => {
    @Table('plain')
    class Plain {
      @PartitionKey() id!: string;
    }
    expectValidation(
      () => db.getRepository(Plain).query({ id: 'a' }).where({ eq: 'x' }),
      /where\(\) needs a sort key, and table "plain" has none/,
    );
  });

  // Regressions: these operands used to be checked only when the request was built (explain/await).
  it('regression: where() with a value of the wrong type fails at the call', () => {
    const q = orders.query({ userId: 'u1' });
    expectValidation(
      () => q.where({ gt: 5 }),
      /Key attribute "orderId" of table "orders" must be a string \(its declared type\), got a number\./,
    );
    expectValidation(
      () => orders.index('lsi-amount').query({ userId: 'u1' }).where({ gt: '5' }),
      /"total" of index "lsi-amount" must be a number/,
    );
    expectValidation(() => q.where({ eq: '' }), /is an empty string/);
    expectValidation(() => q.where({ gt: { a: 1 } } as never), /must be a string, number or binary, got an object/);
  });

  it('regression: where() between with a wrong arity fails at the call', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).where({ between: ['a'] } as never),
      /where\(\{ between \}\) on "orderId" takes \[low, high\], got an array of 1/,
    );
    expectValidation(
      () => orders.query({ userId: 'u1' }).where({ between: 'a' } as never),
      /takes \[low, high\], got a string/,
    );
  });

  it('regression: where() between with reversed bounds was sent to DynamoDB', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).where({ between: ['b', 'a'] }),
      /where\(\{ between \}\) on "orderId": between bounds are reversed/,
    );
    expectValidation(
      () =>
        orders
          .index('lsi-amount')
          .query({ userId: 'u1' })
          .where({ between: [20, 10] }),
      /bounds are reversed/,
    );
  });

  it('regression: where() begins_with on a number fails at the call', () => {
    @Table('plain2')
    class Loose {
      @PartitionKey() id!: string;
      @SortKey() sk!: string | number;
    }
    expectValidation(
      () =>
        db
          .getRepository(Loose)
          .query({ id: 'a' })
          .where({ begins_with: 5 } as never),
      /where\(\{ begins_with \}\) on "sk" takes a string or binary prefix, got a number\./,
    );
  });

  it('a missing key is not a MissingKeyError for queries (a query needs only the partition)', () => {
    expect(() => orders.query({ userId: 'u1' })).not.toThrow(MissingKeyError);
  });
});

describe('query options', () => {
  it('scanForward(false)', () => {
    expect(orders.query({ userId: 'u1' }).scanForward(false).explain()).toMatchObject({
      scanForward: false,
      request: { ScanIndexForward: false },
    });
    expect(orders.query({ userId: 'u1' }).scanForward().explain().request).not.toHaveProperty('ScanIndexForward');
  });

  it('limit', () => {
    expect(orders.query({ userId: 'u1' }).limit(20).explain()).toMatchObject({ limit: 20, request: { Limit: 20 } });
  });

  it.each([0, -1, 1.5, NaN, Infinity, '5'])('limit(%p) is refused', (n) => {
    expectValidation(() => orders.query({ userId: 'u1' }).limit(n as number), /limit\(\) takes a positive integer/);
  });

  it('consistent() on the table and on a local index', () => {
    expect(orders.query({ userId: 'u1' }).consistent().explain()).toMatchObject({
      consistent: true,
      request: { ConsistentRead: true },
    });
    expect(orders.index('lsi-amount').query({ userId: 'u1' }).consistent().explain().request).toMatchObject({
      ConsistentRead: true,
    });
    expect(orders.query({ userId: 'u1' }).consistent(false).explain().request).not.toHaveProperty('ConsistentRead');
  });

  it('consistent() on a global index is refused at the call', () => {
    expectValidation(
      () => orders.index('gsi-status').query({ status: 'A' }).consistent(),
      /consistent\(\) is not available on global index "gsi-status"/,
      /local index/,
    );
    expect(orders.index('gsi-status').query({ status: 'A' }).consistent(false).explain().request).not.toHaveProperty(
      'ConsistentRead',
    );
  });

  it('select on the table adds the key attributes so a page can resume', () => {
    expect(orders.query({ userId: 'u1' }).select('total', 'createdAt').explain()).toMatchObject({
      projection: '#n1, #n2, #n0, #n3',
      expressionAttributeNames: { '#n0': 'userId', '#n1': 'total', '#n2': 'created_at', '#n3': 'orderId' },
    });
  });

  it('select on an index adds the index and table keys', () => {
    expect(orders.index('gsi-status').query({ status: 'A' }).select('total').explain()).toMatchObject({
      projection: '#n1, #n2, #n3, #n0, #n4',
      expressionAttributeNames: {
        '#n0': 'status',
        '#n1': 'total',
        '#n2': 'userId',
        '#n3': 'orderId',
        '#n4': 'created_at',
      },
    });
  });

  it('select() errors', () => {
    expectValidation(() => orders.query({ userId: 'u1' }).select(), /select\(\) needs at least one attribute name/);
    expectValidation(
      () => orders.query({ userId: 'u1' }).select('total').select('status'),
      /select\(\) was already called/,
    );
    expectValidation(() => orders.query({ userId: 'u1' }).select('' as never), /select\(\) takes attribute names/);
  });

  it('filter on the table', () => {
    expect(
      orders
        .query({ userId: 'u1' })
        .filter({ total__gt: 100, status__in: ['PENDING', 'DRAFT'] })
        .explain(),
    ).toMatchObject({
      keyCondition: '#n0 = :v0',
      filter: '#n1 > :v1 AND #n2 IN (:v2, :v3)',
      expressionAttributeNames: { '#n0': 'userId', '#n1': 'total', '#n2': 'status' },
      expressionAttributeValues: { ':v0': 'u1', ':v1': 100, ':v2': 'PENDING', ':v3': 'DRAFT' },
    });
  });

  it('repeated filter() calls are ANDed', () => {
    expect(
      orders.query({ userId: 'u1' }).filter({ total__gt: 1, region: 'eu' }).filter({ status: 'A' }).explain().filter,
    ).toBe('(#n1 > :v1 AND #n2 = :v2) AND (#n3 = :v3)');
  });

  it('filter with and/or/not', () => {
    expect(
      orders
        .query({ userId: 'u1' })
        .filter(or({ status: 'A' }, not({ total__lt: 5 })))
        .explain().filter,
    ).toBe('#n1 = :v1 OR NOT #n2 < :v2');
  });

  it('the same key in two filter() calls is refused', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).filter({ status: 'A' }).filter({ status: 'B' }),
      /filter\(\): "status" is already filtered by an earlier filter\(\) call/,
    );
  });

  it('filter on the queried key attributes is refused', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).filter({ userId: 'u2' }),
      /filter\(\) cannot use key attribute "userId" of table "orders" in a query/,
      /where\(\)/,
    );
    expectValidation(() => orders.query({ userId: 'u1' }).filter({ orderId__gt: 'a' }), /key attribute "orderId"/);
    expectValidation(
      () => orders.index('gsi-status').query({ status: 'A' }).filter({ createdAt: 'x' }),
      /key attribute "createdAt" of index "gsi-status"/,
    );
  });

  it("filter on the table's sort key is allowed when querying a global index", () => {
    expect(
      orders.index('gsi-date').query({ userId: 'u1' }).filter({ orderId__begins_with: 'o' }).explain().filter,
    ).toBe('begins_with(#n1, :v1)');
  });

  it('a bad filter fails at the call', () => {
    expectValidation(() => orders.query({ userId: 'u1' }).filter({ total__gtt: 1 } as never), /unknown operator "gtt"/);
    expectValidation(() => orders.query({ userId: 'u1' }).filter({}), /A filter object needs at least one entry/);
  });

  it('select() and filter() on attributes a global INCLUDE index does not project', () => {
    const q = orders.index('gsi-status').query({ status: 'A' });
    const e1 = expectError(
      InvalidProjectionError,
      () => q.select('total', 'region'),
      /select\(\) names "region", which index "gsi-status" does not project/,
      /it projects only userId, orderId, status, createdAt, total, itemsCount/,
    );
    expect([e1.attribute, e1.index, e1.projected, e1.code]).toEqual([
      'region',
      'gsi-status',
      ['userId', 'orderId', 'status', 'createdAt', 'total', 'itemsCount'],
      'INVALID_PROJECTION',
    ]);
    const e2 = expectError(
      InvalidProjectionError,
      () => q.filter({ 'address.city': 'Lima' }),
      /filter\(\) names "address", which index "gsi-status" does not project/,
    );
    expect(e2.attribute).toBe('address');
  });

  it('select() and filter() on a KEYS_ONLY index', () => {
    const q = orders.index('gsi-region').query({ region: 'eu' });
    const e = expectError(
      InvalidProjectionError,
      () => q.select('status'),
      /index "gsi-region" does not project \(it projects only its keys\)/,
    );
    expect(e.projected).toBe('KEYS_ONLY');
    expectError(InvalidProjectionError, () => q.filter(or({ orderId: 'o' }, { total: 1 })), /"total"/);
    // Table keys are projected into every index.
    expect(q.filter({ orderId__begins_with: 'o' }).select('userId').explain().filter).toBe('begins_with(#n1, :v1)');
  });

  it('an ALL index projects everything', () => {
    expect(() =>
      orders.index('gsi-date').query({ userId: 'u1' }).select('status', 'region').filter({ total: 1 }),
    ).not.toThrow();
  });

  it('count() sends Select=COUNT without a projection', async () => {
    const { db: recording, sent } = recordingClient();
    const n = await recording.getRepository(Order).query({ userId: 'u1' }).select('total').count();
    expect(n).toBe(0);
    expect(sent).toHaveLength(1);
    expect((sent[0] as { input: unknown }).input).toEqual({
      TableName: 'orders',
      KeyConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'userId' },
      ExpressionAttributeValues: { ':v0': S('u1') },
      Select: 'COUNT',
    });
  });
});

describe('query select paths', () => {
  it('regression: overlapping select paths were sent to DynamoDB', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).select('total', 'total'),
      /select\(\) names "total" and "total", which overlap/,
    );
  });
});

describe('regressions found in review', () => {
  it('regression: a sort-key value passed to query() is type-checked at the call', () => {
    expectValidation(() => orders.query({ userId: 'u1', orderId: 5 as unknown as string }), 'orderId', 'string');
  });

  it('regression: "status" and "status__eq" in two filter() calls are the same key', () => {
    const { db: rec, sent } = recordingClient();
    const q = rec.getRepository(Order).query({ userId: 'u1' }).filter({ status: 'NEW' });
    expectValidation(() => q.filter({ status__eq: 'OLD' }), 'status__eq', 'already filtered');
    expect(sent).toHaveLength(0);
  });

  it('different operators on one attribute in two filter() calls are allowed and ANDed', () => {
    const explained = orders.query({ userId: 'u1' }).filter({ total__gt: 1 }).filter({ total__lt: 9 }).explain();
    expect(explained.filter).toBe('(#n1 > :v1) AND (#n1 < :v2)');
  });
});
