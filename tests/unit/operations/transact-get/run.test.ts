import 'reflect-metadata';
import {
  Attribute,
  DkmioClient,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  TransactionError,
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

describe('transactGet', () => {
  it('sends the reads in the returned order and resolves a typed tuple with null for absent items', async () => {
    const { client, db, orders } = setup(() => ({
      Responses: [{ Item: { userId: { S: 'u1' }, orderId: { S: 'o1' }, total: { N: '7' } } }, {}],
    }));
    const [order, user] = await db.transactGet(
      (tx) =>
        [
          tx.get(orders, { userId: 'u1', orderId: 'o1' }, { select: ['total', 'status'] }),
          tx.get(User, { userId: 'u2' }),
        ] as const,
    );
    expect(order).toBeInstanceOf(Order);
    expect(order!.total).toBe(7);
    expect(user).toBeNull();
    expect(client.sent[0]).toEqual({
      name: 'TransactGetItemsCommand',
      input: {
        TransactItems: [
          {
            Get: {
              TableName: 'dev-orders',
              Key: { userId: { S: 'u1' }, orderId: { S: 'o1' } },
              ProjectionExpression: '#n0, #n1',
              ExpressionAttributeNames: { '#n0': 'total', '#n1': 'order_status' },
            },
          },
          { Get: { TableName: 'dev-users', Key: { userId: { S: 'u2' } } } },
        ],
      },
    });
  });

  it('refuses the same item twice, more than 100 reads, and foreign entries, sending nothing', async () => {
    const { client, db, orders } = setup();
    await expect(
      db.transactGet((tx) => [
        tx.get(orders, { userId: 'u', orderId: 'o' }),
        tx.get(Order, { userId: 'u', orderId: 'o' }),
      ]),
    ).rejects.toThrow(/reads 0 and 1 are the same Order item/);
    await expect(
      db.transactGet((tx) => Array.from({ length: 101 }, (_, i) => tx.get(orders, { userId: 'u', orderId: `o${i}` }))),
    ).rejects.toThrow(/101 items; DynamoDB allows at most 100/);
    await expect(db.transactGet(() => [{} as never])).rejects.toThrow(/entry 0 of the returned array is not a tx.get/);
    await expect(db.transactGet(() => 'x' as never)).rejects.toThrow(/must return an array/);
    await expect(db.transactGet((tx) => [tx.get(orders, { userId: 'u' })])).rejects.toThrow(MissingKeyError);
    expect(client.sent).toHaveLength(0);
    expect(await db.transactGet(() => [])).toEqual([]);
  });

  it('a cancelled read throws TransactionError with reasons', async () => {
    const { db, orders } = setup(() => {
      throw cancelled(['None', 'TransactionConflict']);
    });
    const error = (await db
      .transactGet((tx) => [
        tx.get(orders, { userId: 'a', orderId: '1' }),
        tx.get(orders, { userId: 'a', orderId: '2' }),
      ])
      .catch((e: unknown) => e)) as TransactionError;
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons).toEqual([
      { index: 0, code: 'None', message: '' },
      { index: 1, code: 'TransactionConflict', message: 'TransactionConflict message' },
    ]);
  });
});
