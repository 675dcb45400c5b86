import 'reflect-metadata';
import { CircuitOpenError, DkmioClient, PartitionKey, Table } from '../../../src';
import { RecordingClient, sdkThrottle } from '../../support/recording-client';

@Table('orders')
class Order {
  @PartitionKey() id!: string;
}

@Table('users')
class User {
  @PartitionKey() id!: string;
}

/** Throttles every request naming the `orders` table (alone or with others); answers the rest. */
const ordersThrottled = () =>
  new RecordingClient((c) => {
    if (JSON.stringify(c.input).includes('"orders"')) throw sdkThrottle();
    return {};
  });

describe("circuitBreaker: { scope: 'table' }", () => {
  it('a failing table opens only its own breaker: the other table keeps working', async () => {
    let now = 0;
    const client = ordersThrottled();
    const db = new DkmioClient({
      client,
      circuitBreaker: { scope: 'table', failureThreshold: 2, recoveryTimeoutMs: 1_000, clock: () => now },
    });
    const orders = db.getRepository(Order);
    const users = db.getRepository(User);
    await expect(orders.get({ id: 'a' })).rejects.toThrow(/throttled/);
    await expect(orders.get({ id: 'a' })).rejects.toThrow(/throttled/);
    expect(db.circuitBreakerOf(Order).state).toBe('open');
    expect(db.circuitBreakerOf(User).state).toBe('closed');
    const sent = client.sent.length;
    await expect(orders.put({ id: 'b' })).rejects.toThrow(CircuitOpenError);
    expect(client.sent).toHaveLength(sent);
    await expect(users.get({ id: 'u' })).resolves.toBeNull();
    expect(client.sent).toHaveLength(sent + 1);
    // db.circuitBreaker is the view over every table: the worst state, and reset() resets all.
    expect(db.circuitBreaker.state).toBe('open');
    now += 1_000;
    expect(db.circuitBreaker.state).toBe('half_open');
    db.circuitBreaker.reset();
    expect(db.circuitBreakerOf(Order).state).toBe('closed');
    expect(db.circuitBreaker.state).toBe('closed');
  });

  it("a request spanning tables needs every table's breaker closed, and its failure counts for each", async () => {
    const client = ordersThrottled();
    const db = new DkmioClient({
      client,
      circuitBreaker: { scope: 'table', failureThreshold: 1 },
      batch: { maxAttempts: 1 },
    });
    const orders = db.getRepository(Order);
    const users = db.getRepository(User);
    // A cross-table transaction fails (throttled): both breakers count it.
    await expect(
      db.transactWrite((tx) => {
        tx.put(orders, { id: 'o' });
        tx.put(users, { id: 'u' });
      }),
    ).rejects.toThrow(/throttled/);
    expect(db.circuitBreakerOf(Order).state).toBe('open');
    expect(db.circuitBreakerOf(User).state).toBe('open');
    db.circuitBreakerOf(User).reset();
    // users alone works again; a batch naming orders too is refused before sending.
    await expect(users.get({ id: 'u' })).resolves.toBeNull();
    const sent = client.sent.length;
    await expect(
      db.batchWrite((b) => {
        b.put(users, { id: 'u2' });
        b.put(orders, { id: 'o2' });
      }),
    ).rejects.toThrow(/circuit breaker is open/);
    expect(client.sent).toHaveLength(sent);
  });

  it('a half-open table whose probe slot was taken gives it back when another table refuses the request', async () => {
    let now = 0;
    const client = ordersThrottled();
    const db = new DkmioClient({
      client,
      circuitBreaker: { scope: 'table', failureThreshold: 1, recoveryTimeoutMs: 1_000, clock: () => now },
    });
    const orders = db.getRepository(Order);
    const users = db.getRepository(User);
    db.circuitBreakerOf(Order);
    // users opens at t=0 (via a cross-table read that is throttled), orders too.
    await expect(db.transactGet((tx) => [tx.get(users, { id: 'u' }), tx.get(orders, { id: 'o' })])).rejects.toThrow(
      /throttled/,
    );
    now += 1_000;
    // Both half-open. Re-open orders only: its probe fails.
    await expect(orders.get({ id: 'o' })).rejects.toThrow(/throttled/);
    expect(db.circuitBreakerOf(Order).state).toBe('open');
    expect(db.circuitBreakerOf(User).state).toBe('half_open');
    // users admits a probe, orders refuses: users' probe slot must be free again.
    await expect(db.transactGet((tx) => [tx.get(users, { id: 'u' }), tx.get(orders, { id: 'o' })])).rejects.toThrow(
      CircuitOpenError,
    );
    await expect(users.get({ id: 'u' })).resolves.toBeNull();
    expect(db.circuitBreakerOf(User).state).toBe('closed');
  });

  it("the default scope is 'client': one breaker for every table, which circuitBreakerOf returns for each", async () => {
    const client = ordersThrottled();
    const db = new DkmioClient({ client, circuitBreaker: { failureThreshold: 1 } });
    await expect(db.getRepository(Order).get({ id: 'a' })).rejects.toThrow(/throttled/);
    expect(db.circuitBreakerOf(User)).toBe(db.circuitBreaker);
    await expect(db.getRepository(User).get({ id: 'u' })).rejects.toThrow(CircuitOpenError);
  });

  it('an unknown scope is refused when the client is made', () => {
    expect(() => new DkmioClient({ circuitBreaker: { scope: 'index' as never } })).toThrow(
      /circuitBreaker.scope must be 'client' or 'table'/,
    );
  });
});

describe('requestTimeoutMs wiring', () => {
  const recordOptions = () => {
    const seen: ({ abortSignal?: AbortSignal } | undefined)[] = [];
    const client = {
      send: (_c: never, options?: { abortSignal?: AbortSignal }) => (seen.push(options), Promise.resolve({})),
    };
    return { seen, client };
  };

  it('is on by default (10 s): every request is sent with a signal of its own', async () => {
    const { seen, client } = recordOptions();
    await new DkmioClient({ client }).getRepository(Order).get({ id: 'a' });
    expect(seen[0]?.abortSignal).toBeInstanceOf(AbortSignal);
    expect(seen[0]!.abortSignal!.aborted).toBe(false);
  });

  it("0 turns it off: the caller's signal (or none) is passed through unchanged", async () => {
    const { seen, client } = recordOptions();
    const repo = new DkmioClient({ client, requestTimeoutMs: 0 }).getRepository(Order);
    await repo.get({ id: 'a' });
    const signal = new AbortController().signal;
    await repo.get({ id: 'a' }, { signal });
    expect(seen[0]).toBeUndefined();
    expect(seen[1]!.abortSignal).toBe(signal);
  });

  it("a caller's abort reaches the request's own signal with the caller's reason", async () => {
    let sentSignal: AbortSignal | undefined;
    const controller = new AbortController();
    const client = {
      send: (_c: never, options?: { abortSignal?: AbortSignal }) => {
        sentSignal = options?.abortSignal;
        return new Promise((_resolve, reject) =>
          options!.abortSignal!.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      },
    };
    const pending = new DkmioClient({ client })
      .getRepository(Order)
      .get({ id: 'a' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    const reason = new Error('stop');
    await new Promise((r) => setImmediate(r));
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(sentSignal!.aborted).toBe(true);
    expect(sentSignal!.reason).toBe(reason);
  });
});
