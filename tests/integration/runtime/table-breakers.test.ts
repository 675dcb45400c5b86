/**
 * `circuitBreaker: { scope: 'table' }` on DynamoDB Local, through the fault proxy throttling
 * one table only: that table's breaker opens and refuses without sending, while the other
 * table's calls still reach DynamoDB and succeed. With the default client scope the same
 * throttled table refuses every table's calls (the behaviour scope 'table' exists to avoid).
 */
import 'reflect-metadata';
import {
  CircuitOpenError,
  DkmioClient,
  PartitionKey,
  Table,
  ThrottlingError,
  type DkmioClientOptions,
} from '../../../src';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { testClientConfig, testEndpoint, uniqueTableName } from '../../support/local';
import { createRawTable, rawClient } from '../../support/raw-tables';

@Table('hot')
class Hot {
  @PartitionKey() id!: string;
}

@Table('calm')
class Calm {
  @PartitionKey() id!: string;
  n?: number;
}

const prefix = `${uniqueTableName('tb')}-`;
const raw = rawClient();
let proxy: FaultProxy;
const clients: DkmioClient[] = [];

function client(circuitBreaker: DkmioClientOptions['circuitBreaker']): DkmioClient {
  const db = new DkmioClient({
    ...testClientConfig(),
    endpoint: proxy.endpoint,
    tableNamePrefix: prefix,
    clientConfig: { maxAttempts: 1 },
    circuitBreaker,
  });
  clients.push(db);
  return db;
}

beforeAll(async () => {
  await createRawTable(raw, `${prefix}hot`, ['id', 'S']);
  await createRawTable(raw, `${prefix}calm`, ['id', 'S']);
  proxy = await startFaultProxy({ target: testEndpoint() });
  proxy.setRules([{ fault: 'throttle', rate: 1, tables: [`${prefix}hot`] }]);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  raw.destroy();
  await proxy.close();
});

async function throttleHotTwice(db: DkmioClient): Promise<void> {
  const hot = db.getRepository(Hot);
  await expect(hot.get({ id: 'a' })).rejects.toBeInstanceOf(ThrottlingError);
  await expect(hot.put({ id: 'b' })).rejects.toBeInstanceOf(ThrottlingError);
}

it("scope 'table': the throttled table's breaker opens; the other table is untouched and keeps working", async () => {
  const db = client({ scope: 'table', failureThreshold: 2, recoveryTimeoutMs: 60_000 });
  await throttleHotTwice(db);
  expect(db.circuitBreakerOf(Hot).state).toBe('open');
  expect(db.circuitBreakerOf(Calm).state).toBe('closed');
  expect(db.circuitBreaker.state).toBe('open');
  const received = proxy.counts.received;
  await expect(db.getRepository(Hot).get({ id: 'a' })).rejects.toBeInstanceOf(CircuitOpenError);
  expect(proxy.counts.received).toBe(received);
  const calm = db.getRepository(Calm);
  await calm.put({ id: 'c1', n: 1 });
  expect((await calm.get({ id: 'c1' }))!.n).toBe(1);
  expect(proxy.counts.received).toBe(received + 2);
});

it("scope 'client' (the default): the same throttled table refuses the other table's calls too", async () => {
  const db = client({ failureThreshold: 2, recoveryTimeoutMs: 60_000 });
  await throttleHotTwice(db);
  const received = proxy.counts.received;
  await expect(db.getRepository(Calm).get({ id: 'c1' })).rejects.toBeInstanceOf(CircuitOpenError);
  expect(proxy.counts.received).toBe(received);
});
