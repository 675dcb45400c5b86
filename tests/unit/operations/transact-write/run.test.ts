import 'reflect-metadata';
import {
  and,
  Attribute,
  DkmioClient,
  MissingKeyError,
  not,
  or,
  PartitionKey,
  SortKey,
  Table,
  TransactionError,
  ValidationError,
  Version,
} from '../../../../src';
import { RecordingClient, type Responder } from '../../../support/recording-client';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute({ name: 'order_status' }) status?: string;
  total?: number;
}

@Table('users')
class User {
  @PartitionKey() userId!: string;
  status?: string;
  @Version() version?: number;
}

function setup(respond?: Responder) {
  const client = new RecordingClient(respond);
  const db = new DkmioClient({ client, tableNamePrefix: 'dev-' });
  return { client, db, orders: db.getRepository(Order), users: db.getRepository(User) };
}

const cancelled = (codes: string[], items: (Record<string, unknown> | undefined)[] = []) =>
  Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons'), {
    name: 'TransactionCanceledException',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code, i) => ({
      Code,
      ...(Code !== 'None' && { Message: `${Code} message` }),
      ...(items[i] && { Item: items[i] }),
    })),
  });

describe('transactWrite', () => {
  it('sends put, update, delete and conditionCheck across tables as one exact request', async () => {
    const { client, db, orders } = setup();
    await db.transactWrite(
      (tx) => {
        tx.put(orders, { userId: 'u1', orderId: 'o1', total: 100 }, { condition: { userId__not_exists: true } });
        tx.update(
          orders,
          { userId: 'u1', orderId: 'o0' },
          { set: { status: 'REPLACED' } },
          { condition: { status__eq: 'PENDING' } },
        );
        tx.delete(
          Order,
          { userId: 'u1', orderId: 'old' },
          { condition: or({ status: 'A' }, and({ total__gt: 5 }, not({ status: 'B' }))) },
        );
        tx.conditionCheck(
          User,
          { userId: 'u1' },
          { conditionOr: [{ status__eq: 'ACTIVE' }, { status__eq: 'VIP' }], returnItemOnConditionFail: true },
        );
      },
      { clientRequestToken: 'token-1' },
    );
    expect(client.names).toEqual(['TransactWriteItemsCommand']);
    expect(client.sent[0].input).toEqual({
      ClientRequestToken: 'token-1',
      TransactItems: [
        {
          Put: {
            TableName: 'dev-orders',
            Item: { userId: { S: 'u1' }, orderId: { S: 'o1' }, total: { N: '100' } },
            ConditionExpression: 'attribute_not_exists(#n0)',
            ExpressionAttributeNames: { '#n0': 'userId' },
          },
        },
        {
          Update: {
            TableName: 'dev-orders',
            Key: { userId: { S: 'u1' }, orderId: { S: 'o0' } },
            UpdateExpression: 'SET #n0 = :v0',
            ConditionExpression: '#n0 = :v1',
            ExpressionAttributeNames: { '#n0': 'order_status' },
            ExpressionAttributeValues: { ':v0': { S: 'REPLACED' }, ':v1': { S: 'PENDING' } },
          },
        },
        {
          Delete: {
            TableName: 'dev-orders',
            Key: { userId: { S: 'u1' }, orderId: { S: 'old' } },
            ConditionExpression: '#n0 = :v0 OR (#n1 > :v1 AND NOT #n0 = :v2)',
            ExpressionAttributeNames: { '#n0': 'order_status', '#n1': 'total' },
            ExpressionAttributeValues: { ':v0': { S: 'A' }, ':v1': { N: '5' }, ':v2': { S: 'B' } },
          },
        },
        {
          ConditionCheck: {
            TableName: 'dev-users',
            Key: { userId: { S: 'u1' } },
            ConditionExpression: '#n0 = :v0 OR #n0 = :v1',
            ExpressionAttributeNames: { '#n0': 'status' },
            ExpressionAttributeValues: { ':v0': { S: 'ACTIVE' }, ':v1': { S: 'VIP' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ],
    });
  });

  it('applies @Version() in puts and updates as the single-item operations do', async () => {
    const { client, db, users } = setup();
    await db.transactWrite((tx) => {
      tx.put(users, { userId: 'new' });
      tx.put(users, { userId: 'old', version: 3 });
      tx.update(users, { userId: 'u' }, { set: { status: 'X' } }, { expectedVersion: 7 });
    });
    const [a, b, c] = client.sent[0].input['TransactItems'] as Record<string, Record<string, unknown>>[];
    expect(a['Put']).toMatchObject({
      Item: { userId: { S: 'new' }, version: { N: '1' } },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'userId' },
    });
    expect(b['Put']).toMatchObject({
      Item: { userId: { S: 'old' }, version: { N: '4' } },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'version' },
    });
    expect(c['Update']).toEqual({
      TableName: 'dev-users',
      Key: { userId: { S: 'u' } },
      UpdateExpression: 'SET #n1 = :v3, #n0 = if_not_exists(#n0, :v0) + :v1',
      ConditionExpression: '#n0 = :v2',
      ExpressionAttributeNames: { '#n0': 'version', '#n1': 'status' },
      ExpressionAttributeValues: { ':v0': { N: '0' }, ':v1': { N: '1' }, ':v2': { N: '7' }, ':v3': { S: 'X' } },
    });
  });

  it('sends nothing when the callback throws or rejects', async () => {
    const { client, db, orders } = setup();
    await expect(
      db.transactWrite((tx) => {
        tx.put(orders, { userId: 'u1', orderId: 'o1' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      db.transactWrite(async (tx) => {
        tx.put(orders, { userId: 'u1', orderId: 'o1' });
        await Promise.resolve();
        throw new Error('async no');
      }),
    ).rejects.toThrow('async no');
    expect(client.sent).toHaveLength(0);
  });

  it('refuses bad input at the call, before sending: partial keys, no condition, same item twice, over 100 items', async () => {
    const { client, db, orders, users } = setup();
    await expect(db.transactWrite((tx) => void tx.put(orders, { userId: 'u1' }))).rejects.toThrow(MissingKeyError);
    await expect(db.transactWrite((tx) => void tx.conditionCheck(users, { userId: 'u1' }, {}))).rejects.toThrow(
      /tx.conditionCheck on User needs a condition/,
    );
    await expect(
      db.transactWrite((tx) => {
        tx.put(orders, { userId: 'u1', orderId: 'o1', total: 1 });
        tx.delete(Order, { userId: 'u1', orderId: 'o1' });
      }),
    ).rejects.toThrow(/tx.delete \(item 1\) touches the same Order item as item 0/);
    await expect(
      db.transactWrite((tx) => {
        for (let i = 0; i < 101; i++) tx.delete(orders, { userId: 'u', orderId: `o${i}` });
      }),
    ).rejects.toThrow(/item 101; DynamoDB allows at most 100 items per transaction/);
    await expect(
      db.transactWrite((tx) => void tx.put(orders, { userId: 'u', orderId: 'o' }), {
        clientRequestToken: 'x'.repeat(37),
      }),
    ).rejects.toThrow(/1 to 36 characters/);
    await expect(db.transactWrite((tx) => void tx.put({} as never, { userId: 'u' }))).rejects.toThrow(ValidationError);
    expect(client.sent).toHaveLength(0);
  });

  it('exactly 100 items are allowed; an empty transaction sends nothing', async () => {
    const { client, db, orders } = setup();
    await db.transactWrite(() => {});
    expect(client.sent).toHaveLength(0);
    await db.transactWrite((tx) => {
      for (let i = 0; i < 100; i++) tx.delete(orders, { userId: 'u', orderId: `o${i}` });
    });
    expect((client.sent[0].input['TransactItems'] as unknown[]).length).toBe(100);
  });

  it('a cancelled transaction throws TransactionError with one reason per item and the stored item where asked', async () => {
    const { db, orders, users } = setup(() => {
      throw cancelled(
        ['None', 'ConditionalCheckFailed'],
        [undefined, { userId: { S: 'u1' }, status: { S: 'BANNED' }, version: { N: '2' } }],
      );
    });
    const error = (await db
      .transactWrite((tx) => {
        tx.put(orders, { userId: 'u1', orderId: 'o1' });
        tx.conditionCheck(
          users,
          { userId: 'u1' },
          { condition: { status: 'ACTIVE' }, returnItemOnConditionFail: true },
        );
      })
      .catch((e: unknown) => e)) as TransactionError;
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.code).toBe('TRANSACTION_CANCELLED');
    expect(error.reasons).toEqual([
      { index: 0, code: 'None', message: '' },
      { index: 1, code: 'ConditionalCheckFailed', message: 'ConditionalCheckFailed message', item: expect.any(User) },
    ]);
    expect((error.reasons[1].item as User).status).toBe('BANNED');
    expect(error.message).toMatch(/item 1: ConditionalCheckFailed/);
  });

  it('cancellation: an aborted signal sends nothing', async () => {
    const { client, db, orders } = setup();
    await expect(
      db.transactWrite((tx) => void tx.put(orders, { userId: 'u', orderId: 'o' }), {
        signal: AbortSignal.abort(new Error('gone')),
      }),
    ).rejects.toThrow('gone');
    expect(client.sent).toHaveLength(0);
  });
});
