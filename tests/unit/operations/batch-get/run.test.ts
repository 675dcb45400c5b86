import 'reflect-metadata';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Attribute, DkmioClient, MissingKeyError, PartitionKey, SortKey, Table } from '../../../../src';
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

type Key = Record<string, AttributeValue>;

function setup(respond?: Responder, batch?: { maxAttempts?: number; baseDelayMs?: number; concurrency?: number }) {
  const client = new RecordingClient(respond);
  const db = new DkmioClient({ client, batch });
  return { client, db, orders: db.getRepository(Order) };
}

/** A BatchGetItem answer holding every asked key whose orderId is not in `absent`, in reverse order. */
const store =
  (absent: string[] = []): Responder =>
  (c) => {
    const [table, { Keys }] = Object.entries(c.input['RequestItems'] as Record<string, { Keys: Key[] }>)[0];
    const found = Keys.filter((k) => !absent.includes(k['orderId'].S!)).reverse();
    return {
      Responses: {
        [table]: found.map((k) => ({ ...k, grand_total: { N: k['orderId'].S!.length.toString() }, note: { S: 'x' } })),
      },
    };
  };

describe('repository.batchGet', () => {
  it('returns instances in input order, null for absent, the same item at every duplicate position', async () => {
    const { client, orders } = setup(store(['missing']));
    const keys = [
      { userId: 'u', orderId: 'first' },
      { userId: 'u', orderId: 'missing' },
      { userId: 'u', orderId: 'b' },
      { userId: 'u', orderId: 'first' },
    ];
    const result = await orders.batchGet(keys);
    expect(result.map((o) => o?.orderId ?? null)).toEqual(['first', null, 'b', 'first']);
    expect(result[0]).toBeInstanceOf(Order);
    expect(result[0]!.total).toBe(5);
    expect(result[0]).not.toBe(result[3]);
    expect(client.sent).toHaveLength(1);
    expect((client.sent[0].input['RequestItems'] as Record<string, { Keys: Key[] }>)['orders'].Keys).toHaveLength(3);
  });

  it('select hands back only the selected attributes (keys read to match answers are dropped)', async () => {
    const { orders } = setup(store());
    const [o] = await orders.batchGet([{ userId: 'u', orderId: 'abc' }], { select: ['total'] });
    expect({ ...o }).toEqual({ total: 3, note: 'x' });
  });

  it('chunks of 100 with the client default concurrency', async () => {
    const { client, orders } = setup(store(), { concurrency: 2 });
    const keys = Array.from({ length: 450 }, (_, i) => ({ userId: 'u', orderId: `o${i}` }));
    const result = await orders.batchGet(keys);
    expect(result.every((r, i) => r!.orderId === `o${i}`)).toBe(true);
    expect(client.sent).toHaveLength(5);
    expect(client.maxInFlight).toBe(2);
  });

  it('refuses bad keys and bad tuning before sending; an empty list sends nothing', async () => {
    const { client, orders } = setup(store());
    await expect(orders.batchGet([{ userId: 'u' }])).rejects.toThrow(MissingKeyError);
    await expect(orders.batchGet([{ userId: 'u', orderId: 'o' }], { concurrency: 0 })).rejects.toThrow(
      'batchGet concurrency must be a positive integer, got 0.',
    );
    expect(await orders.batchGet([])).toEqual([]);
    expect(client.sent).toHaveLength(0);
  });
});
