import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DkmioClient, type SendingClient } from '../../../../src';
import { encodeCursor } from '../../../../src/operations/paged-read/cursor';
import { Account, Blob, Counter, Order, expectValidation, meta, offlineClient, N, S } from '../../fixtures';

const db = offlineClient();
const orders = db.getRepository(Order);

const tableCursor = () => encodeCursor(meta(Order), undefined, { userId: S('u1'), orderId: S('o1') });

/** A client whose every page ends with `lastKey`, recording what it was sent. */
function pagingClient(lastKey: Record<string, AttributeValue>) {
  const sent: Record<string, unknown>[] = [];
  const client: SendingClient = {
    send: async (command: never) => {
      sent.push((command as { input: Record<string, unknown> }).input);
      return { Items: [], Count: 0, ScannedCount: 0, LastEvaluatedKey: lastKey };
    },
  };
  return { db: new DkmioClient({ client }), sent };
}

describe('startFrom', () => {
  it('a lastKey object on the table', () => {
    expect(orders.query({ userId: 'u1' }).startFrom({ userId: 'u1', orderId: 'o1' }).explain().request).toMatchObject({
      ExclusiveStartKey: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('a lastKey object with renamed keys', () => {
    expect(db.getRepository(Account).scan().startFrom({ accountId: 'a', openedOn: 5 }).explain().request).toEqual({
      TableName: 'accounts',
      ExclusiveStartKey: { pk: S('a'), sk: N(5) },
    });
  });

  it('a lastKey object on an index holds the table and index keys', () => {
    const lastKey = { userId: 'u1', orderId: 'o1', status: 'A', createdAt: '2024' };
    expect(orders.index('gsi-status').query({ status: 'A' }).startFrom(lastKey).explain().request).toMatchObject({
      ExclusiveStartKey: { userId: S('u1'), orderId: S('o1'), status: S('A'), created_at: S('2024') },
    });
  });

  it('a cursor string', () => {
    expect(orders.query({ userId: 'u1' }).startFrom(tableCursor()).explain().request).toMatchObject({
      ExclusiveStartKey: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('numeric and binary keys survive a cursor', () => {
    const counters = db.getRepository(Counter);
    const big = encodeCursor(meta(Counter), undefined, { id: N('12345678901234567890') });
    expect(counters.scan().startFrom(big).explain().request).toEqual({
      TableName: 'counters',
      ExclusiveStartKey: { id: N('12345678901234567890') },
    });
    const hash = new Uint8Array([0, 255, 7]);
    const cursor = encodeCursor(meta(Blob), undefined, { hash: { B: hash }, part: N(3) });
    expect(db.getRepository(Blob).scan().startFrom(cursor).explain().request).toEqual({
      TableName: 'blobs',
      ExclusiveStartKey: { hash: { B: hash }, part: N(3) },
    });
  });

  it("a page's lastKey and cursor resume at the same place", async () => {
    const { db: paging, sent } = pagingClient({ pk: S('a'), sk: N(9) });
    const accounts = paging.getRepository(Account);
    const page = await accounts.query({ accountId: 'a' });
    expect(page.lastKey).toEqual({ accountId: 'a', openedOn: 9 });
    expect(typeof page.cursor).toBe('string');
    expect(page.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    await accounts.query({ accountId: 'a' }).startFrom(page.lastKey);
    await accounts.query({ accountId: 'a' }).startFrom(page.cursor);
    expect(sent[1]).toEqual(sent[2]);
    expect(sent[1]['ExclusiveStartKey']).toEqual({ pk: S('a'), sk: N(9) });
  });

  it('startFrom(undefined) starts from the beginning again', () => {
    expect(
      orders.query({ userId: 'u1' }).startFrom(tableCursor()).startFrom(undefined).explain().request,
    ).not.toHaveProperty('ExclusiveStartKey');
  });
});

describe('startFrom errors', () => {
  it('a lastKey missing a key attribute or holding another one', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).startFrom({ userId: 'u1' }),
      /startFrom\(\): the key does not fit table "orders"; it needs exactly \(userId, orderId\), missing orderId/,
    );
    expectValidation(
      () => orders.query({ userId: 'u1' }).startFrom({ userId: 'u1', orderId: 'o1', total: 3 }),
      /unexpected total/,
    );
    expectValidation(
      () => orders.index('gsi-status').query({ status: 'A' }).startFrom({ userId: 'u1', orderId: 'o1' }),
      /does not fit index "gsi-status" of table "orders"; it needs exactly \(userId, orderId, status, createdAt\), missing status, createdAt/,
    );
  });

  it('a lastKey with a value of the wrong type', () => {
    expectValidation(
      () => orders.query({ userId: 'u1' }).startFrom({ userId: 'u1', orderId: 5 }),
      /Key attribute "orderId" of the startFrom\(\) key of table "orders" must be a string/,
    );
  });

  it('neither a key nor a cursor', () => {
    expectValidation(
      () => orders.scan().startFrom(42 as never),
      /startFrom\(\) takes a lastKey object or a cursor string from a page of table "orders"/,
    );
  });

  it('a cursor from another table', () => {
    const other = encodeCursor(meta(Account), undefined, { pk: S('a'), sk: N(1) });
    expectValidation(
      () => orders.scan().startFrom(other),
      /startFrom\(\): the cursor belongs to table "accounts", not to table "orders"/,
    );
  });

  it('a cursor from an index used on the table, and the other way round', () => {
    const fromIndex = encodeCursor(meta(Order), meta(Order).indexes.get('gsi-status'), {
      userId: S('u1'),
      orderId: S('o1'),
      status: S('A'),
      created_at: S('x'),
    });
    expectValidation(
      () => orders.scan().startFrom(fromIndex),
      /the cursor belongs to index "gsi-status" of table "orders", not to table "orders"/,
    );
    expectValidation(() => orders.index('gsi-date').scan().startFrom(fromIndex), /not to index "gsi-date"/);
    expectValidation(
      () => orders.index('gsi-status').scan().startFrom(tableCursor()),
      /the cursor belongs to table "orders", not to index "gsi-status"/,
    );
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['empty', ''],
    ['JSON that is not a cursor', Buffer.from('[1,2]').toString('base64url')],
    ['a cursor without keys', Buffer.from(JSON.stringify({ t: 'orders' })).toString('base64url')],
  ])('a tampered cursor: %s', (_, cursor) => {
    expectValidation(
      () => orders.scan().startFrom(cursor),
      /startFrom\(\): the cursor is not a cursor dkmio made \(malformed\)|the key does not fit/,
    );
  });

  it('a cursor whose keys were edited', () => {
    const edit = (k: unknown) => Buffer.from(JSON.stringify({ t: 'orders', k })).toString('base64url');
    expectValidation(
      () => orders.scan().startFrom(edit({ userId: ['S', 'u1'] })),
      /the key does not fit table "orders"; it needs exactly \(userId, orderId\), missing orderId/,
    );
    expectValidation(
      () => orders.scan().startFrom(edit({ userId: ['S', 'u1'], orderId: ['N', '5'] })),
      /Key attribute "orderId" of the cursor of table "orders" must be a string/,
    );
    expectValidation(
      () => orders.scan().startFrom(edit({ userId: ['S', 'u1'], orderId: ['X', 'o'] })),
      /the cursor's "orderId" is malformed/,
    );
    expectValidation(
      () => orders.scan().startFrom(edit({ userId: ['S', 'u1'], orderId: 'o1' })),
      /the cursor's "orderId" is malformed/,
    );
    expectValidation(
      () =>
        db
          .getRepository(Counter)
          .scan()
          .startFrom(Buffer.from(JSON.stringify({ t: 'counters', k: { id: ['N', 'abc'] } })).toString('base64url')),
      /the cursor's "id" is malformed/,
    );
  });
});
