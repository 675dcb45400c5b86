import 'reflect-metadata';
import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  BatchWriteError,
  DkmioClient,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
} from '../../../../src';
import { RecordingClient, type Responder } from '../../../support/recording-client';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute({ name: 'grand_total' }) total?: number;
  get isBig() {
    return (this.total ?? 0) > 100;
  }
}

@Table('users')
class User {
  @PartitionKey() userId!: string;
}

function setup(respond?: Responder, batch?: { maxAttempts?: number; baseDelayMs?: number; concurrency?: number }) {
  const client = new RecordingClient(respond);
  const db = new DkmioClient({ client, batch });
  return { client, db, orders: db.getRepository(Order) };
}

describe('batchWrite', () => {
  it('repository form: sync or async callback, chunks of 25, nothing sent until the callback is done', async () => {
    const { client, orders } = setup();
    await orders.batchWrite(async (batch) => {
      for (let i = 0; i < 30; i++) batch.put({ userId: 'u', orderId: `o${i}`, total: i });
      await Promise.resolve();
      expect(client.sent).toHaveLength(0);
      batch.delete({ userId: 'u', orderId: 'gone' });
    });
    expect(
      client.sent.map((c) => (c.input['RequestItems'] as Record<string, WriteRequest[]>)['orders'].length),
    ).toEqual([25, 6]);
    await orders.batchWrite((batch) => batch.put({ userId: 'u', orderId: 'one' }));
    expect(client.sent).toHaveLength(3);
  });

  it('cross-table form takes repositories or classes', async () => {
    const { client, db, orders } = setup();
    await db.batchWrite((batch) => {
      batch.put(orders, { userId: 'u', orderId: 'o', total: 3 });
      batch.delete(User, { userId: 'u9' });
    });
    expect(client.sent[0].input).toEqual({
      RequestItems: {
        orders: [{ PutRequest: { Item: { userId: { S: 'u' }, orderId: { S: 'o' }, grand_total: { N: '3' } } } }],
        users: [{ DeleteRequest: { Key: { userId: { S: 'u9' } } } }],
      },
    });
  });

  it('sends nothing when the callback throws or rejects, or an item is invalid', async () => {
    const { client, db, orders } = setup();
    await expect(
      orders.batchWrite((b) => {
        b.put({ userId: 'u', orderId: 'o' });
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    await expect(
      db.batchWrite(async (b) => {
        b.put(orders, { userId: 'u', orderId: 'o' });
        await Promise.resolve();
        throw new Error('async boom');
      }),
    ).rejects.toThrow('async boom');
    await expect(
      orders.batchWrite((b) => {
        for (let i = 0; i < 40; i++) b.put({ userId: 'u', orderId: `o${i}` });
        b.put({ userId: 'u' });
      }),
    ).rejects.toThrow(MissingKeyError);
    expect(client.sent).toHaveLength(0);
  });

  it('two writes to one key are a ValidationError before sending; the same key in two tables is fine', async () => {
    const { client, db, orders } = setup();
    await expect(
      orders.batchWrite((b) => {
        b.put({ userId: 'u', orderId: 'o', total: 1 });
        b.delete({ userId: 'u', orderId: 'o' });
      }),
    ).rejects.toThrow(/two writes to one Order item \(key userId, orderId\): write 0 \(put\) and write 1 \(delete\)/);
    await expect(
      orders.batchWrite((b) => {
        b.put({ userId: 'u', orderId: 'o' }).put({ userId: 'u', orderId: 'o' });
      }),
    ).rejects.toThrow(ValidationError);
    expect(client.sent).toHaveLength(0);
    @Table('orders-archive')
    class ArchivedOrder {
      @PartitionKey() userId!: string;
      @SortKey() orderId!: string;
    }
    await db.batchWrite((b) => {
      b.put(orders, { userId: 'u', orderId: 'o' });
      b.put(ArchivedOrder, { userId: 'u', orderId: 'o' });
    });
    expect(client.sent).toHaveLength(1);
  });

  it('a call after the callback returned is refused', async () => {
    const { orders } = setup();
    let saved: { put(item: object): unknown } | undefined;
    await orders.batchWrite((b) => {
      saved = b;
    });
    expect(() => saved!.put({ userId: 'u', orderId: 'o' })).toThrow(/after the batchWrite callback returned/);
  });

  it("leftovers after maxAttempts surface as BatchWriteError with the caller's items", async () => {
    const { db, orders } = setup((c) => ({ UnprocessedItems: c.input['RequestItems'] }), {
      maxAttempts: 2,
      baseDelayMs: 0,
    });
    const item = { userId: 'u', orderId: 'o', total: 1 };
    const err = (await db
      .batchWrite((b) => {
        b.put(orders, item);
        b.delete(User, { userId: 'x' });
      })
      .catch((e: unknown) => e)) as BatchWriteError;
    expect(err).toBeInstanceOf(BatchWriteError);
    expect(err.unprocessed).toEqual([
      { kind: 'put', entity: Order, item, maybeApplied: false },
      { kind: 'delete', entity: User, key: { userId: 'x' }, maybeApplied: false },
    ]);
  });

  it('an aborted signal sends nothing', async () => {
    const { client, orders } = setup();
    await expect(
      orders.batchWrite((b) => void b.put({ userId: 'u', orderId: 'o' }), {
        signal: AbortSignal.abort(new Error('cancel')),
      }),
    ).rejects.toThrow('cancel');
    await expect(
      orders.batchGet([{ userId: 'u', orderId: 'o' }], { signal: AbortSignal.abort(new Error('cancel')) }),
    ).rejects.toThrow('cancel');
    expect(client.sent).toHaveLength(0);
  });
});
