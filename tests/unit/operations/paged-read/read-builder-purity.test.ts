import { and, not, or } from '../../../../src';
import { Order, deepFreeze, expectValidation, offlineClient, recordingClient, S } from '../../fixtures';

describe('explain() sends nothing', () => {
  it('on a client with an endpoint', () => {
    // The endpoint has nothing listening: a request sent would fail the test.
    const orders = offlineClient().getRepository(Order);
    expect(orders.query({ userId: 'u1' }).filter({ total__gt: 1 }).explain().operation).toBe('Query');
    expect(orders.scan().segments(2).explain().operation).toBe('Scan');
  });

  it('on a wrapped client, which receives no command', () => {
    const { db, sent } = recordingClient();
    const orders = db.getRepository(Order);
    orders.query({ userId: 'u1' }).where({ gt: 'a' }).filter({ total__gt: 1 }).select('total').explain();
    orders.index('gsi-status').scan().explain();
    expect(sent).toEqual([]);
  });

  it('bad input is refused before anything is sent', async () => {
    const { db, sent } = recordingClient();
    const orders = db.getRepository(Order);
    expectValidation(() => orders.query({ userId: 'u1' }).filter({ total__between: [2, 1] }));
    expectValidation(() => orders.index('gsi-status').query({ status: 'A' }).consistent());
    await expect(orders.get({ userId: 'u1', orderId: 'o1', extra: 1 } as never)).rejects.toThrow(
      /not part of the primary key/,
    );
    await expect(orders.put({ userId: 'u1' })).rejects.toThrow(/missing key attribute "orderId"/);
    await expect(orders.update({ userId: 'u1', orderId: 'o1' }, {})).rejects.toThrow(/has no action/);
    await expect(orders.delete({ userId: 'u1', orderId: 'o1' }, { condition: { total: NaN } })).rejects.toThrow(/NaN/);
    expect(sent).toEqual([]);
  });
});

describe('a builder builds its request anew on every run', () => {
  it('explain() twice gives equal requests', () => {
    const q = offlineClient()
      .getRepository(Order)
      .query({ userId: 'u1' })
      .where({ begins_with: 'o' })
      .filter({ status__in: ['A', 'B'] })
      .select('total')
      .limit(5);
    expect(q.explain()).toEqual(q.explain());
  });

  it('awaiting a builder twice sends the same request twice', async () => {
    const { db, sent } = recordingClient();
    const q = db.getRepository(Order).query({ userId: 'u1' }).filter({ status: 'A' });
    await q;
    await q.execute();
    expect(sent).toHaveLength(2);
    expect((sent[0] as { input: unknown }).input).toEqual((sent[1] as { input: unknown }).input);
    expect((sent[0] as { input: unknown }).input).toEqual(q.explain().request);
  });

  it('a builder changed after explain() gives the new request', () => {
    const q = offlineClient().getRepository(Order).query({ userId: 'u1' });
    const before = q.explain();
    q.filter({ status: 'A' }).limit(3).scanForward(false);
    const after = q.explain();
    expect(before.request).toEqual({
      TableName: 'orders',
      KeyConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'userId' },
      ExpressionAttributeValues: { ':v0': S('u1') },
    });
    expect(after.request).toEqual({
      TableName: 'orders',
      KeyConditionExpression: '#n0 = :v0',
      FilterExpression: '#n1 = :v1',
      ExpressionAttributeNames: { '#n0': 'userId', '#n1': 'status' },
      ExpressionAttributeValues: { ':v0': S('u1'), ':v1': S('A') },
      Limit: 3,
      ScanIndexForward: false,
    });
  });

  it('an explained request is a copy: changing it does not change the next one', () => {
    const q = offlineClient().getRepository(Order).query({ userId: 'u1' });
    const first = q.explain();
    (first.request['ExpressionAttributeValues'] as Record<string, unknown>)[':v0'] = S('tampered');
    first.expressionAttributeNames['#n0'] = 'tampered';
    expect(q.explain().request['ExpressionAttributeValues']).toEqual({ ':v0': S('u1') });
    expect(q.explain().expressionAttributeNames).toEqual({ '#n0': 'userId' });
  });
});

describe('builders never mutate what the caller passed', () => {
  // Every input is deep-frozen: a builder writing into one would throw in strict mode.
  it('query key, where, filter, select and startFrom', () => {
    const orders = offlineClient().getRepository(Order);
    const key = deepFreeze({ userId: 'u1' });
    const where = deepFreeze({ between: ['a', 'z'] as [string, string] });
    const filter = deepFreeze({ total__in: [1, 2], 'address.city': 'Lima', tags__contains: 'x' });
    const composed = deepFreeze(or({ status: 'A' }, and({ region: 'eu' }, not({ itemsCount: 0 }))));
    const lastKey = deepFreeze({ userId: 'u1', orderId: 'o1' });
    const q = orders
      .query(key)
      .where(where)
      .filter(filter)
      .filter(composed)
      .startFrom(lastKey)
      .select('total', 'status');
    expect(q.explain().request).toMatchObject({ ExclusiveStartKey: { userId: S('u1'), orderId: S('o1') } });
    expect(q.explain()).toEqual(q.explain());
  });

  it('item operations', async () => {
    const { db, sent } = recordingClient();
    const orders = db.getRepository(Order);
    const key = deepFreeze({ userId: 'u1', orderId: 'o1' });
    const item = deepFreeze({ userId: 'u1', orderId: 'o1', tags: new Set(['a']), items: [{ sku: 's', qty: 1 }] });
    const actions = deepFreeze({
      set: { 'address.city': 'Lima' },
      append: { items: [{ sku: 't', qty: 2 }] },
      add: { tags: ['b'] },
    });
    const options = deepFreeze({ condition: { total__gt: 1 }, conditionOr: [{ status: 'A' }, { status: 'B' }] });
    await orders.get(key, deepFreeze({ select: ['total'] as const }));
    await orders.put(item, options);
    await orders.update(key, actions, options);
    await orders.delete(key, options);
    expect(sent).toHaveLength(4);
    expect(item.tags).toEqual(new Set(['a']));
  });
});
