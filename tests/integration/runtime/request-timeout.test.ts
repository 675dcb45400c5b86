/**
 * `requestTimeoutMs` against a frozen server: a loopback TCP server that accepts connections,
 * reads what it is sent and never answers (what a SIGSTOPped DynamoDB looks like). Without the
 * timeout a call would hang forever; with it each call fails with RequestTimeoutError, which
 * the circuit breaker counts, so it opens and later calls fail fast without connecting.
 * No assertion depends on time: only on error classes, codes and what reached the server.
 */
import 'reflect-metadata';
import * as net from 'node:net';
import {
  BatchWriteError,
  CircuitOpenError,
  DkmioClient,
  ErrorCodes,
  PartitionKey,
  RequestTimeoutError,
  Table,
  httpStatusOf,
} from '../../../src';
import { testClientConfig, uniqueTableName } from '../../support/local';
import { createRawTable, rawClient } from '../../support/raw-tables';

@Table('things')
class Thing {
  @PartitionKey() id!: string;
  n?: number;
}

interface FrozenServer {
  endpoint: string;
  /** Connections accepted so far. */
  connections: number;
  /** Requests seen (HTTP request lines). */
  requests: number;
  close(): Promise<void>;
}

async function startFrozenServer(): Promise<FrozenServer> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0, requests: 0 };
  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      state.requests += (chunk.toString('latin1').match(/^POST \//gm) ?? []).length;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    get requests() {
      return state.requests;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let frozen: FrozenServer;
const clients: DkmioClient[] = [];
const frozenClient = (options: ConstructorParameters<typeof DkmioClient>[0] = {}) => {
  const db = new DkmioClient({
    ...testClientConfig(),
    endpoint: frozen.endpoint,
    clientConfig: { maxAttempts: 1 },
    ...options,
  });
  clients.push(db);
  return db;
};

beforeAll(async () => {
  frozen = await startFrozenServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await frozen.close();
});

describe('requestTimeoutMs against a server that accepts and never answers', () => {
  it('a get fails with RequestTimeoutError (REQUEST_TIMEOUT, HTTP 504) naming the operation, the table and the timeout', async () => {
    const db = frozenClient({ requestTimeoutMs: 300, circuitBreaker: false });
    const before = frozen.requests;
    const error = await db
      .getRepository(Thing)
      .get({ id: 'a' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    const e = error as RequestTimeoutError;
    expect(e.code).toBe(ErrorCodes.REQUEST_TIMEOUT);
    expect(e.code).toBe('REQUEST_TIMEOUT');
    expect(e.timeoutMs).toBe(300);
    expect(httpStatusOf(e)).toBe(504);
    expect(e.message).toMatch(/get_item on things got no answer within 300 ms \(requestTimeoutMs\)/);
    expect(e.message).not.toMatch(/"a"|\ba\b.*id/);
    // The request did reach the server: it was the answer that never came.
    expect(frozen.requests).toBe(before + 1);
  });

  it('the breaker counts timeouts as infrastructure failures: it opens, and then refuses without connecting', async () => {
    const db = frozenClient({
      requestTimeoutMs: 200,
      circuitBreaker: { failureThreshold: 2, recoveryTimeoutMs: 60_000 },
    });
    const things = db.getRepository(Thing);
    await expect(things.get({ id: 'a' })).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(db.circuitBreaker.state).toBe('closed');
    await expect(things.put({ id: 'b', n: 1 })).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(db.circuitBreaker.state).toBe('open');
    const seen = frozen.requests;
    const connections = frozen.connections;
    const refused = await things
      .query({ id: 'a' })
      .execute()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect(httpStatusOf(refused)).toBe(503);
    expect(frozen.requests).toBe(seen);
    expect(frozen.connections).toBe(connections);
  });

  it("the caller's AbortSignal still wins: its reason is thrown, not a timeout, and the breaker does not count it", async () => {
    const db = frozenClient({ requestTimeoutMs: 60_000, circuitBreaker: { failureThreshold: 1 } });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const before = frozen.requests;
    const pending = db
      .getRepository(Thing)
      .get({ id: 'a' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    // Abort once the request is on the wire.
    while (frozen.requests === before) await new Promise((r) => setTimeout(r, 5));
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(db.circuitBreaker.state).toBe('closed');
  });

  it('a batch write whose request timed out lists every write with maybeApplied: true (the answer, not the write, was lost)', async () => {
    const db = frozenClient({
      requestTimeoutMs: 150,
      circuitBreaker: false,
      batch: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const error = (await db
      .getRepository(Thing)
      .batchWrite((b) => {
        for (let i = 0; i < 3; i++) b.put({ id: `w${i}`, n: i });
      })
      .catch((e: unknown) => e)) as BatchWriteError;
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error.cause).toBeInstanceOf(RequestTimeoutError);
    expect(error.unprocessed.map((u) => u.maybeApplied)).toEqual([true, true, true]);
  });

  it('requestTimeoutMs must be a finite number >= 0, checked when the client is made', () => {
    expect(() => new DkmioClient({ requestTimeoutMs: -1 })).toThrow(
      /requestTimeoutMs must be a finite number of milliseconds >= 0/,
    );
    expect(() => new DkmioClient({ requestTimeoutMs: Number.NaN })).toThrow(/requestTimeoutMs/);
  });
});

describe('requestTimeoutMs on a live DynamoDB Local', () => {
  const prefix = `${uniqueTableName('rto')}-`;
  const raw = rawClient();
  beforeAll(() => createRawTable(raw, `${prefix}things`, ['id', 'S']));
  afterAll(() => raw.destroy());

  it('answered requests leave no timer behind (each is cleared when the answer arrives)', async () => {
    const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix, requestTimeoutMs: 600_000 });
    clients.push(db);
    const things = db.getRepository(Thing);
    await things.put({ id: 'warm', n: 0 });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 20; i++) await things.put({ id: `t${i}`, n: i });
    await Promise.all(Array.from({ length: 20 }, (_, i) => things.get({ id: `t${i}` })));
    expect(timers()).toBeLessThanOrEqual(before);
    expect((await things.get({ id: 't7' }))!.n).toBe(7);
  });
});
