import { InvalidProjectionError, type Repository } from '../../../../src';
import { Order, expectError, expectValidation, offlineClient, recordingClient, N, S } from '../../fixtures';

const orders: Repository<Order> = offlineClient().getRepository(Order);

describe('scan requests', () => {
  it('a bare scan', () => {
    expect(orders.scan().explain()).toEqual({
      operation: 'Scan',
      table: 'orders',
      expressionAttributeNames: {},
      expressionAttributeValues: {},
      request: { TableName: 'orders' },
    });
  });

  it('filter, select, limit and consistent', () => {
    expect(
      orders
        .scan()
        .filter({ status: 'NEW', userId__begins_with: 'u' })
        .select('total')
        .limit(50)
        .consistent()
        .explain(),
    ).toEqual({
      operation: 'Scan',
      table: 'orders',
      filter: '#n0 = :v0 AND begins_with(#n1, :v1)',
      projection: '#n2, #n1, #n3',
      expressionAttributeNames: { '#n0': 'status', '#n1': 'userId', '#n2': 'total', '#n3': 'orderId' },
      expressionAttributeValues: { ':v0': 'NEW', ':v1': 'u' },
      limit: 50,
      consistent: true,
      request: {
        TableName: 'orders',
        FilterExpression: '#n0 = :v0 AND begins_with(#n1, :v1)',
        ProjectionExpression: '#n2, #n1, #n3',
        ExpressionAttributeNames: { '#n0': 'status', '#n1': 'userId', '#n2': 'total', '#n3': 'orderId' },
        ExpressionAttributeValues: { ':v0': S('NEW'), ':v1': S('u') },
        Limit: 50,
        ConsistentRead: true,
      },
    });
  });

  it('a scan may filter on key attributes', () => {
    expect(orders.scan().filter({ userId: 'u1', orderId__gt: 'o' }).explain().filter).toBe('#n0 = :v0 AND #n1 > :v1');
  });

  it('an index scan', () => {
    expect(orders.index('gsi-status').scan().filter({ total__gt: 5 }).explain()).toMatchObject({
      index: 'gsi-status',
      request: {
        TableName: 'orders',
        IndexName: 'gsi-status',
        FilterExpression: '#n0 > :v0',
        ExpressionAttributeNames: { '#n0': 'total' },
        ExpressionAttributeValues: { ':v0': N(5) },
      },
    });
  });

  it('an index scan checks the projection and consistency', () => {
    expectError(
      InvalidProjectionError,
      () => orders.index('gsi-status').scan().filter({ region: 'eu' }),
      /filter\(\) names "region", which index "gsi-status" does not project/,
    );
    expectError(
      InvalidProjectionError,
      () => orders.index('gsi-region').scan().select('total'),
      /index "gsi-region" does not project \(it projects only its keys\)/,
    );
    expectValidation(
      () => orders.index('gsi-date').scan().consistent(),
      /consistent\(\) is not available on global index "gsi-date"/,
    );
    expect(orders.index('lsi-amount').scan().consistent().explain().request).toEqual({
      TableName: 'orders',
      IndexName: 'lsi-amount',
      ConsistentRead: true,
    });
  });

  it('the same key in two filter() calls', () => {
    expectValidation(
      () => orders.scan().filter({ total__gt: 1 }).filter({ total__gt: 2 }),
      /"total__gt" is already filtered/,
    );
  });
});

describe('parallel scan', () => {
  it('segment(i, n) reads one segment', () => {
    expect(orders.scan().segment(2, 4).explain()).toMatchObject({
      segment: 2,
      totalSegments: 4,
      request: { TableName: 'orders', Segment: 2, TotalSegments: 4 },
    });
    expect(orders.scan().segment(0, 1).explain().request).toEqual({
      TableName: 'orders',
      Segment: 0,
      TotalSegments: 1,
    });
  });

  it('startFrom() and segments(n) cannot be combined, in either order (one key cannot resume a parallel scan)', () => {
    const key = { userId: 'u1', orderId: 'o1' };
    expectValidation(
      () => orders.scan().segments(4).startFrom(key),
      /startFrom\(\) and segments\(\) cannot be combined/,
      /segment\(i, n\)\.startFrom/,
    );
    expectValidation(
      () => orders.scan().startFrom(key).segments(4),
      /startFrom\(\) and segments\(\) cannot be combined/,
    );
    expect(orders.scan().segment(1, 4).startFrom(key).explain().request).toMatchObject({
      Segment: 1,
      TotalSegments: 4,
      ExclusiveStartKey: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('segments(n) explains the request of segment 0', () => {
    expect(orders.scan().segments(4).explain()).toMatchObject({
      segment: 0,
      totalSegments: 4,
      request: { Segment: 0, TotalSegments: 4 },
    });
  });

  it('segments(n) sends one request per segment', async () => {
    const { db, sent } = recordingClient();
    const page = await db.getRepository(Order).scan().filter({ status: 'A' }).segments(3);
    expect(page).toEqual({ items: [], count: 0, scannedCount: 0 });
    const inputs = sent.map((c) => (c as { input: Record<string, unknown> }).input);
    expect(inputs.map((i) => i['Segment']).sort()).toEqual([0, 1, 2]);
    for (const input of inputs) {
      expect(input).toMatchObject({
        TableName: 'orders',
        TotalSegments: 3,
        FilterExpression: '#n0 = :v0',
        ExpressionAttributeValues: { ':v0': S('A') },
      });
    }
  });

  it.each([
    [4, 4],
    [-1, 4],
    [1.5, 4],
    [NaN, 4],
  ])('segment(%p, %p) is refused', (i, n) => {
    expectValidation(
      () => orders.scan().segment(i, n),
      /segment\(index, total\): index must be an integer from 0 to 3/,
    );
  });

  it.each([0, -2, 1.5, NaN, 1_000_001])('a total of %p segments is refused', (n) => {
    expectValidation(() => orders.scan().segments(n), /The number of segments must be an integer from 1 to 1000000/);
    expectValidation(() => orders.scan().segment(0, n), /The number of segments must be an integer from 1 to 1000000/);
  });

  it('segment() and segments() cannot be combined', () => {
    expectValidation(() => orders.scan().segments(2).segment(0, 2), /segments\(\) and segment\(\) cannot be combined/);
    expectValidation(() => orders.scan().segment(0, 2).segments(2), /segments\(\) and segment\(\) cannot be combined/);
  });
});
