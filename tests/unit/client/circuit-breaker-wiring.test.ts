import 'reflect-metadata';
import { CircuitOpenError, ConditionError, DkmioClient, PartitionKey, SortKey, Table } from '../../../src';
import { RecordingClient, sdkConditionFailed, sdkThrottle } from '../../support/recording-client';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
}

const key = { userId: 'u', orderId: 'o' };

describe('the client circuit breaker', () => {
  it('is on by default with the documented settings and exposes state and reset()', () => {
    const db = new DkmioClient({ client: new RecordingClient() });
    expect(db.circuitBreaker.enabled).toBe(true);
    expect(db.circuitBreaker.failureThreshold).toBe(5);
    expect(db.circuitBreaker.recoveryTimeoutMs).toBe(30_000);
    expect(db.circuitBreaker.state).toBe('closed');
  });

  it('every kind of request goes through it; once open nothing reaches the client', async () => {
    let now = 0;
    const client = new RecordingClient(() => {
      throw sdkThrottle();
    });
    const db = new DkmioClient({
      client,
      circuitBreaker: { failureThreshold: 5, recoveryTimeoutMs: 1_000, clock: () => now },
      batch: { maxAttempts: 1 },
    });
    const orders = db.getRepository(Order);
    const calls = [
      () => orders.get(key),
      () => orders.query({ userId: 'u' }).execute(),
      () => orders.batchGet([key]),
      () => orders.batchWrite((b) => void b.put(key)),
      () => db.transactWrite((tx) => void tx.put(orders, key)),
    ];
    for (const call of calls) await expect(call()).rejects.toBeDefined();
    expect(client.sent).toHaveLength(5);
    expect(db.circuitBreaker.state).toBe('open');
    await expect(orders.put(key)).rejects.toThrow(CircuitOpenError);
    await expect(orders.scan().execute()).rejects.toThrow(CircuitOpenError);
    await expect(db.transactGet((tx) => [tx.get(orders, key)])).rejects.toThrow(
      /transact_get on orders refused: the circuit breaker is open/,
    );
    expect(client.sent).toHaveLength(5);
    now += 1_000;
    expect(db.circuitBreaker.state).toBe('half_open');
    db.circuitBreaker.reset();
    expect(db.circuitBreaker.state).toBe('closed');
  });

  it('a failed condition is an answer: it never opens the circuit', async () => {
    const client = new RecordingClient(() => {
      throw sdkConditionFailed();
    });
    const db = new DkmioClient({ client, circuitBreaker: { failureThreshold: 2 } });
    const orders = db.getRepository(Order);
    for (let i = 0; i < 5; i++)
      await expect(orders.put(key, { condition: { userId__not_exists: true } })).rejects.toThrow(ConditionError);
    expect(db.circuitBreaker.state).toBe('closed');
  });

  it('circuitBreaker: false disables it', async () => {
    const client = new RecordingClient(() => {
      throw sdkThrottle();
    });
    const db = new DkmioClient({ client, circuitBreaker: false });
    const orders = db.getRepository(Order);
    for (let i = 0; i < 8; i++) await expect(orders.get(key)).rejects.toThrow(/throttled/);
    expect(client.sent).toHaveLength(8);
    expect(db.circuitBreaker.enabled).toBe(false);
    expect(db.circuitBreaker.state).toBe('closed');
  });

  it('a request aborted in flight is neutral: it does not count as a failure', async () => {
    let controller = new AbortController();
    const client = new RecordingClient(() => {
      controller.abort(new Error('user cancelled'));
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    });
    const db = new DkmioClient({ client, circuitBreaker: { failureThreshold: 1 } });
    const orders = db.getRepository(Order);
    await expect(orders.get(key, { signal: controller.signal })).rejects.toThrow('user cancelled');
    controller = new AbortController();
    await expect(orders.get(key, { signal: controller.signal })).rejects.toThrow('user cancelled');
    expect(db.circuitBreaker.state).toBe('closed');
  });
});
