import 'reflect-metadata';
import { DkmioClient, PartitionKey, SortKey, Table } from '../../../src';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { testClientConfig, testEndpoint, uniqueTableName } from '../../support/local';
import { createRawTable, rawClient } from '../../support/raw-tables';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  total?: number;
}

const prefix = `${uniqueTableName('cx')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const orders = db.getRepository(Order);
let proxy: FaultProxy;
let slowDb: DkmioClient;

beforeAll(async () => {
  await createRawTable(raw, `${prefix}orders`, ['userId', 'S'], ['orderId', 'S']);
  await orders.batchWrite((b) => {
    for (let i = 0; i < 30; i++) b.put({ userId: 'u1', orderId: `o${String(i).padStart(2, '0')}`, total: i });
  });
  proxy = await startFaultProxy({ target: testEndpoint() });
  slowDb = new DkmioClient({
    ...testClientConfig(),
    endpoint: proxy.endpoint,
    tableNamePrefix: prefix,
    circuitBreaker: { failureThreshold: 1 },
  });
});

afterAll(async () => {
  db.destroy();
  slowDb.destroy();
  raw.destroy();
  await proxy.close();
});

class Cancelled extends Error {}

describe('cancellation with AbortSignal', () => {
  it('an aborted signal cancels every operation before anything is sent or written', async () => {
    const reason = new Cancelled('cancelled by the caller');
    const signal = AbortSignal.abort(reason);
    const key = { userId: 'u2', orderId: 'x' };
    const runs: (() => Promise<unknown>)[] = [
      () => orders.get(key, { signal }),
      () => orders.getOrThrow(key, { signal }),
      () => orders.put({ ...key, total: 1 }, { signal }),
      () => orders.update(key, { set: { total: 1 } }, { signal }),
      () => orders.delete({ userId: 'u1', orderId: 'o00' }, { signal }),
      () => orders.batchGet([key], { signal }),
      () => orders.batchWrite((b) => void b.put(key), { signal }),
      () => db.batchWrite((b) => void b.put(orders, key), { signal }),
      () => db.transactWrite((tx) => void tx.put(orders, key), { signal }),
      () => db.transactGet((tx) => [tx.get(orders, key)], { signal }),
      () => orders.query({ userId: 'u1' }).signal(signal).execute(),
      () => orders.query({ userId: 'u1' }).signal(signal).fetchAll(),
      () => orders.scan().signal(signal).count(),
    ];
    for (const run of runs) await expect(run()).rejects.toBe(reason);
    expect(await orders.get(key)).toBeNull();
    expect(await orders.get({ userId: 'u1', orderId: 'o00' })).not.toBeNull();
  });

  it('a builder signal applies to for-await loops too', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const loop = async () => {
      for await (const o of orders.query({ userId: 'u1' }).limit(5).signal(controller.signal)) {
        seen.push(o.orderId);
        if (seen.length === 7) controller.abort(new Cancelled('enough'));
      }
    };
    await expect(loop()).rejects.toThrow('enough');
    // Stopped at the next page request, not before the current page was handed out.
    expect(seen).toHaveLength(10);
  });

  it('aborting a request in flight rejects with the reason and does not count against the circuit breaker', async () => {
    proxy.setRules([{ fault: 'delay', rate: 1, delayMs: 1_000 }]);
    try {
      const slow = slowDb.getRepository(Order);
      const controller = new AbortController();
      const pending = slow.get({ userId: 'u1', orderId: 'o01' }, { signal: controller.signal });
      setTimeout(() => controller.abort(new Cancelled('timeout')), 20);
      await expect(pending).rejects.toThrow('timeout');
      const batch = new AbortController();
      const writing = slow.batchWrite(
        (b) => {
          for (let i = 0; i < 60; i++) b.put({ userId: 'u3', orderId: `o${i}` });
        },
        { signal: batch.signal },
      );
      setTimeout(() => batch.abort(new Cancelled('stop batch')), 20);
      await expect(writing).rejects.toThrow('stop batch');
      expect(slowDb.circuitBreaker.state).toBe('closed');
    } finally {
      proxy.setRules([]);
    }
  });
});
